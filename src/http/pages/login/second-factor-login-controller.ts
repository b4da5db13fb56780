/**
 * "Verificatiecode", the login's second step (ASVS 6.3.3, 6.5.1, 6.5.5): only a session waiting
 * for this step is served, for 10 minutes after the password. A code of the app or a recovery code
 * completes the login with a new session id; a refusal says why (wrong, expired, used) in Dutch,
 * is counted with the account's login failures and audited (second-factor-service.ts).
 */
import type { FastifyInstance } from 'fastify';
import { messages, problemMessages } from '../../messages/index.ts';
import { limitedInTurn } from '../../plugins/external/rate-limit.ts';
import { asRawForm, textField } from '../form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { presentVerify } from './second-factor-presenter.ts';
import { completeLogin, pendingLoginOf, VERIFY_PATH } from './second-factor-session.ts';

const TEMPLATE = 'pages/login/second-factor-verify.njk';

/** Beside the account's lockout: at most this many codes per client address. */
const PER_IP = { max: 30, timeWindow: '15 minutes' } as const;

export function secondFactorLoginRoutes(app: FastifyInstance): void {
  const { secondFactor, clock } = app.services;
  const limit = limitedInTurn([app.createRateLimit({ ...PER_IP, keyGenerator: (request) => `second-factor-ip:${request.ip}` })]);

  app.get(VERIFY_PATH, async (request, reply) => {
    if (pendingLoginOf(request, 'code', clock) === undefined) return reply.redirect('/aanmelden', 303);
    return reply.render(TEMPLATE, presentVerify());
  });

  app.post(VERIFY_PATH, { preHandler: [app.csrfProtection, limit] }, async (request, reply) => {
    const userId = pendingLoginOf(request, 'code', clock);
    if (userId === undefined) {
      request.flash('info', messages.secondFactor.pendingExpired);
      return reply.redirect('/aanmelden', 303);
    }
    const result = await secondFactor.verifyLogin(userId, textField(asRawForm(request.body), 'code'), request.ip);
    if (!result.ok) return reply.render(TEMPLATE, presentVerify({ errors: problemsToErrors(result.problems, problemMessages.secondFactor) }), 400);
    await completeLogin(request, userId, clock);
    const left = result.value.recoveryCodesLeft;
    if (left !== null) request.flash('info', messages.secondFactor.recoveryCodeUsed(left));
    return reply.redirect('/', 303);
  });
}
