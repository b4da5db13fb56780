/**
 * The rules a step's fields must meet (O2, O3, O6, O7), as problems with a field and a code.
 * The web layer turns codes into Dutch messages; the rules stay here, testable without a database.
 */
import { compareDates, type CalendarDate } from '../calendar-date.ts';
import { maxLength, type Problem } from '../result.ts';
import { SUMMARY_MAX_LENGTH } from './step.ts';

export type Period = Readonly<{ startDate: CalendarDate; endDate: CalendarDate }>;

/** O2: the start of the guidance: within the attest's period and not after today. */
export function checkStartDate(date: CalendarDate, today: CalendarDate, attest: Period | null): Problem[] {
  if (compareDates(date, today) > 0) return [{ field: 'datum', code: 'na-vandaag' }];
  if (attest !== null && compareDates(date, attest.startDate) < 0) {
    return [{ field: 'datum', code: 'voor-attest', params: { start: attest.startDate, end: attest.endDate } }];
  }
  if (attest !== null && compareDates(date, attest.endDate) > 0) {
    return [{ field: 'datum', code: 'na-attest', params: { start: attest.startDate, end: attest.endDate } }];
  }
  return [];
}

/** O7/O8: a date of cancellation or stop lies between the start and today. */
export function checkEndingDate(field: 'datum' | 'voorgestelde-datum', date: CalendarDate, startDate: CalendarDate, today: CalendarDate): Problem[] {
  if (compareDates(date, startDate) < 0) return [{ field, code: 'voor-start', params: { start: startDate } }];
  if (field === 'datum' && compareDates(date, today) > 0) return [{ field, code: 'na-vandaag' }];
  return [];
}

export function checkSummary(field: 'samenvatting' | 'aanvulling', text: string): Problem[] {
  return maxLength(field, text, SUMMARY_MAX_LENGTH);
}

/** O10: text appended to the Samenvatting, with date and author; earlier text is never changed. */
export function appendToSummary(summary: string, addition: string, on: string, author: string): string {
  const entry = `[${on}, ${author}] ${addition}`;
  return summary === '' ? entry : `${summary}\n\n${entry}`;
}
