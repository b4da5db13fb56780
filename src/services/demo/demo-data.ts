/**
 * The demo world: fictional organisations, offices, people and clients. Dates are relative
 * to the day of seeding, so that the attests "run today" whenever a newcomer starts the portal.
 */
import type { Regime } from '../../domain/clients.ts';
import type { Role } from '../../domain/roles.ts';

export const DEMO_PASSWORD = 'Demo-wachtwoord-2026';

export type DemoOrganisationKey = 'dienst' | 'partner1' | 'partner2';

type DemoOffice = Readonly<{ name: string; code: string; street: string; postcode: string; city: string }>;

export type DemoOrganisation = Readonly<{
  key: DemoOrganisationKey;
  name: string;
  kind: 'dienst' | 'partner';
  /** KBO/enterprise number (fictional, but passing its mod-97 check). */
  enterpriseNumber: string;
  offices: readonly DemoOffice[];
  fundingNumbers: ReadonlyArray<{ code: string; description: string }>;
  /** O13: the step types the organisation may register. */
  stepTypes: readonly string[];
}>;

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  organisation('dienst', 'Dienst Werk en Loopbaan', 'dienst', '0887010362', [
    office('HALLE', '384', 'Basiliekstraat 10', '1500', 'Halle'),
    office('LEUVEN', '211', 'Diestsevest 20', '3000', 'Leuven'),
    office('GENT', '512', 'Kortrijksesteenweg 30', '9000', 'Gent'),
  ]),
  organisation('partner1', 'Koers Outplacement', 'partner', '0456123494', [
    office('KOERS MECHELEN', '701', 'Bruul 40', '2800', 'Mechelen'),
    office('KOERS AALST', '702', 'Nieuwstraat 50', '9300', 'Aalst'),
  ], {
    fundingNumbers: [
      { code: 'KO-2026-01', description: 'Outplacement 45+ (CAO 82)' },
      { code: 'KO-2026-02', description: 'Tewerkstellingscel Textiel Oost' },
    ],
    stepTypes: ['outplacement', 'begeleidingstraject', 'jobcoaching'],
  }),
  organisation('partner2', 'Nieuwe Wegen Loopbaanadvies', 'partner', '0789456175', [
    office('NIEUWE WEGEN BRUGGE', '801', 'Steenstraat 60', '8000', 'Brugge'),
    office('NIEUWE WEGEN HASSELT', '802', 'Kempischesteenweg 70', '3500', 'Hasselt'),
  ], {
    fundingNumbers: [{ code: 'NW-2026-01', description: 'Algemeen regime outplacement' }],
    stepTypes: ['outplacement', 'opleiding', 'sollicitatietraining'],
  }),
];

function organisation(
  key: DemoOrganisationKey,
  name: string,
  kind: DemoOrganisation['kind'],
  enterpriseNumber: string,
  offices: readonly DemoOffice[],
  more: Partial<Pick<DemoOrganisation, 'fundingNumbers' | 'stepTypes'>> = {},
): DemoOrganisation {
  return { key, name, kind, enterpriseNumber, offices, fundingNumbers: more.fundingNumbers ?? [], stepTypes: more.stepTypes ?? [] };
}

function office(name: string, code: string, street: string, postcode: string, city: string): DemoOffice {
  return { name, code, street, postcode, city };
}

export const DEMO_USERS: ReadonlyArray<{
  email: string;
  displayName: string;
  role: Role;
  organisation: DemoOrganisationKey;
  officeCode: string;
}> = [
  { email: 'begeleider@demo.be', displayName: 'Bina Peeters', role: 'begeleider', organisation: 'partner1', officeCode: '701' },
  { email: 'begeleider2@demo.be', displayName: 'Jonas De Smet', role: 'begeleider', organisation: 'partner2', officeCode: '801' },
  { email: 'partnerbeheerder@demo.be', displayName: 'Els Van den Broeck', role: 'partnerbeheerder', organisation: 'partner1', officeCode: '702' },
  { email: 'secretariaat@demo.be', displayName: 'Sofie Claes', role: 'secretariaat', organisation: 'dienst', officeCode: '384' },
  { email: 'adviseur@demo.be', displayName: 'Tom Wouters', role: 'interventieadviseur', organisation: 'dienst', officeCode: '384' },
  { email: 'beheerder@demo.be', displayName: 'Karin Maes', role: 'beheerder', organisation: 'dienst', officeCode: '211' },
];

/**
 * An attest as months relative to today: starts `startMonths` ago... and ends `endMonths`
 * from today (negative: in the past).
 */
export type DemoAttest = Readonly<{
  organisation: 'partner1' | 'partner2';
  regime: Regime;
  startMonthsAgo: number;
  endMonthsFromNow: number;
  state: 'goedgekeurd' | 'ingediend';
}>;

export type DemoClient = Readonly<{
  firstName: string;
  familyName: string;
  birthDate: string;
  serial: number;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  attests: readonly DemoAttest[];
  /** Steps already registered by the attest's organisation, started `monthsAgo` months ago. */
  steps?: ReadonlyArray<{ type: string; monthsAgo: number; summary: string }>;
}>;

