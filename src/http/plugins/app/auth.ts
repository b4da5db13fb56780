import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../domain/users.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, or null. */
    actor: Actor | null;
  }
}

/** Refresh the idle limit at most once a minute, so that not every request writes the session. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves the session to the acting user on every request. A disabled or removed user, or a
 * session past its absolute limit, is logged out at once.
 */
export const authPlugin = fp(
  (app, _opts, done) => {
    const { auth, sessions, clock } = app.services;
    app.decorateRequest('actor', null);

    app.addHook('preHandler', async (request) => {
      const session = request.session as FastifyRequest['session'] | null;
      const userId = session?.userId;
      if (session === null || userId === undefined) return;

      const actor = sessions.takeResolvedActor(session.sessionId)?.actor ?? (await auth.currentActor(userId));
      if (actor === undefined) {
        await session.regenerate();
        return;
      }
      if (sessions.isPastAbsoluteLimit(session)) {
        await auth.sessionExpired(actor, 'maximale-duur');
        await session.regenerate();
        return;
      }
      request.actor = actor;
      const now = clock.now().getTime();
      if (session.lastSeenAt === undefined || now - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) {
        session.lastSeenAt = new Date(now).toISOString();
      }
    });
    done();
  },
  { name: 'lbp-auth', dependencies: ['lbp-session'] },
);

/** For page scopes that need a logged-in user: others go to "Aanmelden". */
export async function requireLogin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.actor === null) {
    await reply.redirect('/aanmelden', 303);
  }
}

/** The actor of a request that passed `requireLogin`. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new Error('actorOf used on a route without requireLogin');
  return request.actor;
}
