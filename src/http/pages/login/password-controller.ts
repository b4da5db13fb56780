/**
 * "Wachtwoord vergeten?" and "Wachtwoord kiezen" (issue 12): open pages, posted with CSRF like the
 * login. A reset request answers the same for every address and is rate limited per client
 * address and per e-mail address; the link in the mail opens "Wachtwoord kiezen".
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normaliseEmail } from '../../../domain/users.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { limitedInTurn } from '../../plugins/external/rate-limit.ts';
import { asRawForm, textField, type FieldError } from '../form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { isEmailAddress } from '../../../domain/accounts/user-admin.ts';
import { presentChoosePassword, presentForgotPassword, presentInvalidLink } from './password-presenter.ts';

const FORGOT_PATH = '/wachtwoord-vergeten';
const CHOOSE_PATH = '/wachtwoord-kiezen';

/** Fewer than the login allows: a request sends a mail. */
const PER_IP = { max: 20, timeWindow: '15 minutes' } as const;
const PER_ADDRESS = { max: 3, timeWindow: '15 minutes' } as const;

type ChooseRoute = { Querystring: { token?: string } };

export function passwordRoutes(app: FastifyInstance): void {
  const { passwords } = app.services;
  const limits = [
    app.createRateLimit({ ...PER_IP, keyGenerator: (request) => `reset-ip:${request.ip}` }),
    app.createRateLimit({ ...PER_ADDRESS, keyGenerator: (request: FastifyRequest) => `reset-mail:${normaliseEmail(textField(asRawForm(request.body), 'email'))}` }),
  ];

  /** Each limit in turn (see limitedInTurn). */
  const limitRequests = limitedInTurn(limits);

  app.get(FORGOT_PATH, async (_request, reply) => reply.render('pages/login/forgot-password.njk', presentForgotPassword({})));

  app.post(FORGOT_PATH, { preHandler: [app.csrfProtection, limitRequests] }, async (request, reply) => {
    const email = textField(asRawForm(request.body), 'email');
    const errors: FieldError[] = [];
    if (email === '') errors.push({ field: 'email', message: messages.login.emailRequired });
    else if (!isEmailAddress(email)) errors.push({ field: 'email', message: messages.login.emailFormat });
    if (errors.length > 0) return reply.render('pages/login/forgot-password.njk', presentForgotPassword({ email, errors }), 400);
    await passwords.requestReset(email, request.ip);
    request.flash('info', messages.accounts.resetRequested);
    return reply.redirect('/aanmelden', 303);
  });

  async function invalidLink(reply: FastifyReply): Promise<FastifyReply> {
    return reply.render('pages/login/invalid-link.njk', presentInvalidLink(messages.accounts.invalidLink), 400);
  }

  app.get<ChooseRoute>(CHOOSE_PATH, async (request, reply) => {
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    const link = await passwords.checkLink(token);
    if (!link.ok) return invalidLink(reply);
    return reply.render('pages/login/choose-password.njk', presentChoosePassword({ token, ...link.value }));
  });

  app.post(CHOOSE_PATH, { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = asRawForm(request.body);
    const token = textField(form, 'token');
    // A password is taken as typed: spaces count, nothing is trimmed.
    const password = typeof form['wachtwoord'] === 'string' ? form['wachtwoord'] : '';
    const confirmation = typeof form['wachtwoord-herhaling'] === 'string' ? form['wachtwoord-herhaling'] : '';
    const result = await passwords.choosePassword(token, password, confirmation);
    if (!result.ok) {
      if (result.problems.some((p) => p.code === 'ongeldige-link')) return invalidLink(reply);
      const link = await passwords.checkLink(token);
      if (!link.ok) return invalidLink(reply);
      const errors = problemsToErrors(result.problems, problemMessages.accounts);
      return reply.render('pages/login/choose-password.njk', presentChoosePassword({ token, ...link.value, errors }), 400);
    }
    // Whoever was signed in in this browser is not any more: every session of the user ended.
    await request.session.regenerate();
    request.flash('success', messages.accounts.passwordChosen);
    return reply.redirect('/aanmelden', 303);
  });
}
