/**
 * Small read helpers for the integration suites: the rows a test asserts on (audit, sessions)
 * and the parts of a response it looks at. Not a test file itself (no `.test.ts`).
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/database.ts';
import { hashSessionId } from '../../src/services/auth/session-service.ts';
import { SESSION_COOKIE } from './web-session.ts';

export type AuditRow = Readonly<{
  id: number;
  action: string;
  actorUserId: string | null;
  organisationId: string | null;
  clientId: string | null;
  details: Record<string, unknown>;
}>;

/** Audit rows matching every given field, oldest first. */
export async function auditRows(
  db: Database,
  filter: { action?: string; actorUserId?: string; clientId?: string | null },
): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_events').select(['id', 'action', 'actorUserId', 'organisationId', 'clientId', 'details']);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.actorUserId !== undefined) query = query.where('actorUserId', '=', filter.actorUserId);
  if (filter.clientId === null) query = query.where('clientId', 'is', null);
  else if (filter.clientId !== undefined) query = query.where('clientId', '=', filter.clientId);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    actorUserId: row.actorUserId,
    organisationId: row.organisationId,
    clientId: row.clientId,
    details: row.details,
  }));
}

export async function countAudit(db: Database, filter: Parameters<typeof auditRows>[1]): Promise<number> {
  return (await auditRows(db, filter)).length;
}

/** Rows in the sessions table that belong to a user. */
export async function countSessionsOf(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    // The driver's type for count(*) (int8) differs per engine and parser set-up: normalise it here.
    .select((eb) => eb.fn.countAll<number | bigint | string>().as('n'))
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the store still holds the session behind a (signed) session cookie value. */
export async function sessionRowExists(db: Database, cookieValue: string): Promise<boolean> {
  const sessionId = cookieValue.slice(0, cookieValue.lastIndexOf('.'));
  assert.ok(sessionId.length > 0, 'a signed session cookie is "<id>.<signature>"');
  const row = await db.selectFrom('sessions').select('idHash').where('idHash', '=', hashSessionId(sessionId)).executeTakeFirst();
  return row !== undefined;
}

/** A GET with nothing but the given session cookie, as someone holding a stolen or old cookie would send it. */
export function getWithCookie(
  app: { inject: (options: { method: 'GET'; url: string; headers: Record<string, string> }) => Promise<LightMyRequestResponse> },
  url: string,
  cookieValue: string,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${cookieValue}` } });
}

/** Asserts a See Other redirect to the given location. */
export function assertRedirect(response: LightMyRequestResponse, location: string): void {
  assert.equal(response.statusCode, 303, `expected 303 to ${location}, got ${response.statusCode}`);
  assert.equal(response.headers.location, location);
}

/** The Set-Cookie header lines of a response (0, 1 or more). */
export function setCookieLines(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  if (header === undefined) return [];
  return Array.isArray(header) ? header : [header];
}

/** The texts of the error summary's list items and of the field error messages, in page order. */
export function errorMessagesIn(body: string): { summary: string[]; fields: string[] } {
  const strip = (html: string): string =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const summaryBlock = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '';
  const summary = [...summaryBlock.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => strip(m[1] ?? ''));
  const fields = [...body.matchAll(/<p id="[^"]+-error" class="govuk-error-message">([\s\S]*?)<\/p>/g)].map((m) =>
    // The visually hidden prefix is checked on its own (its language is a test of its own).
    strip(m[1] ?? '').replace(/^(Fout|Error):\s*/, ''),
  );
  return { summary, fields };
}
