/**
 * "Mijn sessies" (issue 13, ASVS 7.4.5, 7.5.2): every logged-in user sees its live sessions
 * (device, start, last seen; the current one marked) and can end all the others at once.
 */
import type { FastifyInstance } from 'fastify';
import { messages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { END_OTHERS_PATH, presentSessions, SESSIONS_PATH } from './sessions-presenter.ts';

const TEMPLATE = 'pages/sessions/sessions.njk';

export function sessionsRoutes(app: FastifyInstance): void {
  const { sessions } = app.services;

  app.get(SESSIONS_PATH, async (request, reply) => {
    const actor = actorOf(request);
    return reply.render(TEMPLATE, presentSessions(await sessions.listOfUser(actor.userId, request.session.sessionId)));
  });

  app.post(END_OTHERS_PATH, { preHandler: app.csrfProtection }, async (request, reply) => {
    const ended = await sessions.endOtherSessionsOf(actorOf(request), request.session.sessionId);
    request.flash('success', messages.sessions.otherSessionsEnded(ended));
    return reply.redirect(SESSIONS_PATH, 303);
  });
}
