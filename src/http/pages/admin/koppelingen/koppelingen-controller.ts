/**
 * "Koppelingen" (issue 17 item 6) at /beheer/koppelingen: the partnerbeheerder's API tokens and
 * webhook endpoints, each with its last use or delivery, on one page (anyone else 403). The forms
 * stay at their own addresses; the former list pages /beheer/api-sleutels and /beheer/webhooks
 * send to their section here for good (301).
 */
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../../plugins/app/auth.ts';
import { API_TOKENS_PATH, KOPPELINGEN_PATH } from '../admin-paths.ts';
import { requirePartnerbeheerder } from '../shared/partnerbeheerder.ts';
import { WEBHOOKS_PATH } from '../webhooks/webhook-paths.ts';
import { presentKoppelingen } from './koppelingen-presenter.ts';

const FORMER_LISTS = [
  { path: API_TOKENS_PATH, section: 'api-sleutels' },
  { path: WEBHOOKS_PATH, section: 'webhooks' },
] as const;

export function koppelingenRoutes(app: FastifyInstance): void {
  const { apiTokens, webhookEndpoints } = app.services;

  app.get(KOPPELINGEN_PATH, async (request, reply) => {
    const actor = actorOf(request);
    const { tokens, now } = await apiTokens.list(actor); // the role check, before anything is read
    const endpoints = await webhookEndpoints.list(actor);
    return reply.render('pages/admin/koppelingen/koppelingen.njk', presentKoppelingen({ organisationName: actor.organisationName, tokens, now, endpoints }));
  });

  for (const former of FORMER_LISTS) {
    app.get(former.path, async (request, reply) => {
      requirePartnerbeheerder(actorOf(request), 'koppelingen beheren');
      return reply.redirect(`${KOPPELINGEN_PATH}#${former.section}`, 301);
    });
  }
}
