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

/**
 * O8 (amended, issue 15 defect 5): the date of an adviseur's stop of an Outplacement line lies
 * within the line's period: not before its start, not after its end date (the attest's end). A
 * date after today is a planned stop (the line stays Bezig until then, the sweep stops it, J1).
 * Without an end date (none known) a stop cannot be planned: it is not after today.
 */
export function checkStopDate(date: CalendarDate, line: { startDate: CalendarDate; endDate: CalendarDate | null }, today: CalendarDate): Problem[] {
  if (compareDates(date, line.startDate) < 0) return [{ field: 'datum', code: 'voor-start', params: { start: line.startDate } }];
  if (line.endDate === null) return compareDates(date, today) > 0 ? [{ field: 'datum', code: 'na-vandaag' }] : [];
  if (compareDates(date, line.endDate) > 0) return [{ field: 'datum', code: 'na-einde', params: { start: line.startDate, end: line.endDate } }];
  return [];
}

/** O8: a stop dated after today is planned, not done now. */
export function isPlannedStop(date: CalendarDate, today: CalendarDate): boolean {
  return compareDates(date, today) > 0;
}

export function checkSummary(field: 'samenvatting' | 'aanvulling', text: string): Problem[] {
  return maxLength(field, text, SUMMARY_MAX_LENGTH);
}

/** O10: text appended to the Samenvatting, with date and author; earlier text is never changed. */
export function appendToSummary(summary: string, addition: string, on: string, author: string): string {
  const entry = `[${on}, ${author}] ${addition}`;
  return summary === '' ? entry : `${summary}\n\n${entry}`;
}
