/** The history of steps as a timeline (O11): who did what, when, with old and new values. */
import type { AuditRecord } from '../../../domain/audit.ts';
import { AuditAction } from '../../../services/audit/actions.ts';
import { BRUSSELS_DATE_TIME } from '../../../domain/calendar-date.ts';

const FIELD_LABELS: Record<string, string> = {
  toestand: 'Toestand',
  datum: 'Datum',
  financieringsnummer: 'Financieringsnummer',
  uitvoerder: 'Uitvoerder',
  aanvrager: 'Aanvrager',
  samenvatting: 'Samenvatting',
  einddatum: 'Einddatum',
  'geplande-stopzetting': 'Geplande stopzetting',
};

const dateTime = BRUSSELS_DATE_TIME;

export type TimelineItem = Readonly<{
  title: string;
  byline: string;
  timestamp: string;
  when: string;
  lines: { label: string; value: string }[];
}>;

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
const shown = (value: unknown): string => (text(value) === '' ? '(leeg)' : text(value));
/**
 * A registration's record holds the line's fields under `fields`, by their form ids, as a change
 * names its `field`; records written before docs/rules.md's naming rule hold them at the top.
 */
const fieldsOf = (details: Record<string, unknown>): Record<string, unknown> =>
  typeof details['fields'] === 'object' && details['fields'] !== null ? (details['fields'] as Record<string, unknown>) : details;

export function presentTimeline(records: readonly AuditRecord[]): TimelineItem[] {
  return records.map((record) => {
    const d = record.details;
    const stepType = text(d['stepType']);
    const base = { byline: record.actorLabel, timestamp: record.occurredAt.toISOString(), when: dateTime.format(record.occurredAt) };
    switch (record.action) {
      case AuditAction.stepRegistered:
        return {
          ...base,
          title: `${stepType} geregistreerd`,
          lines: ['toestand', 'datum', 'financieringsnummer', 'aanvrager', 'uitvoerder', 'samenvatting']
            .filter((f) => text(fieldsOf(d)[f]) !== '')
            .map((f) => ({ label: FIELD_LABELS[f] ?? f, value: text(fieldsOf(d)[f]) })),
        };
      case AuditAction.stepChanged:
      case AuditAction.summaryAppended: {
        const field = text(d['field']);
        const automatic = d['automatic'] === true;
        const why = d['plannedStop'] === true ? ' (automatisch, op de geplande datum)' : ' (automatisch, 1 maand na de einddatum)';
        return {
          ...base,
          title: `${stepType}: ${FIELD_LABELS[field] ?? field} ${record.action === AuditAction.summaryAppended ? 'aangevuld' : 'gewijzigd'}${automatic ? why : ''}`,
          lines: [
            { label: 'Oud', value: shown(d['old']) },
            { label: 'Nieuw', value: shown(d['new']) },
          ],
        };
      }
      case AuditAction.summaryClosed:
        return { ...base, title: 'Samenvatting afgesloten: de termijn van twee weken na de eindtoestand is voorbij', lines: [] };
      case AuditAction.stopRequested:
        return {
          ...base,
          title: `${stepType}: verzoek tot stopzetting ingediend`,
          lines: [
            { label: 'Reden', value: text(d['reason'] ?? d['reden']) },
            { label: 'Voorgestelde datum', value: text(d['proposedDate'] ?? d['voorgesteldeDatum']) },
          ],
        };
      case AuditAction.stopRequestAccepted:
        return { ...base, title: `${stepType}: verzoek tot stopzetting aanvaard`, lines: [] };
      case AuditAction.stopRequestLapsed:
        return { ...base, title: `${stepType}: verzoek tot stopzetting vervallen (de lijn werd afgesloten)`, lines: [] };
      case AuditAction.stopRequestDeclined:
        return { ...base, title: `${stepType}: verzoek tot stopzetting afgewezen`, lines: [{ label: 'Reden', value: text(d['reason'] ?? d['reden']) }] };
      default:
        return { ...base, title: record.action, lines: [] };
    }
  });
}
