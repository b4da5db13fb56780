import { formatDate, type CalendarDate } from '../../domain/calendar-date.ts';
import { ATTEST_STATE_LABELS, type AttestState } from '../../domain/clients.ts';
import { STATE_LABELS } from '../../domain/steps/step.ts';
import { accounts as acc } from './accounts.ts';
import { admin as b } from './admin.ts';
import { apiTokens as t } from './api.ts';
import { attests as a } from './attests.ts';
import { documents as d } from './documents.ts';
import { secondFactor as f } from './second-factor.ts';
import { steps as s } from './steps.ts';
import { upkeep as u } from './upkeep.ts';
import { webhooks as w } from './webhooks.ts';

/** A refusal's message from the problem's parameters and field (see pages/shared/problems.ts). */
export type ProblemMessage = (params: Readonly<Record<string, string>>, field: string) => string;
export type ProblemMessages = Readonly<Record<string, ProblemMessage>>;

const date = (value: string | undefined): string => (value === undefined ? '' : formatDate(value as CalendarDate));
const stepState = (state: string | undefined): string => (STATE_LABELS as Readonly<Record<string, string | undefined>>)[state ?? ''] ?? state ?? '';

/** "… mag hoogstens N tekens bevatten": the field's name in that sentence. */
const TOO_LONG_LABELS: Readonly<Record<string, string>> = {
  ...u.labels,
  samenvatting: 'De samenvatting',
  aanvulling: 'De aanvulling',
  reden: 'De reden',
  publicatienaam: 'De publicatienaam',
  familienaam: 'De naam',
  voornaam: 'De naam',
  naam: 'De naam',
};
const tooLong: ProblemMessage = (p, field) => u.tooLong(TOO_LONG_LABELS[field] ?? 'Dit veld', p['max'] ?? '');

