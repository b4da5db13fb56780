/** The history of an administered record as a timeline (issue 12): who changed what, when, old and new value. */
import type { AuditRecord } from '../../../../domain/audit.ts';
import { messages } from '../../../messages/index.ts';
import { BRUSSELS_DATE_TIME } from '../../../../domain/calendar-date.ts';

const dateTime = BRUSSELS_DATE_TIME;

/** An item of shared/_timeline.njk. */
export type TimelineItem = Readonly<{ title: string; byline: string; timestamp: string; when: string; lines: { label: string; value: string }[] }>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const shown = (value: string): string => (value === '' ? messages.admin.empty : value);

type FieldChange = { field: string; old: string; new: string };

function changesOf(details: Record<string, unknown>): FieldChange[] {
  const fields = details['fields'];
  if (!Array.isArray(fields)) return [];
  return fields.map((f: unknown) => {
    const change = typeof f === 'object' && f !== null ? (f as Record<string, unknown>) : {};
    return { field: text(change['field']), old: text(change['old']), new: text(change['new']) };
  });
}

/** Newest first. A new record lists its values; a change lists each field as new value (was: old). */
export function presentAdminHistory(records: readonly AuditRecord[]): TimelineItem[] {
  return [...records].reverse().map((record) => {
    const name = text(record.details['name']);
    const created = record.action.endsWith('.aangemaakt');
    const title = messages.admin.history[record.action]?.(name) ?? record.action;
    return {
      title,
      byline: record.actorLabel,
      timestamp: record.occurredAt.toISOString(),
      when: dateTime.format(record.occurredAt),
      lines: changesOf(record.details).map((c) => ({
        label: messages.admin.historyFields[c.field] ?? c.field,
        value: created ? shown(c.new) : messages.admin.changedValue(shown(c.old), shown(c.new)),
      })),
    };
  });
}
