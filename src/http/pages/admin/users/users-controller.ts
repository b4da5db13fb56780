/**
 * Beheer > Gebruikers (issue 12): the list with search and paging, and "Gebruiker uitnodigen".
 * A beheerder sees every organisation's users, a partnerbeheerder its own; other roles get 403.
 */
import type { FastifyInstance } from 'fastify';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import { asRawForm, textField } from '../../form.ts';
import { problemsToErrors } from '../../shared/problems.ts';
import { EMPTY_INVITE, presentInvite, type InviteInput } from './invite-presenter.ts';
import { INVITE_PATH, presentUserList, USERS_PATH, userPath } from './users-list-presenter.ts';

type ListRoute = { Querystring: { zoek?: string; pagina?: string } };

export function usersRoutes(app: FastifyInstance): void {
  const { userAdmin } = app.services;

  app.get<ListRoute>(USERS_PATH, async (request, reply) => {
    const actor = actorOf(request);
    const query = typeof request.query.zoek === 'string' ? request.query.zoek.trim().slice(0, 100) : '';
    const requested = typeof request.query.pagina === 'string' && /^\d{1,6}$/.test(request.query.pagina) ? Number(request.query.pagina) : 1;
    const found = await userAdmin.list(actor, query, requested);
    return reply.render(
      'pages/admin/users/users-list.njk',
      presentUserList({ query, page: found.page, pageSize: found.pageSize, total: found.total, users: found.users, allOrganisations: actor.role === 'beheerder' }),
    );
  });

  app.get(INVITE_PATH, async (request, reply) => {
    const choices = await userAdmin.invitationChoices(actorOf(request));
    return reply.render('pages/admin/users/invite.njk', presentInvite({ ...choices, input: EMPTY_INVITE, errors: [] }));
  });

  app.post(INVITE_PATH, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const form = asRawForm(request.body);
    const input: InviteInput = { email: textField(form, 'email'), naam: textField(form, 'naam'), rol: textField(form, 'rol'), vestiging: textField(form, 'vestiging') };
    const result = await userAdmin.invite(actor, { email: input.email, name: input.naam, role: input.rol, officeId: input.vestiging });
    if (!result.ok) {
      const choices = await userAdmin.invitationChoices(actor);
      return reply.render('pages/admin/users/invite.njk', presentInvite({ ...choices, input, errors: problemsToErrors(result.problems, problemMessages.accounts) }), 400);
    }
    request.flash('success', messages.accounts.invited(result.value.email));
    return reply.redirect(userPath(result.value.userId), 303);
  });
}
