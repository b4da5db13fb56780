/**
 * The request for access by a signed attest outplacement (A2) and its extension (A4): the data
 * a partner types, its rules, and the states of a request. Pure: no database, no clock.
 */
import { addDays, addMonths, compareDates, dateParts, type CalendarDate } from '../calendar-date.ts';
import type { Regime } from '../clients.ts';
import { birthDateMatches, parseInsz, type Insz } from '../insz.ts';
import type { StoredFile } from '../documents/stored-file.ts';
import { requiredText, type Problem } from '../result.ts';

export type AttestRequestKind = 'nieuw' | 'verlenging';
/** A2/A4: what a request asks, on screen. */
export const REQUEST_KIND_LABELS: Readonly<Record<AttestRequestKind, string>> = { nieuw: 'Toegang', verlenging: 'Verlenging' };
export type AttestRequestState = 'ingediend' | 'goedgekeurd' | 'afgewezen';

export const REGIMES: readonly Regime[] = ['algemeen', 'cao82', 'tewerkstellingscel'];

export function isRegime(value: string): value is Regime {
  return (REGIMES as readonly string[]).includes(value);
}

/** A2: the period of an attest is at most this many months. */
export const MAX_PERIOD_MONTHS = 24;
export const NAME_MAX = 100;
export const REJECTION_REASON_MAX = 2000;

/**
 * A2: the last end date a period starting on `start` may have: 24 months, the start day
 * included, so the day before the same day 24 months later (01/01/2025 → 31/12/2026;
 * 01/03/2026 → 29/02/2028). When that day does not exist (29/02/2024 → no 29/02/2026), the
 * period runs to the end of that month (28/02/2026).
 */
export function lastAllowedEndDate(start: CalendarDate): CalendarDate {
  const sameDayLater = addMonths(start, MAX_PERIOD_MONTHS);
  const clamped = dateParts(sameDayLater).day < dateParts(start).day;
  return clamped ? sameDayLater : addDays(sameDayLater, -1);
}

export type AttestRequest = Readonly<{
  id: string;
  kind: AttestRequestKind;
  organisationId: string;
  organisationName: string;
  insz: Insz;
  familyName: string;
  firstName: string;
  birthDate: CalendarDate;
  regime: Regime;
  startDate: CalendarDate;
  endDate: CalendarDate;
  attestId: string | null;
  previousEndDate: CalendarDate | null;
  clientId: string | null;
  scan: StoredFile;
  state: AttestRequestState;
  rejectionReason: string | null;
  originalReceived: Readonly<{ byLabel: string; at: Date }> | null;
  submittedByLabel: string;
  submittedAt: Date;
  decidedByLabel: string | null;
  decidedAt: Date | null;
  version: number;
}>;

/** What the partner typed for a new request, already parsed into dates; the INSZ as typed. */
export type NewRequestInput = Readonly<{ insz: string }> & Pick<AttestRequest, 'familyName' | 'firstName' | 'birthDate' | 'regime' | 'startDate' | 'endDate'>;

/**
 * A2 (issue 15 defect 6): the request's fields as far as they could be read; a date the user has
 * not yet given as a real date is null, and the rules that need it wait for it.
 */
export type RequestFields = Readonly<{
  insz: string;
  familyName: string;
  firstName: string;
  birthDate: CalendarDate | null;
  startDate: CalendarDate | null;
  endDate: CalendarDate | null;
}>;

/** A2: every rule that the fields given allow, all at once, so that one answer names every problem. */
export function checkRequestFields(input: RequestFields): Problem[] {
  const problems: Problem[] = [];
  const insz = parseInsz(input.insz);
  if (input.insz.trim() === '') problems.push({ field: 'insz', code: 'verplicht' });
  else if (!insz.ok) problems.push({ field: 'insz', code: insz.problem === 'format' ? 'formaat' : insz.problem === 'checksum' ? 'controlegetal' : 'datum' });
  problems.push(...checkName('familienaam', input.familyName), ...checkName('voornaam', input.firstName));
  if (insz.ok && input.birthDate !== null && !birthDateMatches(insz.insz, input.birthDate)) problems.push({ field: 'geboortedatum', code: 'past-niet-bij-insz' });
  if (input.startDate !== null && input.endDate !== null) problems.push(...checkPeriod(input.startDate, input.endDate));
  return problems;
}

/** A2: the rules of the request's fields. The INSZ comes back normalised when it is valid. */
export function checkNewRequest(input: NewRequestInput): { ok: true; insz: Insz } | { ok: false; problems: Problem[] } {
  const problems = checkRequestFields(input);
  const insz = parseInsz(input.insz);
  return problems.length === 0 && insz.ok ? { ok: true, insz: insz.insz } : { ok: false, problems };
}

/** A2: end after start, at most 24 months. */
export function checkPeriod(start: CalendarDate, end: CalendarDate): Problem[] {
  if (compareDates(end, start) <= 0) return [{ field: 'einddatum', code: 'niet-na-start' }];
  const lastAllowed = lastAllowedEndDate(start);
  if (compareDates(end, lastAllowed) > 0) return [{ field: 'einddatum', code: 'te-lang-periode', params: { months: String(MAX_PERIOD_MONTHS), lastAllowed } }];
  return [];
}

/** A4: the new end date comes after the current one, and the whole period stays within 24 months. */
export function checkExtension(start: CalendarDate, currentEnd: CalendarDate, newEnd: CalendarDate): Problem[] {
  if (compareDates(newEnd, currentEnd) <= 0) return [{ field: 'einddatum', code: 'niet-na-huidige', params: { current: currentEnd } }];
  return checkPeriod(start, newEnd);
}

function checkName(field: 'familienaam' | 'voornaam', value: string): Problem[] {
  return requiredText(field, value.trim(), NAME_MAX);
}

/** A3: the reason of a rejection, which the partner sees. */
export function checkRejectionReason(reason: string): Problem[] {
  return requiredText('reden', reason.trim(), REJECTION_REASON_MAX);
}

/**
 * A3 (amended, issue 15 defect 9): a request is approved only once the signed original was
 * received: recorded earlier, or ticked in the same decision. A rejection needs no original.
 */
export function checkApproval(originalReceived: boolean): Problem[] {
  return originalReceived ? [] : [{ field: 'origineel', code: 'origineel-ontbreekt' }];
}

/** A3/A4: who handles which request: the secretariaat every request, an adviseur extensions. */
export function mayHandle(role: string, kind: AttestRequestKind): boolean {
  return role === 'secretariaat' || (role === 'interventieadviseur' && kind === 'verlenging');
}

export function mayHandleAny(role: string): boolean {
  return role === 'secretariaat' || role === 'interventieadviseur';
}
