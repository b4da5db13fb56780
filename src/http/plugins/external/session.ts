import cookie from '@fastify/cookie';
import session from '@fastify/session';
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
    flash?: { kind: 'success' | 'info'; text: string; link?: { href: string; text: string } };
  }
}

/** Cookies and server-side sessions in the database (through the session service). */
export const sessionPlugin = fp(
  async (app) => {
    const production = app.config.env === 'production';
    const sessions = app.services.sessions;
    await app.register(cookie);
    await app.register(session, {
      secret: app.config.sessionSecret,
      cookieName: production ? '__Host-lbp.sid' : 'lbp.sid',
      // A browser-session cookie: the server ends the session (idle and absolute limits).
      cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: production },
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
