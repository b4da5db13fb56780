/**
 * "Financieringsnummer toevoegen" and "wijzigen" (issue 12), beheerder only; another
 * organisation's number is a 404. Post/redirect/get; refusal 400 (or 409, O12) with input kept.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../../domain/users.ts';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import type { FieldErrors } from '../../form.ts';
import { refusedPost } from '../../shared/refused-post.ts';
import { parseVersion } from '../../shared/version.ts';
import { ORGANISATIONS_PATH, organisationPaths } from '../admin-paths.ts';
import { EMPTY_FUNDING_NUMBER, fundingNumberFormOf, readFundingNumberForm, validateFundingNumberForm, type FundingNumberFormInput } from './funding-number-form.ts';
import { presentFundingNumberForm } from './funding-number-presenter.ts';

type NewRoute = { Params: { organisationId: string } };
type FundingRoute = { Params: { organisationId: string; fundingId: string } };

const BASE = `${ORGANISATIONS_PATH}/:organisationId/financieringsnummers`;

export function fundingNumbersRoutes(app: FastifyInstance): void {
  const { fundingNumbers } = app.services.admin;

  async function show(reply: FastifyReply, actor: Actor, where: { organisationId: string; fundingId: string | null }, input: FundingNumberFormInput | null, errors: FieldErrors = [], status = 200) {
    const form = await fundingNumbers.form(actor, where.organisationId, where.fundingId);
    const shown = input ?? (form.funding === null ? EMPTY_FUNDING_NUMBER : fundingNumberFormOf(form.funding));
    return reply.render('pages/admin/funding-numbers/funding-number.njk', presentFundingNumberForm({ ...form, input: shown, errors }), status);
  }

  app.get<NewRoute>(`${BASE}/nieuw`, async (request, reply) => show(reply, actorOf(request), { organisationId: request.params.organisationId, fundingId: null }, null));

  app.post<NewRoute>(`${BASE}/nieuw`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const where = { organisationId: request.params.organisationId, fundingId: null };
    const input = readFundingNumberForm(request.body);
    const form = validateFundingNumberForm(input);
    if (!form.ok) return show(reply, actor, where, input, form.errors, 400);
    const result = await fundingNumbers.create(actor, where.organisationId, form.value);
    if (!result.ok) {
      const { kept, errors, status } = refusedPost(input, { problems: result.problems }, 0, problemMessages.admin);
      return show(reply, actor, where, kept, errors, status);
    }
    request.flash('success', messages.admin.fundingNumberCreated(result.value.code));
    return reply.redirect(organisationPaths(where.organisationId).detail, 303);
  });

  app.get<FundingRoute>(`${BASE}/:fundingId`, async (request, reply) => show(reply, actorOf(request), request.params, null));

  app.post<FundingRoute>(`${BASE}/:fundingId`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const where = request.params;
    const input = readFundingNumberForm(request.body);
    const form = validateFundingNumberForm(input);
    if (!form.ok) return show(reply, actor, where, input, form.errors, 400);
    const result = await fundingNumbers.update(actor, where.organisationId, where.fundingId, parseVersion(input.versie), form.value);
    if (!result.ok) {
      if (result.problems.some((p) => p.code === 'verwijderd')) {
        request.flash('info', messages.admin.removedMeanwhile);
        return reply.redirect(organisationPaths(where.organisationId).detail, 303);
      }
      const current = await fundingNumbers.form(actor, where.organisationId, where.fundingId);
      const { kept, errors, status } = refusedPost(input, { problems: result.problems }, current.funding?.version ?? 0, problemMessages.admin);
      return show(reply, actor, where, kept, errors, status);
    }
    request.flash('success', result.value.changed === 0 ? messages.admin.nothingChanged : messages.admin.saved);
    return reply.redirect(organisationPaths(where.organisationId).detail, 303);
  });
}
