/**
 * "Wijzigingen": the changes to profile, desired jobs and CV as a timeline. The services write one
 * audit record per field; the records of one change (same action, item and person, one after
 * the other) are shown as one entry with a line per field: old → new.
 */
import type { AuditRecord } from '../../../domain/audit.ts';
import { AuditAction } from '../../../services/audit/actions.ts';
import type { TimelineItem } from '../steps/history-presenter.ts';
import { BRUSSELS_DATE_TIME } from '../../../domain/calendar-date.ts';

const SECTIONS: Readonly<Record<string, string>> = {
  contactgegevens: 'Contactgegevens',
  'inschrijving-werkzoekende': 'Inschrijving als werkzoekende',
  beschikbaarheid: 'Beschikbaarheid',
  'gewenste-job': 'Gewenste job',
  opleiding: 'Opleiding',
  werkervaring: 'Werkervaring',
  taal: 'Taal',
  competentie: 'Competentie',
  rijbewijs: 'Rijbewijzen',
};

export const UPKEEP_FIELD_LABELS: Readonly<Record<string, string>> = {
  telefoon: 'Telefoon',
  'e-mail': 'E-mailadres',
  straat: 'Straat en huisnummer',
  postcode: 'Postcode',
  gemeente: 'Gemeente',
  ingeschreven: 'Ingeschreven als werkzoekende',
  inschrijvingsdatum: 'Datum van inschrijving',
  'beschikbaar-vanaf': 'Beschikbaar vanaf',
  beroep: 'Beroep',
  ervaring: 'Ervaring',
  regio: "Regio's",
  regime: 'Regime',
  niveau: 'Niveau',
  richting: 'Studierichting',
  instelling: 'Onderwijsinstelling',
  jaar: 'Jaar',
  diploma: 'Diploma behaald',
  werkgever: 'Werkgever',
  functie: 'Functie',
  van: 'Van',
  tot: 'Tot',
  taal: 'Taal',
  begrijpen: 'Begrijpen',
  spreken: 'Spreken',
  lezen: 'Lezen',
  schrijven: 'Schrijven',
  competentie: 'Competentie',
  rijbewijs: 'Rijbewijzen',
};

const VERBS: Readonly<Record<string, string>> = {
  [AuditAction.desiredJobAdded]: 'toegevoegd',
  [AuditAction.desiredJobRemoved]: 'verwijderd',
  [AuditAction.cvItemAdded]: 'toegevoegd',
  [AuditAction.cvItemRemoved]: 'verwijderd',
};

const dateTime = BRUSSELS_DATE_TIME;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const shown = (value: unknown): string => (text(value) === '' ? '(leeg)' : text(value));

export function presentUpkeepTimeline(records: readonly AuditRecord[]): TimelineItem[] {
  const groups: AuditRecord[][] = [];
  for (const record of records) {
    const last = groups.at(-1)?.at(-1);
    const sameChange =
      last !== undefined &&
      last.action === record.action &&
      last.actorLabel === record.actorLabel &&
      text(last.details['section']) === text(record.details['section']) &&
      text(last.details['itemId']) === text(record.details['itemId']) &&
      Math.abs(last.occurredAt.getTime() - record.occurredAt.getTime()) < 5_000;
    if (sameChange) groups.at(-1)?.push(record);
    else groups.push([record]);
  }
  return groups.map((group) => {
    const first = group[0] as AuditRecord;
    const section = SECTIONS[text(first.details['section'])] ?? text(first.details['section']);
    const item = text(first.details['item']);
    const verb = VERBS[first.action] ?? 'gewijzigd';
    return {
      title: `${section}${item === '' ? '' : `: ${item}`} ${verb}`,
      byline: first.actorLabel,
      timestamp: first.occurredAt.toISOString(),
      when: dateTime.format(first.occurredAt),
      lines: group.map((record) => {
        const label = UPKEEP_FIELD_LABELS[text(record.details['field'])] ?? text(record.details['field']);
        const value =
          verb === 'toegevoegd' ? shown(record.details['new']) : verb === 'verwijderd' ? shown(record.details['old']) : `${shown(record.details['old'])} → ${shown(record.details['new'])}`;
        return { label, value };
      }),
    };
  });
}
