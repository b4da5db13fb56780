import cookie from '@fastify/cookie';
import session from '@fastify/session';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { callbackify } from 'node:util';
import type { SessionData } from '../../../services/auth/session-service.ts';

declare module 'fastify' {
  interface Session {
    userId?: string;
    /** ISO instant of login: the absolute limit counts from here. */
    authenticatedAt?: string;
    /** ISO instant of the last request that refreshed the idle limit. */
    lastSeenAt?: string;
    /** The browser's User-Agent at login, for "Mijn sessies" (cut to 512 characters). */
    userAgent?: string;
    flash?: { kind: 'success' | 'info'; text: string; link?: { href: string; text: string } };
  }
}

const COOKIE = { path: '/', httpOnly: true, sameSite: 'lax' } as const;

function cookieName(production: boolean): string {
  return production ? '__Host-lbp.sid' : 'lbp.sid';
}

/** Logout (ASVS 7.4.1): the session cookie is replaced by an empty one that expired in the past. */
export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply): void {
  const production = app.config.env === 'production';
  reply.clearCookie(cookieName(production), { ...COOKIE, secure: production });
}

/** Cookies and server-side sessions in the database (through the session service). */
export const sessionPlugin = fp(
  async (app) => {
    const production = app.config.env === 'production';
    const sessions = app.services.sessions;
    await app.register(cookie);
    await app.register(session, {
      secret: app.config.sessionSecret,
      cookieName: cookieName(production),
      // A browser-session cookie: the server ends the session (idle and absolute limits).
      cookie: { ...COOKIE, secure: production },
      saveUninitialized: false,
      rolling: false,
      store: {
        get: callbackify((id: string) => sessions.get(id).then((data) => data ?? null)) as never,
        set: callbackify((id: string, data: SessionData) => sessions.save(id, toPlain(data))) as never,
        destroy: callbackify((id: string) => sessions.destroy(id)) as never,
      },
    });
  },
  { name: 'lbp-session', dependencies: ['lbp-services'] },
);

/** The session object carries symbols and a cookie helper; the store keeps its plain data. */
function toPlain(data: SessionData): SessionData {
  return JSON.parse(JSON.stringify(data)) as SessionData;
}
