/**
 * INSZ (rijksregisternummer / BIS-nummer): 11 digits, YYMMDD + 3-digit serial + 2-digit check.
 * The check is 97 - (first nine digits mod 97); for births from 2000 on, the nine digits are
 * prefixed with a 2 before the modulo. BIS numbers add 20 or 40 to the month.
 */
import { calendarDate, type CalendarDate } from './calendar-date.ts';

export type Insz = string & { readonly __brand: 'Insz' };

export type InszProblem = 'format' | 'checksum' | 'date';

/** What the number says of the birth date: the year always, month and day unless written 00. */
export type InszBirth = Readonly<{ year: number; month: number | null; day: number | null }>;

export type InszResult =
  | { ok: true; insz: Insz; birth: InszBirth; birthDate: CalendarDate | undefined }
  | { ok: false; problem: InszProblem };

/** Accepts the digits with the usual separators (spaces, dots, dashes). */
export function parseInsz(input: string): InszResult {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(digits)) return { ok: false, problem: 'format' };

  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const born1900s = 97 - (base % 97) === check;
  const born2000s = 97 - ((2_000_000_000 + base) % 97) === check;
  if (!born1900s && !born2000s) return { ok: false, problem: 'checksum' };

  // The two checks never coincide (2000000000 mod 97 = 68), so the century is certain.
  const birth = birthOf(digits, born2000s ? 2000 : 1900);
  if (birth === undefined) return { ok: false, problem: 'date' };
  const birthDate = birth.month !== null && birth.day !== null ? calendarDate(birth.year, birth.month, birth.day) : undefined;
  return { ok: true, insz: digits as Insz, birth, birthDate };
}

/**
 * The birth the date part encodes. BIS numbers add 20 or 40 to the month; a month or day
 * of 00 means unknown. A date part that is not a date (month 13, 31 February) is refused.
 */
function birthOf(digits: string, century: number): InszBirth | undefined {
  const year = century + Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (month >= 40) month -= 40;
  else if (month >= 20) month -= 20;
  if (month > 12 || day > 31) return undefined;
  if (month !== 0 && day !== 0 && calendarDate(year, month, day) === undefined) return undefined;
  return { year, month: month === 0 ? null : month, day: day === 0 ? null : day };
}

/** Whether a birth date agrees with the INSZ: the year always, month and day where known. */
export function birthDateMatches(insz: Insz, birthDate: CalendarDate): boolean {
  const parsed = parseInsz(insz);
  if (!parsed.ok) return false;
  const [year, month, day] = birthDate.split('-').map(Number);
  const { birth } = parsed;
  return birth.year === year && (birth.month === null || birth.month === month) && (birth.day === null || birth.day === day);
}

/** Builds a valid INSZ from a birth date and serial: used by the demo data and test factories. */
export function makeInsz(birthDate: CalendarDate, serial: number): Insz {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const nine = `${year.slice(2)}${month}${day}${String(serial).padStart(3, '0')}`;
  const base = Number(nine) + (Number(year) >= 2000 ? 2_000_000_000 : 0);
  const check = 97 - (base % 97);
  return `${nine}${String(check).padStart(2, '0')}` as Insz;
}

/** Shows the birth-date part and hides the serial and check: 850730-***-**. */
export function maskInsz(insz: Insz): string {
  return `${insz.slice(0, 6)}-***-**`;
}

/** The usual written form: 85.07.30-033.28. */
export function formatInsz(insz: Insz): string {
  return `${insz.slice(0, 2)}.${insz.slice(2, 4)}.${insz.slice(4, 6)}-${insz.slice(6, 9)}.${insz.slice(9)}`;
}
