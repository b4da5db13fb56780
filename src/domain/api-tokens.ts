/**
 * Partner API tokens (issue 17): an organisation's software calls `/api/v1` with a token that has
 * a name, scopes and an expiry of at most 12 months. The token reads `lbp_<id>_<secret>`: the
 * recognisable prefix lets secret scanners find a leaked one, the id makes the lookup one
 * indexed read, and only the SHA-256 of the secret is stored.
 */
import { addDays, addMonths, compareDates, dateInBrussels, dateParts, type CalendarDate } from './calendar-date.ts';
import { requiredText, type Problem } from './result.ts';

export const API_SCOPES = ['dossiers:read', 'stappen:write', 'documenten:write', 'aanvragen:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const TOKEN_PREFIX = 'lbp';
export const TOKEN_NAME_MAX_LENGTH = 100;
export const TOKEN_MAX_MONTHS = 12;

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

export type ApiTokenInput = Readonly<{ name: string; scopes: readonly string[]; expiresOn: CalendarDate }>;

/** Name required, at least one known scope, expiry after today and at most 12 months ahead. */
export function checkApiToken(input: ApiTokenInput, today: CalendarDate): Problem[] {
  const problems = [...requiredText('naam', input.name, TOKEN_NAME_MAX_LENGTH)];
  if (input.scopes.length === 0 || !input.scopes.every(isApiScope)) problems.push({ field: 'scopes', code: 'verplicht' });
  const last = addMonths(today, TOKEN_MAX_MONTHS);
  if (compareDates(input.expiresOn, today) <= 0) problems.push({ field: 'vervaldatum', code: 'niet-na-vandaag' });
  else if (compareDates(input.expiresOn, last) > 0) problems.push({ field: 'vervaldatum', code: 'te-ver', params: { last } });
  return problems;
}

export type ApiToken = Readonly<{
  id: string;
  organisationId: string;
  name: string;
  scopes: ApiScope[];
  createdAt: Date;
  createdByLabel: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}>;

export type ApiTokenState = 'actief' | 'verlopen' | 'ingetrokken';

export function tokenState(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): ApiTokenState {
  if (token.revokedAt !== null) return 'ingetrokken';
  return token.expiresAt.getTime() <= now.getTime() ? 'verlopen' : 'actief';
}

const TOKEN_PATTERN = /^lbp_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** The token as the user copies it, from its id (a uuid) and its secret (32 random bytes, base64url). */
export function formatToken(id: string, secret: string): string {
  return `${TOKEN_PREFIX}_${id.replaceAll('-', '')}_${secret}`;
}

/** The id (as a uuid) and the secret of a presented token, or undefined when it is not one. */
export function parseToken(value: string): { id: string; secret: string } | undefined {
  const match = TOKEN_PATTERN.exec(value);
  if (match === null) return undefined;
  const hex = match[1] ?? '';
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] ?? '' };
}

/** What the audit log and "Wie bekeek dit dossier" (A6) name as the organisation's system. */
export function systemActorName(organisationName: string): string {
  return `systeem van ${organisationName}`;
}

/** The instant a token that is valid through `expiresOn` (a Brussels calendar day) stops working: the next midnight in Brussels. */
export function expiryInstant(expiresOn: CalendarDate): Date {
  const next = addDays(expiresOn, 1);
  const { year, month, day } = dateParts(next);
  const utcMidnight = Date.UTC(year, month - 1, day);
  for (const offsetHours of [1, 2, 0]) {
    const instant = new Date(utcMidnight - offsetHours * 3_600_000);
    if (dateInBrussels(instant) === next && dateInBrussels(new Date(instant.getTime() - 1)) === expiresOn) return instant;
  }
  return new Date(utcMidnight);
}
