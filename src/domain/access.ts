/**
 * A1: a partner organisation opens a client's dossier only while it holds an approved attest
 * whose access period runs today: from the day of approval until the attest's end date
 * + 1 month (automatic completion, O9) + 14 days (summary window, O10).
 */
import { addDays, addMonths, compareDates, type CalendarDate } from './calendar-date.ts';
import { isServiceStaff, type Role } from './roles.ts';

export const COMPLETION_DELAY_MONTHS = 1;
export const SUMMARY_WINDOW_DAYS = 14;

/** O9: the day on which a Bezig Outplacement line becomes Uitgevoerd. */
export function automaticCompletionDate(attestEnd: CalendarDate): CalendarDate {
  return addMonths(attestEnd, COMPLETION_DELAY_MONTHS);
}

/** A1: the last day on which the partner still has access. */
export function accessPeriodEnd(attestEnd: CalendarDate): CalendarDate {
  return addDays(automaticCompletionDate(attestEnd), SUMMARY_WINDOW_DAYS);
}

export type AttestForAccess = Readonly<{
  state: 'ingediend' | 'goedgekeurd' | 'afgewezen';
  approvedOn: CalendarDate | null;
  endDate: CalendarDate;
}>;

export function attestGivesAccess(attest: AttestForAccess, today: CalendarDate): boolean {
  return (
    attest.state === 'goedgekeurd' &&
    attest.approvedOn !== null &&
    compareDates(attest.approvedOn, today) <= 0 &&
    compareDates(today, accessPeriodEnd(attest.endDate)) <= 0
  );
}

/** A1 + A5: service staff see every dossier; partners only through a running attest. */
export function mayOpenDossier(role: Role, attestsOfOwnOrganisation: readonly AttestForAccess[], today: CalendarDate): boolean {
  if (isServiceStaff(role)) return true;
  return attestsOfOwnOrganisation.some((a) => attestGivesAccess(a, today));
}
