/**
 * The "toevoegen" and "wijzigen" pages of a record of an organisation (issue 12: offices, funding
 * numbers), beheerder only; another organisation's record is a 404. Post/redirect/get to the
 * organisation's page; a refusal is 400 (or 409, O12) with the input kept, and a record removed
 * meanwhile sends the user back to the organisation with a banner.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../../domain/users.ts';
import type { OrganisationRecordsAdmin } from '../../../../services/admin/organisation-records.ts';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import type { FormResult } from '../../form.ts';
import type { PageView } from '../../layout-presenter.ts';
import { refusedPost, type Refusal } from '../../shared/refused-post.ts';
import { parseVersion } from '../../shared/version.ts';
import { ORGANISATIONS_PATH, organisationPaths } from '../admin-paths.ts';
import type { RecordFormModel } from './record-form-model.ts';

export type RecordFormPage<F extends { versie: string }, I, R extends { id: string; version: number }, V extends PageView> = Readonly<{
  /** The folder of the pages below the organisation, e.g. `vestigingen`. */
  folder: string;
  template: string;
  service: OrganisationRecordsAdmin<I, R>;
  read: (body: unknown) => F;
  /** The page's own checks of the typed input (for example real dates), giving the service's input. */
  check: (input: F) => FormResult<I>;
  empty: F;
  formOf: (record: R) => F;
  present: (model: RecordFormModel<F, R>) => V;
  /** The banner after creating the record, named as in its history. */
  created: (name: string) => string;
}>;

type NewRoute = { Params: { organisationId: string } };
type RecordRoute = { Params: { organisationId: string; recordId: string } };
type Where = Readonly<{ organisationId: string; recordId: string | null }>;

export function recordFormRoutes<F extends { versie: string }, I, R extends { id: string; version: number }, V extends PageView>(app: FastifyInstance, page: RecordFormPage<F, I, R, V>): void {
  const base = `${ORGANISATIONS_PATH}/:organisationId/${page.folder}`;
  const { service } = page;

  /** The form with the stored record, or after a refusal with the input kept (refusedPost: 400, or 409 on O12). */
  async function show(reply: FastifyReply, actor: Actor, where: Where, refused?: { input: F; refusal: Refusal }) {
    const form = await service.form(actor, where.organisationId, where.recordId);
    if (refused === undefined) {
      const input = form.record === null ? page.empty : page.formOf(form.record);
      return reply.render(page.template, page.present({ ...form, input, errors: [] }));
    }
    const { kept, errors, status } = refusedPost(refused.input, refused.refusal, form.record?.version ?? 0, problemMessages.admin);
    return reply.render(page.template, page.present({ ...form, input: kept, errors }), status);
  }

  app.get<NewRoute>(`${base}/nieuw`, async (request, reply) => show(reply, actorOf(request), { organisationId: request.params.organisationId, recordId: null }));

  app.post<NewRoute>(`${base}/nieuw`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const where = { organisationId: request.params.organisationId, recordId: null };
    const input = page.read(request.body);
    const form = page.check(input);
    const result = form.ok ? await service.create(actor, where.organisationId, form.value) : form;
    if (!result.ok) return show(reply, actor, where, { input, refusal: result });
    request.flash('success', page.created(result.value.name));
    return reply.redirect(organisationPaths(where.organisationId).detail, 303);
  });

  app.get<RecordRoute>(`${base}/:recordId`, async (request, reply) => show(reply, actorOf(request), request.params));

  app.post<RecordRoute>(`${base}/:recordId`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const where = request.params;
    const input = page.read(request.body);
    const form = page.check(input);
    const result = form.ok ? await service.update(actor, where.organisationId, where.recordId, parseVersion(input.versie), form.value) : form;
    if (!result.ok) {
      if ('problems' in result && result.problems.some((p) => p.code === 'verwijderd')) {
        request.flash('info', messages.admin.removedMeanwhile);
        return reply.redirect(organisationPaths(where.organisationId).detail, 303);
      }
      return show(reply, actor, where, { input, refusal: result });
    }
    request.flash('success', result.value.changed === 0 ? messages.admin.nothingChanged : messages.admin.saved);
    return reply.redirect(organisationPaths(where.organisationId).detail, 303);
  });
}
