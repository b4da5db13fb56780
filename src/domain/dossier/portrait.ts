/**
 * The warnings of the Klantenportret (K1, manual 4.3): what a consultant must still do before
 * the hand-over to the public service. Pure: the service gathers the facts.
 */
import { addDays, compareDates, type CalendarDate } from '../calendar-date.ts';
import { missingContact, type ContactData, type MissingContact } from './contact.ts';
import type { JobSeekerRegistration } from './profile.ts';

/** The action plan is due within this many days after the start of the guidance. */
export const ACTION_PLAN_DAYS = 30;

export type OutplacementFacts = Readonly<{
  organisationId: string;
  organisationName: string;
  state: 'bezig' | 'geannuleerd' | 'stopgezet' | 'uitgevoerd';
  startDate: CalendarDate;
  endDate: CalendarDate | null;
}>;

/**
 * The client's documents: kind, day added and the organisation that added it. `null`: the
 * documents are not known here, so the warnings that need them are not given rather than wrongly.
 */
export type DocumentFacts = readonly Readonly<{ kind: string; addedOn: CalendarDate; organisationId: string }>[] | null;

export type PortraitWarning =
  | { code: 'inschrijving-onbekend' }
  | { code: 'niet-ingeschreven' }
  | { code: 'geen-actieplan'; organisationName: string; dueOn: CalendarDate }
  | { code: 'geen-eindverslag'; organisationName: string; endDate: CalendarDate }
  | { code: 'contact-ontbreekt'; missing: MissingContact[] };

/** A document counts for a line when its organisation added it on or after the line's start. */
function addedForLine(documents: NonNullable<DocumentFacts>, kind: string, line: Pick<OutplacementFacts, 'organisationId' | 'startDate'>): boolean {
  return documents.some((d) => d.kind === kind && d.organisationId === line.organisationId && compareDates(d.addedOn, line.startDate) >= 0);
}

/**
 * D2 (issue 15 defect 2): the Soort that "Voeg toe" on Traject chooses in advance. The manual adds
 * the action plan through that link once the Outplacement line runs; so while the organisation's
 * Bezig Outplacement line has no action plan of its own, Actieplan. Otherwise nothing: the user
 * chooses, as "Document toevoegen" has no default.
 */
export function kindDueOnTraject(organisationId: string, outplacements: readonly OutplacementFacts[], documents: NonNullable<DocumentFacts>): 'actieplan' | null {
  const due = outplacements.some((line) => line.state === 'bezig' && line.organisationId === organisationId && !addedForLine(documents, 'actieplan', line));
  return due ? 'actieplan' : null;
}

export function portraitWarnings(facts: {
  registration: Pick<JobSeekerRegistration, 'registered'> | null;
  contact: ContactData;
  outplacements: readonly OutplacementFacts[];
  documents: DocumentFacts;
  today: CalendarDate;
}): PortraitWarning[] {
  const warnings: PortraitWarning[] = [];
  if (facts.registration === null) warnings.push({ code: 'inschrijving-onbekend' });
  else if (!facts.registration.registered) warnings.push({ code: 'niet-ingeschreven' });

  if (facts.documents !== null) {
    const documents = facts.documents;
    for (const line of facts.outplacements) {
      if (line.state === 'geannuleerd') continue;
      const added = (kind: string) => addedForLine(documents, kind, line);
      const dueOn = addDays(line.startDate, ACTION_PLAN_DAYS);
      if (compareDates(facts.today, dueOn) > 0 && !added('actieplan')) warnings.push({ code: 'geen-actieplan', organisationName: line.organisationName, dueOn });
      const reportAdded = added('eindverslag');
      if (line.endDate !== null && compareDates(facts.today, line.endDate) > 0 && !reportAdded) {
        warnings.push({ code: 'geen-eindverslag', organisationName: line.organisationName, endDate: line.endDate });
      }
    }
  }

  const missing = missingContact(facts.contact);
  if (missing.length > 0) warnings.push({ code: 'contact-ontbreekt', missing });
  return warnings;
}
