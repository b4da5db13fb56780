import { accessPeriodEnd } from '../../../domain/access.ts';
import { formatDate } from '../../../domain/calendar-date.ts';
import { ATTEST_STATE_LABELS, type Regime } from '../../../domain/clients.ts';
import { DOCUMENT_KIND_LABELS } from '../../../domain/documents/document.ts';
import type { PortraitWarning } from '../../../domain/dossier/portrait.ts';
import { formatInsz } from '../../../domain/insz.ts';
import { automaticCompletionDate } from '../../../domain/steps/dates.ts';
import type { Portrait } from '../../../services/dossier-upkeep/portrait-service.ts';
import { messages } from '../../messages/index.ts';
import { documentPath } from '../documents/documents-presenter.ts';
import { addressOf, desiredJobRow, profilePaths, registrationText } from '../profile/profile-presenter.ts';
import { stateTag, stepPath } from '../steps/steps-overview-presenter.ts';
import { dossierPath, presentDossierFrame } from './dossier-presenter.ts';

const REGIMES: Record<Regime, string> = {
  algemeen: 'Algemeen regime',
  cao82: 'CAO 82 (45+)',
  tewerkstellingscel: 'Tewerkstellingscel',
};


const NOT_FILLED = 'Niet ingevuld';

const MISSING_CONTACT = { telefoon: 'telefoon', 'e-mail': 'e-mailadres', adres: 'adres' } as const;

export function warningText(warning: PortraitWarning): string {
  const w = messages.upkeep.warnings;
  switch (warning.code) {
    case 'inschrijving-onbekend':
      return w.registrationUnknown;
    case 'niet-ingeschreven':
      return w.notRegistered;
    case 'geen-actieplan':
      return w.noActionPlan(warning.organisationName, formatDate(warning.dueOn));
    case 'geen-eindverslag':
      return w.noFinalReport(warning.organisationName, formatDate(warning.endDate));
    case 'contact-ontbreekt':
      return w.contactMissing(warning.missing.map((m) => MISSING_CONTACT[m]).join(', '));
  }
}

/** Klantenportret (K1, manual 4.3): everything a consultant must know in ten seconds. */
export function presentPortrait(portrait: Portrait) {
  const { dossier } = portrait;
  const { client } = dossier;
  const paths = profilePaths(client.id);
  const row = (key: string, value: string | null) => ({ key: { text: key }, value: { text: value === null || value === '' ? NOT_FILLED : value } });
  // The running lines first; without one, the latest line of each organisation shows how it ended.
  const running = portrait.outplacements.filter((s) => s.state === 'bezig');
  const shownLines = running.length > 0 ? running : portrait.outplacements.filter((s, i, all) => all.findIndex((o) => o.organisationId === s.organisationId) === i);
  return {
    title: 'Klantenportret',
    frame: presentDossierFrame(dossier, 'klantenportret'),
    warnings: portrait.warnings.map(warningText),
    identity: [
      row('Familienaam', client.familyName),
      row('Voornaam', client.firstName),
      row('Geboortedatum', formatDate(client.birthDate)),
      row('INSZ', formatInsz(client.insz)),
    ],
    contact: [row('E-mailadres', client.email), row('Telefoon', client.phone), row('Adres', addressOf(client))],
    jobSeeker: [
      row('Ingeschreven als werkzoekende', registrationText(portrait.registration)),
      row('Beschikbaar vanaf', portrait.availability?.availableFrom ? formatDate(portrait.availability.availableFrom) : null),
    ],
    outplacementTitle: running.length > 0 || shownLines.length === 0 ? 'Lopende outplacement' : 'Outplacement',
    outplacements: shownLines.map((step) => ({
      href: stepPath(client.id, step.id),
      organisation: step.organisationName,
      state: stateTag(step.state),
      period: `${formatDate(step.startDate)} – ${step.endDate === null ? '…' : formatDate(step.endDate)}`,
      // O8 (issue 15 defect 5): a planned stop comes before the automatic completion.
      completion:
        step.state !== 'bezig'
          ? ''
          : step.plannedStopDate !== null
            ? messages.steps.plannedStopNotice(formatDate(step.plannedStopDate))
            : step.endDate !== null
              ? formatDate(automaticCompletionDate(step.endDate))
              : '',
    })),
    desiredJobs: portrait.desiredJobs.map(desiredJobRow),
    noDesiredJobs: messages.upkeep.desiredJobs.none,
    profileLink: { href: paths.profile, text: messages.upkeep.desiredJobs.view },
    lastDocuments: portrait.lastDocuments.map((d) => ({
      name: d.publicationName,
      href: documentPath(client.id, d.id),
      kind: DOCUMENT_KIND_LABELS[d.kind],
      date: formatDate(d.uploadedOn),
      organisation: d.organisationName,
    })),
    documentsHref: dossierPath(client.id, 'documenten'),
    attests: dossier.attests.map((attest) => ({
      organisation: attest.organisationName,
      regime: REGIMES[attest.regime],
      period: `${formatDate(attest.startDate)} – ${formatDate(attest.endDate)}`,
      state: ATTEST_STATE_LABELS[attest.state],
      accessUntil: attest.state === 'goedgekeurd' ? formatDate(accessPeriodEnd(attest.endDate)) : '',
    })),
  };
}

export type PortraitView = ReturnType<typeof presentPortrait>;
