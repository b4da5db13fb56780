/**
 * Organisaties (issue 12): the beheerder's list (search, paging), detail, "Organisatie toevoegen"
 * and "Organisatie wijzigen"; the partnerbeheerder reads its own organisation's page. Another
 * organisation is a 404 (the service decides). Post/redirect/get; on refusal 400 (or 409, O12)
 * with the input kept.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import type { FieldErrors } from '../../form.ts';
import { refusedPost } from '../../shared/refused-post.ts';
import { parseVersion } from '../../shared/version.ts';
import { ORGANISATIONS_PATH, organisationPaths } from '../admin-paths.ts';
import { EMPTY_ORGANISATION, organisationFormOf, organisationInputOf, readOrganisationForm, type OrganisationFormInput } from './organisation-form.ts';
import { presentOrganisationDetail, presentOrganisationForm, presentOrganisationList } from './organisations-presenter.ts';

type ListRoute = { Querystring: { zoek?: string; pagina?: string } };
type OrganisationRoute = { Params: { organisationId: string } };

const FORM = 'pages/admin/organisations/form.njk';

export function organisationsRoutes(app: FastifyInstance): void {
  const { organisations } = app.services.admin;

  const showForm = (reply: FastifyReply, organisationId: string | null, input: OrganisationFormInput, errors: FieldErrors = [], status = 200) =>
    reply.render(FORM, presentOrganisationForm({ organisationId, input, errors }), status);

  app.get<ListRoute>(ORGANISATIONS_PATH, async (request, reply) => {
    const query = typeof request.query.zoek === 'string' ? request.query.zoek : '';
    const page = Number(typeof request.query.pagina === 'string' ? request.query.pagina : '1');
    const found = await organisations.list(actorOf(request), query, page);
    return reply.render('pages/admin/organisations/list.njk', presentOrganisationList(found));
  });

  app.get(`${ORGANISATIONS_PATH}/nieuw`, async (request, reply) => {
    organisations.mayCreate(actorOf(request));
    return showForm(reply, null, EMPTY_ORGANISATION);
  });

  app.post(`${ORGANISATIONS_PATH}/nieuw`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const input = readOrganisationForm(request.body);
    const result = await organisations.create(actorOf(request), organisationInputOf(input));
    if (!result.ok) {
      const { kept, errors, status } = refusedPost(input, { problems: result.problems }, 0, problemMessages.admin);
      return showForm(reply, null, kept, errors, status);
    }
    request.flash('success', messages.admin.organisationCreated(input.naam));
    return reply.redirect(organisationPaths(result.value.id).detail, 303);
  });

  app.get<OrganisationRoute>(`${ORGANISATIONS_PATH}/:organisationId`, async (request, reply) => {
    const detail = await organisations.detail(actorOf(request), request.params.organisationId);
    return reply.render('pages/admin/organisations/detail.njk', presentOrganisationDetail(detail));
  });

  app.get<OrganisationRoute>(`${ORGANISATIONS_PATH}/:organisationId/wijzigen`, async (request, reply) => {
    const organisation = await organisations.find(actorOf(request), request.params.organisationId);
    return showForm(reply, organisation.id, organisationFormOf(organisation));
  });

  app.post<OrganisationRoute>(`${ORGANISATIONS_PATH}/:organisationId/wijzigen`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { organisationId } = request.params;
    const input = readOrganisationForm(request.body);
    const result = await organisations.update(actor, organisationId, parseVersion(input.versie), organisationInputOf(input));
    if (!result.ok) {
      const current = await organisations.find(actor, organisationId);
      const { kept, errors, status } = refusedPost(input, { problems: result.problems }, current.version, problemMessages.admin);
      return showForm(reply, organisationId, kept, errors, status);
    }
    request.flash('success', result.value.changed === 0 ? messages.admin.nothingChanged : messages.admin.saved);
    return reply.redirect(organisationPaths(organisationId).detail, 303);
  });
}
