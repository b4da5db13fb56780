/** A CalendarDate from an ISO literal, failing the test at once when the literal is no date. */
import assert from 'node:assert/strict';
import { parseIsoDate, type CalendarDate } from '../../src/domain/calendar-date.ts';

export function date(iso: string): CalendarDate {
  const parsed = parseIsoDate(iso);
  assert.ok(parsed !== undefined, `${iso} is no calendar date`);
  return parsed;
}
