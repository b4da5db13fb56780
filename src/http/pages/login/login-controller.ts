import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normaliseEmail } from '../../../domain/users.ts';
import { messages } from '../../messages/index.ts';
import { limitedInTurn } from '../../plugins/external/rate-limit.ts';
import { lastEmail, parseLoginForm } from './login-form.ts';
import { presentLoginPage } from './login-presenter.ts';
import { startPendingLogin } from './second-factor-session.ts';

const TEMPLATE = 'pages/login/login.njk';

/** Login is limited per client address and per e-mail address, beside the account lockout. */
const PER_IP = { max: 30, timeWindow: '15 minutes' } as const;
const PER_ADDRESS = { max: 10, timeWindow: '15 minutes' } as const;

export function loginRoutes(app: FastifyInstance): void {
  // Two limiters checked one after the other. Not two `app.rateLimit` preHandlers: the plugin
  // marks a request as limited after the first, so the second would never count (issue 18).
  const limits = [
    app.createRateLimit({ ...PER_IP, keyGenerator: (request) => `ip:${request.ip}` }),
    app.createRateLimit({ ...PER_ADDRESS, keyGenerator: (request: FastifyRequest) => `mail:${normaliseEmail(lastEmail(request.body))}` }),
  ];

  /** Each limit in turn (see limitedInTurn). */
  const limitAttempts = limitedInTurn(limits);

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
    if (!result.ok) {
      const errors = [{ field: 'email', message: messages.login.failed }];
      return reply.render(TEMPLATE, presentLoginPage({ email: form.value.email, errors }), 401);
    }
    // ASVS 6.3.3: a second factor (or its enrolment) first, in a session no other route accepts.
    if (result.secondStep !== null) return reply.redirect(await startPendingLogin(request, result.actor.userId, result.secondStep, app.services.clock), 303);
    // Session fixation: a new session id at login, nothing of the anonymous session kept.
    await request.session.regenerate();
    request.session.userId = result.actor.userId;
    const now = app.services.clock.now().toISOString();
    request.session.authenticatedAt = now;
    request.session.lastSeenAt = now;
    return reply.redirect('/', 303);
  });

  app.post('/afmelden', { preHandler: app.csrfProtection }, async (request, reply) => {
    if (request.actor !== null) await app.services.auth.logout(request.actor);
    await request.session.destroy();
    return reply.redirect('/aanmelden?afgemeld=1', 303);
  });
}
