import { accessPeriodEnd } from '../../../domain/access.ts';
import { formatDate } from '../../../domain/calendar-date.ts';
import type { Regime } from '../../../domain/clients.ts';
import { formatInsz } from '../../../domain/insz.ts';
import type { Dossier } from '../../../services/dossiers/dossier-service.ts';
import type { PageView } from '../layout-presenter.ts';
import { presentDossierFrame } from './dossier-presenter.ts';

const REGIMES: Record<Regime, string> = {
  algemeen: 'Algemeen regime',
  cao82: 'CAO 82 (45+)',
  tewerkstellingscel: 'Tewerkstellingscel',
};

const ATTEST_STATES = { ingediend: 'Ingediend', goedgekeurd: 'Goedgekeurd', afgewezen: 'Afgewezen' } as const;

const NOT_FILLED = 'Niet ingevuld';

export function presentPortrait(dossier: Dossier): PageView {
  const { client } = dossier;
  const address = [client.street, [client.postcode, client.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const row = (key: string, value: string | null) => ({ key: { text: key }, value: { text: value === null || value === '' ? NOT_FILLED : value } });
  return {
    title: 'Klantenportret',
    frame: presentDossierFrame(dossier, 'klantenportret'),
    identity: [
      row('Familienaam', client.familyName),
      row('Voornaam', client.firstName),
      row('Geboortedatum', formatDate(client.birthDate)),
      row('INSZ', formatInsz(client.insz)),
    ],
    contact: [row('E-mailadres', client.email), row('Telefoon', client.phone), row('Adres', address)],
    attests: dossier.attests.map((attest) => ({
      organisation: attest.organisationName,
      regime: REGIMES[attest.regime],
      period: `${formatDate(attest.startDate)} – ${formatDate(attest.endDate)}`,
      state: ATTEST_STATES[attest.state],
      accessUntil: attest.state === 'goedgekeurd' ? formatDate(accessPeriodEnd(attest.endDate)) : '',
    })),
  };
}
