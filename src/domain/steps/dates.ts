/**
 * Date rules of the Outplacement line: the automatic completion (O9) and the summary window
 * after an end state (O10).
 */
import { addDays, addMonths, compareDates, type CalendarDate } from '../calendar-date.ts';
import { automaticCompletionDate, SUMMARY_WINDOW_DAYS } from '../access.ts';

export { automaticCompletionDate };

/** O9/J1: a Bezig line is due for Uitgevoerd on its completion date (end + 1 month) and after. */
export function isCompletionDue(endDate: CalendarDate, today: CalendarDate): boolean {
  return compareDates(automaticCompletionDate(endDate), today) <= 0;
}

/**
 * The latest end date whose line is due today. Month arithmetic clamps (31/01 + 1 month =
 * 28/02), so several end dates share one completion date; due lines are exactly those with
 * `end_date <= lastDueEndDate(today)`, which an index on end_date answers.
 */
export function lastDueEndDate(today: CalendarDate): CalendarDate {
  let candidate = addMonths(today, -1);
  for (;;) {
    const next = addDays(candidate, 1);
    if (!isCompletionDue(next, today)) return candidate;
    candidate = next;
  }
}

/** O10: Samenvatting can be supplemented on the day the end state was reached and 14 days after. */
export function summaryWindowLastDay(endedOn: CalendarDate): CalendarDate {
  return addDays(endedOn, SUMMARY_WINDOW_DAYS);
}

export function isSummaryWindowOpen(endedOn: CalendarDate, today: CalendarDate): boolean {
  return compareDates(today, summaryWindowLastDay(endedOn)) <= 0;
}

/** J1: windows that closed before today: ended on or before this day. */
export function lastEndedOnWithClosedWindow(today: CalendarDate): CalendarDate {
  return addDays(today, -(SUMMARY_WINDOW_DAYS + 1));
}