/** The messages of the services' problem codes, per feature: one text per code, chosen by field where it depends on it. */
export const problemMessages = {
  steps: {
    'na-vandaag': () => s.dateAfterToday,
    'voor-attest': (p) => s.dateBeforeAttest(date(p['start']), date(p['end'])),
    'na-attest': (p) => s.dateAfterAttest(date(p['start']), date(p['end'])),
    'voor-start': (p) => s.dateBeforeStart(date(p['start'])),
    'te-lang': tooLong,
    verplicht: (_p, field) => (field === 'aanvulling' ? s.additionRequired : s.reasonRequired),
    'onbekende-vestiging': (_p, field) => (field === 'aanvrager' ? s.officeUnknown.aanvrager : s.officeUnknown.uitvoerder),
    'onbekend-financieringsnummer': () => s.fundingUnknown,
    'niet-toegestaan': () => s.stateNotAllowed,
    'al-bezig': () => s.alreadyRunning,
    gewijzigd: (p) => s.changedMeanwhile(p['by'] ?? ''),
    'venster-gesloten': () => s.windowClosed,
    'verzoek-loopt': () => s.requestOpen,
    'na-einde': (p) => s.dateAfterEnd(date(p['start']), date(p['end'])),
    'stop-gepland': (p) => s.stopAlreadyPlanned(date(p['date'])),
  },
  upkeep: {
    verplicht: (_p, field) => u.required[field] ?? u.requiredOther,
    'te-lang': tooLong,
    postcode: () => u.postcode,
    telefoon: () => u.phone,
    'e-mail': () => u.email,
    'na-vandaag': (_p, field) => (field === 'inschrijvingsdatum' ? u.registrationDateAfterToday : field === 'tot' ? u.untilAfterNow : u.fromAfterNow),
    toekomst: () => u.diplomaInFuture,
    'voor-van': () => u.untilBeforeFrom,
    ongeldig: (_p, field) => (field === 'jaar' ? u.yearInvalid : field === 'rijbewijs' ? u.licenceInvalid : u.levelInvalid),
    'bestaat-al': (_p, field) => (field === 'taal' ? u.languageExists : field === 'titel' ? u.occupationExists : u.competenceExists),
    'onbekend-beroep': () => u.occupationUnknown,
    'onbekende-isco-code': () => u.iscoCodeUnknown,
    gewijzigd: (p) => u.changedMeanwhile(p['by'] ?? ''),
    verwijderd: () => u.removedMeanwhile,
  },
  documents: {
    verplicht: (_p, field) => (field === 'reden' ? d.reasonRequired : d.publicationNameRequired),
    'te-lang': tooLong,
    onbekend: () => d.stepUnknown,
    'al-ingetrokken': () => d.alreadyWithdrawn,
    gewijzigd: (p) => d.kindChangedMeanwhile(p['by'] ?? ''),
  },
  attests: {
    verplicht: (_p, field) => (field === 'insz' ? a.inszRequired : field === 'familienaam' ? a.familyNameRequired : field === 'voornaam' ? a.firstNameRequired : a.reasonRequired),
    'te-lang': tooLong,
    formaat: () => a.inszFormat,
    controlegetal: () => a.inszChecksum,
    datum: () => a.inszDate,
    'past-niet-bij-insz': () => a.birthDateMismatch,
    'niet-na-start': () => a.endNotAfterStart,
    'te-lang-periode': (p) => a.periodTooLong(Number(p['months']), date(p['lastAllowed'])),
    'niet-na-huidige': (p) => a.endNotAfterCurrent(date(p['current'])),
    'al-toegang': () => a.alreadyAccess,
    'al-ingediend': () => a.alreadyRequested,
    eindtoestand: (p) => a.lineEnded(stepState(p['state'])),
    // O12: decided meanwhile (with the outcome and who, when known) or changed meanwhile.
    gewijzigd: (p) => (p['state'] === undefined ? a.changedMeanwhile : a.alreadyHandled(ATTEST_STATE_LABELS[p['state'] as AttestState], p['by'] || 'een collega')),
    'attest-gewijzigd': () => a.attestChanged,
    'origineel-ontbreekt': () => a.originalMissing,
  },
  admin: {
    verplicht: (_p, field) => b.required[field] ?? u.requiredOther,
    'te-lang': (p, field) => u.tooLong(b.labels[field] ?? 'Dit veld', p['max'] ?? ''),
    'kbo-formaat': () => b.kboFormat,
    'kbo-controlegetal': () => b.kboChecksum,
    'kbo-bestaat': (p) => b.kboTaken(p['name'] ?? ''),
    vestigingscode: () => b.officeCodeFormat,
    'vestigingscode-bestaat': (p) => b.officeCodeTaken(p['office'] ?? ''),
    postcode: () => b.postcode,
    financieringscode: () => b.fundingCodeFormat,
    'financieringsnummer-bestaat': () => b.fundingCodeTaken,
    'tot-voor-van': () => b.untilBeforeFrom,
    volgorde: () => b.orderInvalid,
    'onbekend-staptype': () => b.stepTypeUnknown,
    'bestaat-al': () => u.occupationExists,
    'al-uitgefaseerd': () => b.alreadyRetired,
    gewijzigd: (p) => b.changedMeanwhile(p['by'] ?? ''),
    verwijderd: () => b.removedMeanwhile,
  },
  accounts: {
    verplicht: (_p, field) => acc.required[field] ?? u.requiredOther,
    'te-lang': (p, field) => (field === 'wachtwoord' ? acc.passwordTooLong(p['max'] ?? '') : tooLong(p, field)),
    'e-mail': () => acc.emailFormat,
    'in-gebruik': () => acc.emailInUse,
    onbekend: () => acc.officeUnknown,
    'niet-toegestaan': (p) => acc.roleNotAllowed[p['kind'] ?? ''] ?? acc.roleNotAllowed['partner'] ?? '',
    'eigen-rol': () => acc.ownRole,
    'laatste-beheerder': () => acc.lastBeheerder,
    'zelf-uitschakelen': () => acc.selfDisable,
    gewijzigd: () => acc.changedMeanwhile,
    'al-actief': () => acc.alreadyActive,
    uitgeschakeld: () => acc.disabledNoInvite,
    'te-kort': (p) => acc.passwordTooShort(p['min'] ?? ''),
    'eigen-gegevens': () => acc.passwordOwnData,
    veelgebruikt: () => acc.passwordCommon,
    verschillend: () => acc.passwordMismatch,
    'ongeldige-link': () => acc.invalidLink,
  },
  // The second factor: every refusal of a code (ASVS 6.5.1, 6.5.5).
  secondFactor: Object.fromEntries(Object.entries(f.problems).map(([code, text]) => [code, () => text])),
  apiTokens: {
    verplicht: (_p, field) => (field === 'scopes' ? t.scopesRequired : field === 'vervaldatum' ? t.expiryRequired : t.nameRequired),
    'te-lang': tooLong,
    'niet-na-vandaag': () => t.expiryNotAfterToday,
    'te-ver': (p) => t.expiryTooFar((p['last'] ?? '') as CalendarDate),
  },
  webhooks: {
    verplicht: (_p, field) => (field === 'gebeurtenissen' ? w.eventsRequired : w.urlRequired),
    'te-lang': (p) => w.urlTooLong(p['max'] ?? ''),
    'ongeldig-adres': () => w.urlInvalid,
    'geen-https': () => w.urlNotHttps,
    'gebruiker-in-adres': () => w.urlCredentials,
    'prive-adres': () => w.urlPrivate,
    'onbekende-host': () => w.urlUnknownHost,
    'te-veel-eindpunten': (p) => w.tooMany(p['max'] ?? ''),
    'onbekende-gebeurtenis': () => w.eventsUnknown,
  },
} satisfies Readonly<Record<string, ProblemMessages>>;
