/**
 * Server-side sessions. The store keeps a SHA-256 of the session id, never the id itself, and
 * a session ends 30 minutes after its last activity and 12 hours after login at the latest.
 * "Mijn sessies" (ASVS 7.4.5, 7.5.2): the user's live sessions with device, start and last seen,
 * and ending every other one. The row's `last_seen_at` is written with the session, which the
 * auth plugin touches at most once a minute: no extra write per request.
 */
import { createHash } from 'node:crypto';
import { LOGIN_DELAY } from '../../domain/accounts/login-delay.ts';
import { deviceOf, USER_AGENT_MAX, type Device } from '../../domain/accounts/device.ts';
import { SESSION_LIMITS, type Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';

export type SessionData = Record<string, unknown> & { userId?: string; authenticatedAt?: string; userAgent?: string };

/** One session on "Mijn sessies". */
export type SessionOverview = Readonly<{ current: boolean; device: Device; startedAt: Date; lastSeenAt: Date }>;

/** The User-Agent kept with a session at login: cut to its limit, absent when the browser sent none. */
export function keptUserAgent(header: string | undefined): string | undefined {
  return header === undefined || header === '' ? undefined : header.slice(0, USER_AGENT_MAX);
}

const IDLE_MS = SESSION_LIMITS.idleMinutes * 60_000;
const ABSOLUTE_MS = SESSION_LIMITS.absoluteHours * 3_600_000;
const STALE_COUNTER_MS = LOGIN_DELAY.knownOriginDays * 86_400_000;

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}

/** The user read with a session, kept until the request's auth step takes it (or briefly). */
type ResolvedActor = Readonly<{ actor: Actor | undefined; at: number }>;
const RESOLVED_TTL_MS = 10_000;
const RESOLVED_MAX = 10_000;

export function createSessionService({ db, repos, clock }: ServiceContext) {
  // Reading the session and its user in one query saves a round trip on every request; the
  // user travels from the store's get to the auth step through this short-lived map.
  const resolved = new Map<string, ResolvedActor>();

  return {
    async get(sessionId: string): Promise<SessionData | undefined> {
      const stored = await repos.sessions.findLiveWithActor(db, hashSessionId(sessionId), clock.now());
      if (stored === undefined) return undefined;
      if (stored.userId !== null) {
        if (resolved.size >= RESOLVED_MAX) resolved.clear();
        resolved.set(sessionId, { actor: stored.actor, at: performance.now() });
      }
      return stored.data;
    },

    /**
     * The user read together with this session in this request: `{ actor }` (undefined actor:
     * disabled or removed), or undefined when it was not read here (then the caller looks it up).
     */
    takeResolvedActor(sessionId: string): { actor: Actor | undefined } | undefined {
      const entry = resolved.get(sessionId);
      resolved.delete(sessionId);
      return entry !== undefined && performance.now() - entry.at < RESOLVED_TTL_MS ? { actor: entry.actor } : undefined;
    },

    async save(sessionId: string, data: SessionData): Promise<void> {
      const now = clock.now();
      const idleEnd = now.getTime() + IDLE_MS;
      const absoluteEnd = data.authenticatedAt !== undefined ? Date.parse(data.authenticatedAt) + ABSOLUTE_MS : idleEnd;
      await repos.sessions.upsert(db, {
        idHash: hashSessionId(sessionId),
        userId: typeof data.userId === 'string' ? data.userId : null,
        data,
        lastSeenAt: now,
        expiresAt: new Date(Math.min(idleEnd, absoluteEnd)),
        userAgent: typeof data.userAgent === 'string' ? data.userAgent.slice(0, USER_AGENT_MAX) : null,
      });
    },

    /** The user's live sessions, the current one first, then the most recently seen. */
    async listOfUser(userId: string, currentSessionId: string): Promise<SessionOverview[]> {
      const current = hashSessionId(currentSessionId);
      const rows = await repos.sessions.listLiveOfUser(db, userId, clock.now());
      return rows
        .map((row) => ({ current: row.idHash === current, device: deviceOf(row.userAgent), startedAt: row.createdAt, lastSeenAt: row.lastSeenAt }))
        .sort((a, b) => Number(b.current) - Number(a.current));
    },

    /**
     * Ends every session of the user but the one kept (ASVS 7.4.3, 7.5.2): for "Afmelden op alle
     * andere toestellen", and for a change of password or second factor. Runs in the caller's
     * transaction when it passes one; writes no audit record (the caller's use case does).
     */
    endOtherSessions(userId: string, keepSessionId: string, trx: Executor = db): Promise<number> {
      return repos.sessions.removeOthersOfUser(trx, userId, hashSessionId(keepSessionId));
    },

    /** "Afmelden op alle andere toestellen": the other sessions end, audited with their number. */
    async endOtherSessionsOf(actor: Actor, keepSessionId: string): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const ended = await repos.sessions.removeOthersOfUser(trx, actor.userId, hashSessionId(keepSessionId));
        await repos.audit.append(trx, byActor(actor, AuditAction.otherSessionsEnded, { details: { endedSessions: ended } }), clock.now());
        return ended;
      });
    },

    async destroy(sessionId: string): Promise<void> {
      await repos.sessions.remove(db, hashSessionId(sessionId));
    },

    /** Whether a logged-in session has passed the absolute limit (the store also refuses it). */
    isPastAbsoluteLimit(data: { authenticatedAt?: string }): boolean {
      return data.authenticatedAt !== undefined && clock.now().getTime() >= Date.parse(data.authenticatedAt) + ABSOLUTE_MS;
    },

    /** Expired sessions, and login counters with nothing left to remember (30 days quiet). */
    async removeExpired(): Promise<number> {
      const now = clock.now();
      const removed = await repos.sessions.removeExpired(db, now);
      await repos.loginThrottle.removeStale(db, new Date(now.getTime() - STALE_COUNTER_MS));
      return removed;
    },
  };
}