const running = (organisation: 'partner1' | 'partner2', startMonthsAgo: number, endMonthsFromNow: number, regime: Regime = 'algemeen'): DemoAttest => ({
  organisation,
  regime,
  startMonthsAgo,
  endMonthsFromNow,
  state: 'goedgekeurd',
});

export const DEMO_CLIENTS: readonly DemoClient[] = [
  // Partner organisation 1: eight running attests, one ended long ago, one only submitted.
  withSteps(client('Ann', 'Janssens', '1971-03-14', 33, 'Kerkstraat 12', '2800', 'Mechelen', [running('partner1', 2, 4, 'cao82')]), [
    { type: 'outplacement', monthsAgo: 2, summary: 'Vermoedelijke einddatum volgens attest. Intake gepland.' },
    { type: 'jobcoaching', monthsAgo: 1, summary: '' },
  ]),
  withSteps(client('Koen', 'Willems', '1968-11-02', 145, 'Stationsstraat 4', '9300', 'Aalst', [running('partner1', 1, 2, 'cao82')]), [
    { type: 'outplacement', monthsAgo: 1, summary: 'Begeleiding gestart na intakegesprek.' },
  ]),
  client('Fatima', 'El Amrani', '1985-07-30', 226, 'Leopoldlaan 88', '2800', 'Mechelen', [running('partner1', 3, 3)]),
  client('Luc', 'Mertens', '1965-01-21', 17, null, '1500', 'Halle', [running('partner1', 5, 1, 'cao82')]),
  client('Sarah', 'Goossens', '1990-05-09', 402, 'Dorpsplein 3', '9320', 'Erembodegem', [running('partner1', 0, 6)]),
  client('Pieter', 'Vermeulen', '1979-09-17', 88, 'Molenweg 27', '2830', 'Willebroek', [running('partner1', 4, 2, 'tewerkstellingscel')]),
  client('Nadia', 'Bogaert', '2001-02-11', 61, 'Zavelstraat 9', '9300', 'Aalst', [running('partner1', 1, 5)]),
  client('Wim', 'Hermans', '1973-12-30', 305, 'Brusselsesteenweg 140', '2800', 'Mechelen', [running('partner1', 6, 0)]),
  client('Inge', 'Dubois', '1962-08-05', 190, 'Hoogstraat 51', '9300', 'Aalst', [running('partner1', 9, -4)]),
  client('Rachid', 'Benali', '1988-04-23', 71, 'Nieuwstraat 2', '2800', 'Mechelen', [
    { organisation: 'partner1', regime: 'algemeen', startMonthsAgo: 0, endMonthsFromNow: 6, state: 'ingediend' },
  ]),
  // Partner organisation 2: three running attests.
  withSteps(client('Elke', 'Smets', '1976-06-18', 124, 'Markt 7', '8000', 'Brugge', [running('partner2', 2, 4)]), [
    { type: 'outplacement', monthsAgo: 2, summary: '' },
  ]),
  client('Bart', 'Lambrechts', '1969-10-01', 259, 'Genkersteenweg 300', '3500', 'Hasselt', [running('partner2', 1, 3, 'cao82')]),
  client('Yasmine', 'Claessens', '1993-01-27', 43, 'Langestraat 19', '8000', 'Brugge', [running('partner2', 3, 2)]),
  // Clients without any attest: in the registry, not in any partner's list.
  client('Marc', 'Wouters', '1958-02-14', 99, 'Kapelstraat 1', '1500', 'Halle', []),
  client('Lotte', 'Maes', '1998-09-03', 212, null, null, null, []),
  client('Dirk', 'Jacobs', '1966-07-12', 57, 'Veldstraat 66', '9000', 'Gent', []),
  client('Hanne', 'Pauwels', '1984-11-19', 318, 'Schoolstraat 5', '3000', 'Leuven', []),
  client('Tom', 'De Backer', '1975-03-08', 164, 'Bergstraat 22', '1500', 'Halle', []),
  client('Eva', 'Desmet', '2000-12-24', 82, 'Parklaan 10', '9000', 'Gent', []),
  client('Kevin', 'Martens', '1987-05-15', 237, 'Meersstraat 31', '3000', 'Leuven', []),
  client('Julie', 'Verhoeven', '1995-08-29', 14, 'Torenstraat 8', '2800', 'Mechelen', []),
  client('Stefaan', 'Coppens', '1961-04-04', 171, 'Ringlaan 45', '9300', 'Aalst', []),
];

function withSteps(demo: DemoClient, steps: NonNullable<DemoClient['steps']>): DemoClient {
  return { ...demo, steps };
}

function client(
  firstName: string,
  familyName: string,
  birthDate: string,
  serial: number,
  street: string | null,
  postcode: string | null,
  city: string | null,
  attests: readonly DemoAttest[],
): DemoClient {
  const mailbox = `${firstName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, '');
  return {
    firstName,
    familyName,
    birthDate,
    serial,
    email: street === null ? null : `${mailbox}@voorbeeld.be`,
    phone: street === null ? null : `04${String(70_000_000 + serial * 12_345).slice(0, 8)}`,
    street,
    postcode,
    city,
    attests,
  };
}
