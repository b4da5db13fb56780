/**
 * "Webhooks" (issue 17, W5) under /beheer/webhooks: the partnerbeheerder's own organisation only
 * (anyone else 403; another organisation's endpoint a 404). The list is a section of Koppelingen
 * (koppelingen-controller.ts), where every action returns. Adding shows the secret once, in the
 * answer to the post (not stored anywhere to show it again, so no redirect); enabling, disabling
 * and deleting (confirmed on a page of its own) are post/redirect/get.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../../domain/users.ts';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import { asRawForm, type FieldErrors } from '../../form.ts';
import { readConfirmation } from '../../shared/confirm.ts';
import { problemsToErrors } from '../../shared/problems.ts';
import { KOPPELINGEN_PATH } from '../admin-paths.ts';
import { requirePartnerbeheerder } from '../shared/partnerbeheerder.ts';
import { EMPTY_WEBHOOK, endpointInputOf, readWebhookForm, type WebhookFormInput } from './webhook-form.ts';
import { NEW_WEBHOOK_PATH, WEBHOOKS_PATH } from './webhook-paths.ts';
import { presentWebhookCreated, presentWebhookDelete, presentWebhookForm } from './webhooks-presenter.ts';

type EndpointRoute = { Params: { endpointId: string } };

const partnerbeheerder = (actor: Actor): Actor => requirePartnerbeheerder(actor, 'webhooks beheren');

export function webhooksRoutes(app: FastifyInstance): void {
  const service = app.services.webhookEndpoints;

  const showForm = (reply: FastifyReply, actor: Actor, input: WebhookFormInput, errors: FieldErrors = [], status = 200) =>
    reply.render('pages/admin/webhooks/webhook-form.njk', presentWebhookForm({ organisationName: actor.organisationName, input, errors }), status);

  app.get(NEW_WEBHOOK_PATH, async (request, reply) => showForm(reply, partnerbeheerder(actorOf(request)), EMPTY_WEBHOOK));

  app.post(NEW_WEBHOOK_PATH, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = partnerbeheerder(actorOf(request));
    const input = readWebhookForm(request.body);
    const result = await service.create(actor, endpointInputOf(input));
    if (!result.ok) return showForm(reply, actor, input, problemsToErrors(result.problems, problemMessages.webhooks), 400);
    const created = (await service.find(actor, result.value.id)).url;
    return reply.render('pages/admin/webhooks/webhook-created.njk', presentWebhookCreated({ organisationName: actor.organisationName, url: created, secret: result.value.secret }), 201);
  });

  for (const [suffix, enabled] of [['inschakelen', true], ['uitschakelen', false]] as const) {
    app.post<EndpointRoute>(`${WEBHOOKS_PATH}/:endpointId/${suffix}`, { preHandler: app.csrfProtection }, async (request, reply) => {
      const endpoint = await service.setEnabled(actorOf(request), request.params.endpointId, enabled);
      request.flash('success', enabled ? messages.webhooks.enabled(endpoint.url) : messages.webhooks.disabled(endpoint.url));
      return reply.redirect(KOPPELINGEN_PATH, 303);
    });
  }

  app.get<EndpointRoute>(`${WEBHOOKS_PATH}/:endpointId/verwijderen`, async (request, reply) => {
    const endpoint = await service.find(actorOf(request), request.params.endpointId);
    return reply.render('pages/admin/webhooks/webhook-delete.njk', presentWebhookDelete(endpoint));
  });

  app.post<EndpointRoute>(`${WEBHOOKS_PATH}/:endpointId/verwijderen`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    if (readConfirmation(asRawForm(request.body)) !== 'ja') {
      await service.find(actor, request.params.endpointId);
      return reply.redirect(KOPPELINGEN_PATH, 303);
    }
    const endpoint = await service.remove(actor, request.params.endpointId);
    request.flash('success', messages.webhooks.deleted(endpoint.url));
    return reply.redirect(KOPPELINGEN_PATH, 303);
  });
}
