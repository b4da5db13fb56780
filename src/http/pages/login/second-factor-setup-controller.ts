/**
 * "Tweestapsverificatie instellen" (ASVS 6.3.3, 6.5): for a logged-in user from the header, and
 * for a login waiting for its enrolment (MFA_REQUIRED) under /aanmelden. The page shows the QR
 * code and the secret as text; the first code confirms it, and the answer to that post shows the
 * 10 recovery codes once: they are kept nowhere, not even in the session (so no redirect here).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, textField } from '../form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { presentRecoveryCodes, presentSetup, presentStatus } from './second-factor-presenter.ts';
import { completeLogin, LOGIN_ENROL_PATH, pendingLoginOf, SETUP_PATH } from './second-factor-session.ts';

const SETUP = 'pages/login/second-factor-setup.njk';
const RECOVERY = 'pages/login/second-factor-recovery.njk';
const STATUS = 'pages/login/second-factor-status.njk';

/** Who enrols on a route: the logged-in user, or the user of the pending login (undefined: to "Aanmelden"). */
type Enrolling = (request: FastifyRequest) => string | undefined;

function enrolmentRoutes(app: FastifyInstance, path: string, enrolling: Enrolling, completesLogin: boolean): void {
  const { secondFactor, clock } = app.services;

  async function showSetup(reply: FastifyReply, userId: string, errors?: Parameters<typeof presentSetup>[0]['errors']) {
    const enrolment = await secondFactor.enrolment(userId);
    if (enrolment.enrolled) return reply.render(STATUS, presentStatus(await secondFactor.status(userId)));
    return reply.render(SETUP, presentSetup({ ...enrolment, action: path, required: completesLogin, errors }), errors === undefined ? 200 : 400);
  }

  app.get(path, async (request, reply) => {
    const userId = enrolling(request);
    if (userId === undefined) return reply.redirect('/aanmelden', 303);
    return showSetup(reply, userId);
  });

  app.post(path, { preHandler: app.csrfProtection }, async (request, reply) => {
    const userId = enrolling(request);
    if (userId === undefined) return reply.redirect('/aanmelden', 303);
    const code = textField(asRawForm(request.body), 'code');
    const result = await secondFactor.confirmEnrolment(userId, code, completesLogin ? { loginIp: request.ip } : { keepSessionId: request.session.sessionId });
    if (!result.ok) return showSetup(reply, userId, problemsToErrors(result.problems, problemMessages.secondFactor));
    // A logged-in user's session goes on; a pending login is complete now (new session id), and
    // this page's header already shows the user.
    if (completesLogin) await completeLogin(request, userId, clock);
    request.actor = result.value.actor;
    return reply.render(RECOVERY, presentRecoveryCodes({ codes: result.value.recoveryCodes }));
  });
}

/** The logged-in user's own page (inside the scope that requires a login). */
export function secondFactorSetupRoutes(app: FastifyInstance): void {
  enrolmentRoutes(app, SETUP_PATH, (request) => actorOf(request).userId, false);
}

/** The enrolment that completes a login when MFA_REQUIRED (outside that scope: no user yet). */
export function loginEnrolmentRoutes(app: FastifyInstance): void {
  const { clock } = app.services;
  enrolmentRoutes(app, LOGIN_ENROL_PATH, (request) => pendingLoginOf(request, 'enrol', clock), true);
}
