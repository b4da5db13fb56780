/**
 * Calendar dates (no time of day), as ISO strings `YYYY-MM-DD`. Dates mean calendar days in
 * Europe/Brussels. Month arithmetic clamps to the last day of the month: 31/01 + 1 month is
 * 28/02, or 29/02 in a leap year.
 */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_ZONE = 'Europe/Brussels';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** A real calendar date from its parts, or undefined (31/02/2019 is not one). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDate;
}

export function parseIsoDate(value: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return calendarDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth))) as CalendarDate;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = dateParts(date);
  const utc = new Date(Date.UTC(year, month - 1, day + days));
  return calendarDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()) as CalendarDate;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** ISO strings of the same length compare as dates. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** en-CA formats as YYYY-MM-DD. Made once: building a formatter costs more than using it. */
const BRUSSELS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** An instant as the users read it, in Brussels: dd/mm/jjjj, uu:mm (nl-BE). Made once, shared by every screen and mail. */
export const BRUSSELS_DATE_TIME = new Intl.DateTimeFormat('nl-BE', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The time of day in Brussels to the second, uu:mm:ss (a login delay that counts in seconds). */
export const BRUSSELS_TIME_SECONDS = new Intl.DateTimeFormat('nl-BE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** The calendar day in Brussels at the given instant. */
export function dateInBrussels(instant: Date): CalendarDate {
  return BRUSSELS_DAY.format(instant) as CalendarDate;
}

/** dd/mm/jjjj, as the users read dates. */
export function formatDate(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
