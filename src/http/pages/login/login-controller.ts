import type { FastifyInstance } from 'fastify';
import { messages } from '../../messages/index.ts';
import { limitedInTurn } from '../../plugins/external/rate-limit.ts';
import { clearSessionCookie } from '../../plugins/external/session.ts';
import { lastEmail, parseLoginForm } from './login-form.ts';
import { delayedMessage, presentLoginPage } from './login-presenter.ts';
import { completeLogin, startPendingLogin } from './second-factor-session.ts';

const TEMPLATE = 'pages/login/login.njk';

/**
 * Login is limited per client address (a flood from one place), beside the growing delay per
 * address, client address and pair (issue 13, in the auth service). There is no rate limit per
 * e-mail address any more: anyone could use it to keep the holder out (10 posts every 15 minutes
 * from anywhere); the delay does that job and spares the holder's known origin.
 */
const PER_IP = { max: 30, timeWindow: '15 minutes' } as const;

export function loginRoutes(app: FastifyInstance): void {
  /** The per-client-address limit (see limitedInTurn: one place that answers 429 with Retry-After). */
  const limitAttempts = limitedInTurn([app.createRateLimit({ ...PER_IP, keyGenerator: (request) => `ip:${request.ip}` })]);

  app.get('/aanmelden', async (request, reply) => {
    if (request.actor !== null) return reply.redirect('/', 303);
    const query = request.query as Record<string, unknown>;
    return reply.render(TEMPLATE, presentLoginPage({ notice: query['afgemeld'] === '1' ? 'afgemeld' : undefined }));
  });

  app.post('/aanmelden', { preHandler: [app.csrfProtection, limitAttempts] }, async (request, reply) => {
    const form = parseLoginForm(request.body);
    if (!form.ok) {
      return reply.render(TEMPLATE, presentLoginPage({ email: lastEmail(request.body), errors: form.errors }), 400);
    }
    const result = await app.services.auth.login(form.value.email, form.value.password, request.ip);
    if (!result.ok && result.delayedUntil !== null) {
      // Issue 13: inside the growing delay the attempt was not evaluated; the page says from when.
      const seconds = Math.max(1, Math.ceil((result.delayedUntil.getTime() - app.services.clock.now().getTime()) / 1000));
      reply.header('Retry-After', String(seconds));
      return reply.render(TEMPLATE, presentLoginPage({ email: form.value.email, errors: [{ field: 'email', message: delayedMessage(result.delayedUntil) }] }), 429);
    }
    if (!result.ok) {
      const errors = [{ field: 'email', message: messages.login.failed }];
      return reply.render(TEMPLATE, presentLoginPage({ email: form.value.email, errors }), 401);
    }
    // ASVS 6.3.3: a second factor (or its enrolment) first, in a session no other route accepts.
    if (result.secondStep !== null) return reply.redirect(await startPendingLogin(request, result.actor.userId, result.secondStep, app.services.clock), 303);
    await completeLogin(request, result.actor.userId, app.services.clock);
    return reply.redirect('/', 303);
  });

  app.post('/afmelden', { preHandler: app.csrfProtection }, async (request, reply) => {
    if (request.actor !== null) await app.services.auth.logout(request.actor);
    await request.session.destroy();
    // ASVS 7.4.1: the browser forgets the cookie too (an expiry in the past), not only the server its session.
    clearSessionCookie(app, reply);
    return reply.redirect('/aanmelden?afgemeld=1', 303);
  });
}
