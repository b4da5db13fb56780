/**
 * "API-sleutels" (issue 17), partnerbeheerder of its own organisation: "Nieuwe API-sleutel" and
 * revoking (the list with the last use is a section of Koppelingen, koppelingen-controller.ts). The secret of a new token is shown once, in the answer to
 * the POST itself (not through the session, nor a redirect): it is stored nowhere but as a hash.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../../domain/users.ts';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import type { FieldErrors } from '../../form.ts';
import { problemsToErrors } from '../../shared/problems.ts';
import { API_TOKENS_PATH, KOPPELINGEN_PATH } from '../admin-paths.ts';
import { EMPTY_API_TOKEN, readApiTokenForm, validateApiTokenForm, type ApiTokenFormInput } from './api-token-form.ts';
import { presentApiTokenForm, presentCreatedToken } from './api-tokens-presenter.ts';

export function apiTokensRoutes(app: FastifyInstance): void {
  const { apiTokens } = app.services;

  async function showForm(reply: FastifyReply, actor: Actor, input: ApiTokenFormInput, errors: FieldErrors = [], status = 200) {
    await apiTokens.list(actor); // the role check, before anything is shown
    return reply.render('pages/admin/api-tokens/api-token-new.njk', presentApiTokenForm({ organisationName: actor.organisationName, input, errors }), status);
  }

  app.get(`${API_TOKENS_PATH}/nieuw`, async (request, reply) => showForm(reply, actorOf(request), EMPTY_API_TOKEN));

  app.post(`${API_TOKENS_PATH}/nieuw`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const input = readApiTokenForm(request.body);
    const form = validateApiTokenForm(input);
    if (!form.ok) return showForm(reply, actor, input, form.errors, 400);
    const result = await apiTokens.create(actor, form.value);
    if (!result.ok) return showForm(reply, actor, input, problemsToErrors(result.problems, problemMessages.apiTokens), 400);
    return reply.render('pages/admin/api-tokens/api-token-created.njk', presentCreatedToken(result.value), 201);
  });

  app.post<{ Params: { tokenId: string } }>(`${API_TOKENS_PATH}/:tokenId/intrekken`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const outcome = await apiTokens.revoke(actorOf(request), request.params.tokenId);
    request.flash('success', outcome.revoked ? messages.apiTokens.revoked(outcome.name) : messages.apiTokens.alreadyRevoked(outcome.name));
    return reply.redirect(KOPPELINGEN_PATH, 303);
  });
}
