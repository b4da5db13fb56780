/**
 * ASVS 5.2.1 (issue 13 item 5): a per-user upload quota per calendar day in Brussels, counted
 * from what the user uploaded that day (documents of the dossier and attest scans). Pure rules;
 * the count comes from the repository, the limits from the configuration.
 */
import { addDays, dateParts, type CalendarDate } from '../calendar-date.ts';

export type UploadQuota = Readonly<{ uploadsPerDay: number; bytesPerDay: number }>;

/** What one user uploaded on one day: the number of files and their bytes. */
export type UploadsOfDay = Readonly<{ uploads: number; bytes: number }>;

/** 200 uploads and 1 GB a day: far above a day's work, far below what fills a disk. */
export const DEFAULT_UPLOAD_QUOTA: UploadQuota = { uploadsPerDay: 200, bytesPerDay: 1024 * 1024 * 1024 };

/** The bytes the user may still upload today, or undefined when the day's quota is used up. */
export function bytesLeftToday(quota: UploadQuota, used: UploadsOfDay): number | undefined {
  if (used.uploads >= quota.uploadsPerDay || used.bytes >= quota.bytesPerDay) return undefined;
  return quota.bytesPerDay - used.bytes;
}

/** The instants that bound a calendar day in Brussels: [from, to), 23, 24 or 25 hours apart. */
export function brusselsDay(date: CalendarDate): Readonly<{ from: Date; to: Date }> {
  return { from: brusselsMidnight(date), to: brusselsMidnight(addDays(date, 1)) };
}

const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Brussels's wall clock is ahead of UTC at the instant, in milliseconds. */
function offsetAt(instant: number): number {
  const parts = Object.fromEntries(WALL_CLOCK.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const wall = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return wall - instant;
}

/** 00:00 in Brussels on the date (never in a clock change, which happens at 02:00 or 03:00). */
function brusselsMidnight(date: CalendarDate): Date {
  const { year, month, day } = dateParts(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  return new Date(utcMidnight - offsetAt(utcMidnight - offsetAt(utcMidnight)));
}
