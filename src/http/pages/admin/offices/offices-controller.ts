/**
 * "Vestiging toevoegen" and "Vestiging wijzigen" (issue 12), beheerder only; another
 * organisation's office is a 404. Post/redirect/get; refusal 400 (or 409, O12) with input kept.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../../domain/users.ts';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import type { FieldErrors } from '../../form.ts';
import { refusedPost } from '../../shared/refused-post.ts';
import { parseVersion } from '../../shared/version.ts';
import { ORGANISATIONS_PATH, organisationPaths } from '../admin-paths.ts';
import { EMPTY_OFFICE, officeFormOf, officeInputOf, readOfficeForm, type OfficeFormInput } from './office-form.ts';
import { presentOfficeForm } from './office-presenter.ts';

type NewRoute = { Params: { organisationId: string } };
type OfficeRoute = { Params: { organisationId: string; officeId: string } };

const BASE = `${ORGANISATIONS_PATH}/:organisationId/vestigingen`;

export function officesRoutes(app: FastifyInstance): void {
  const { offices } = app.services.admin;

  async function show(reply: FastifyReply, actor: Actor, where: { organisationId: string; officeId: string | null }, input: OfficeFormInput | null, errors: FieldErrors = [], status = 200) {
    const form = await offices.form(actor, where.organisationId, where.officeId);
    const shown = input ?? (form.office === null ? EMPTY_OFFICE : officeFormOf(form.office));
    return reply.render('pages/admin/offices/office.njk', presentOfficeForm({ ...form, input: shown, errors }), status);
  }

  app.get<NewRoute>(`${BASE}/nieuw`, async (request, reply) => show(reply, actorOf(request), { organisationId: request.params.organisationId, officeId: null }, null));

  app.post<NewRoute>(`${BASE}/nieuw`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { organisationId } = request.params;
    const input = readOfficeForm(request.body);
    const result = await offices.create(actor, organisationId, officeInputOf(input));
    if (!result.ok) {
      const { kept, errors, status } = refusedPost(input, { problems: result.problems }, 0, problemMessages.admin);
      return show(reply, actor, { organisationId, officeId: null }, kept, errors, status);
    }
    request.flash('success', messages.admin.officeCreated(result.value.label));
    return reply.redirect(organisationPaths(organisationId).detail, 303);
  });

  app.get<OfficeRoute>(`${BASE}/:officeId`, async (request, reply) => show(reply, actorOf(request), request.params, null));

  app.post<OfficeRoute>(`${BASE}/:officeId`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { organisationId, officeId } = request.params;
    const input = readOfficeForm(request.body);
    const result = await offices.update(actor, organisationId, officeId, parseVersion(input.versie), officeInputOf(input));
    if (!result.ok) {
      if (result.problems.some((p) => p.code === 'verwijderd')) {
        request.flash('info', messages.admin.removedMeanwhile);
        return reply.redirect(organisationPaths(organisationId).detail, 303);
      }
      const current = await offices.form(actor, organisationId, officeId);
      const { kept, errors, status } = refusedPost(input, { problems: result.problems }, current.office?.version ?? 0, problemMessages.admin);
      return show(reply, actor, { organisationId, officeId }, kept, errors, status);
    }
    request.flash('success', result.value.changed === 0 ? messages.admin.nothingChanged : messages.admin.saved);
    return reply.redirect(organisationPaths(organisationId).detail, 303);
  });
}
