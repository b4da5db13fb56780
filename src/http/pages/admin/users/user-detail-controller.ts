/**
 * One user under Beheer (issue 12): the detail page with "Wijzigingen", the change of role and
 * office, and the actions disable, enable and resend the invitation. Every post carries
 * the version read (O12): a change on an older version is refused (409) with the input kept.
 * A user outside the administrator's scope is a 404 (the services throw UserNotFoundError).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem, Result } from '../../../../domain/result.ts';
import type { ChangeOutcome } from '../../../../services/accounts/user-changes-service.ts';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import { asRawForm, textField } from '../../form.ts';
import { problemsToErrors, statusOf } from '../../shared/problems.ts';
import { readVersion } from '../../shared/version.ts';
import { presentUserDetail, type ChangeInput } from './user-detail-presenter.ts';
import { USERS_PATH, userPath } from './users-list-presenter.ts';

type UserRoute = { Params: { userId: string } };

const TEMPLATE = 'pages/admin/users/user-detail.njk';

export function userDetailRoutes(app: FastifyInstance): void {
  const { userAdmin, userChanges, secondFactorReset, clock } = app.services;
  const path = `${USERS_PATH}/:userId`;

  async function show(request: FastifyRequest<UserRoute>, reply: FastifyReply, refused?: { problems: readonly Problem[]; input?: ChangeInput }) {
    const actor = actorOf(request);
    const detail = await userAdmin.detail(actor, request.params.userId);
    const secondFactor = await secondFactorReset.isEnrolled(actor, request.params.userId);
    if (refused === undefined) return reply.render(TEMPLATE, presentUserDetail({ detail, actor, now: clock.now(), secondFactor }));
    const status = statusOf(refused.problems);
    // On a conflict the typed choice stays, moved to the version now stored.
    const input = refused.input === undefined ? undefined : status === 409 ? { ...refused.input, versie: String(detail.user.version) } : refused.input;
    const errors = problemsToErrors(refused.problems, problemMessages.accounts);
    return reply.render(TEMPLATE, presentUserDetail({ detail, actor, now: clock.now(), secondFactor, input, errors }), status);
  }

  app.get<UserRoute>(path, async (request, reply) => show(request, reply));

  app.post<UserRoute>(path, { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = asRawForm(request.body);
    const input: ChangeInput = { rol: textField(form, 'rol'), vestiging: textField(form, 'vestiging'), versie: textField(form, 'versie') };
    const result = await userChanges.change(actorOf(request), request.params.userId, { role: input.rol, officeId: input.vestiging, version: readVersion(form) });
    if (!result.ok) return show(request, reply, { problems: result.problems, input });
    request.flash(result.value.changed ? 'success' : 'info', result.value.changed ? messages.accounts.saved : messages.accounts.nothingChanged);
    return reply.redirect(userPath(request.params.userId), 303);
  });

  /** An action button: its use case, and the banner after it did something. */
  function action(suffix: string, run: (request: FastifyRequest<UserRoute>, version: number) => Promise<Result<{ email: string } | ChangeOutcome>>, done: (email: string) => string) {
    app.post<UserRoute>(`${path}/${suffix}`, { preHandler: app.csrfProtection }, async (request, reply) => {
      const result = await run(request, readVersion(asRawForm(request.body)));
      if (!result.ok) return show(request, reply, { problems: result.problems });
      const changed = !('changed' in result.value) || result.value.changed;
      request.flash(changed ? 'success' : 'info', changed ? done(result.value.email) : messages.accounts.nothingChanged);
      return reply.redirect(userPath(request.params.userId), 303);
    });
  }

  action('uitschakelen', (request, version) => userChanges.disable(actorOf(request), request.params.userId, version), messages.accounts.disabled);
  action('inschakelen', (request, version) => userChanges.enable(actorOf(request), request.params.userId, version), messages.accounts.enabled);
  action('uitnodiging', (request, version) => userAdmin.resendInvitation(actorOf(request), request.params.userId, version), messages.accounts.invitationResent);
  // Issue 13: the second factor wiped (app lost); the user's sessions end.
  action('tweestapsverificatie', (request, version) => secondFactorReset.reset(actorOf(request), request.params.userId, version), messages.secondFactor.resetDone);
}
