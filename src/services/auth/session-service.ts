/**
 * Server-side sessions. The store keeps a SHA-256 of the session id, never the id itself, and
 * a session ends 30 minutes after its last activity and 12 hours after login at the latest.
 */
import { createHash } from 'node:crypto';
import { SESSION_LIMITS } from '../../domain/users.ts';
import type { ServiceContext } from '../context.ts';

export type SessionData = Record<string, unknown> & { userId?: string; authenticatedAt?: string };

const IDLE_MS = SESSION_LIMITS.idleMinutes * 60_000;
const ABSOLUTE_MS = SESSION_LIMITS.absoluteHours * 3_600_000;

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}

export function createSessionService({ db, repos, clock }: ServiceContext) {
  return {
    async get(sessionId: string): Promise<SessionData | undefined> {
      const stored = await repos.sessions.findLive(db, hashSessionId(sessionId), clock.now());
      return stored?.data;
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
