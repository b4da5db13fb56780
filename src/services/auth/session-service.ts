/**
 * Server-side sessions. The store keeps a SHA-256 of the session id, never the id itself, and
 * a session ends 30 minutes after its last activity and 12 hours after login at the latest.
 */
import { createHash } from 'node:crypto';
import { SESSION_LIMITS, type Actor } from '../../domain/users.ts';
import type { ServiceContext } from '../context.ts';

export type SessionData = Record<string, unknown> & { userId?: string; authenticatedAt?: string };

const IDLE_MS = SESSION_LIMITS.idleMinutes * 60_000;
const ABSOLUTE_MS = SESSION_LIMITS.absoluteHours * 3_600_000;

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
      });
    },

    async destroy(sessionId: string): Promise<void> {
      await repos.sessions.remove(db, hashSessionId(sessionId));
    },

    /** Whether a logged-in session has passed the absolute limit (the store also refuses it). */
    isPastAbsoluteLimit(data: { authenticatedAt?: string }): boolean {
      return data.authenticatedAt !== undefined && clock.now().getTime() >= Date.parse(data.authenticatedAt) + ABSOLUTE_MS;
    },

    removeExpired(): Promise<number> {
      return repos.sessions.removeExpired(db, clock.now());
    },
  };
}
