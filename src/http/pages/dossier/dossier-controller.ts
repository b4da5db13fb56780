import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/app/auth.ts';
import { dossierPath } from './dossier-presenter.ts';
import { presentPortrait } from './portrait-presenter.ts';

type DossierParams = { Params: { clientId: string } };

/**
 * The client dossier. Every route opens the dossier through the service, which checks access
 * (A1/A5), answers an unknown, malformed or forbidden id with the same 404, and logs (A6).
 */
export function dossierRoutes(app: FastifyInstance): void {
  const { portrait } = app.services;

  // Dossier pages hold personal data: never kept by a browser or proxy cache.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
  });

  app.get<DossierParams>('/dossiers/:clientId', async (request, reply) => {
    // The one-page summary (K1, manual 4.3); the service opens the dossier (A1/A5/A6).
    const actor = actorOf(request);
    const found = await portrait.portrait(actor, request.params.clientId);
    return reply.render('pages/dossier/portrait.njk', presentPortrait(found));
  });

  // The tab opens its first subtab; the subtab's route does the access check.
  app.get<DossierParams>('/dossiers/:clientId/begeleiding', async (request, reply) => {
    return reply.redirect(dossierPath(encodeURIComponent(request.params.clientId), 'begeleiding', 'stappen-naar-werk'), 303);
  });
}
