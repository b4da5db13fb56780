import type { FastifyInstance } from 'fastify';
import { attestGivesAccess } from '../../../domain/access.ts';
import { isPartner, isServiceStaff } from '../../../domain/roles.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { presentAttestLinks } from '../attests/viewers-presenter.ts';
import { dossierPath } from './dossier-presenter.ts';
import { presentPortrait } from './portrait-presenter.ts';

type DossierParams = { Params: { clientId: string } };

/**
 * The client dossier (routes under the dossier scope of routes.ts). Every route opens the dossier through the service, which checks access
 * (A1/A5), answers an unknown, malformed or forbidden id with the same 404, and logs (A6).
 */
export function dossierRoutes(app: FastifyInstance): void {
  const { portrait } = app.services;

  app.get<DossierParams>('', async (request, reply) => {
    // The one-page summary (K1, manual 4.3); the service opens the dossier (A1/A5/A6).
    const actor = actorOf(request);
    const found = await portrait.portrait(actor, request.params.clientId);
    // A4 "Verlenging aanvragen" for a partner with a running attest; A6 "Wie bekeek dit dossier" for service staff.
    const attestLinks = presentAttestLinks({
      isPartner: isPartner(actor.role),
      isStaff: isServiceStaff(actor.role),
      hasRunningAttest: found.dossier.attests.some((a) => a.organisationId === actor.organisationId && attestGivesAccess(a, found.today)),
      clientId: found.dossier.client.id,
    });
    return reply.render('pages/dossier/portrait.njk', { ...presentPortrait(found), attestLinks });
  });

  // The tab opens its first subtab; the subtab's route does the access check.
  app.get<DossierParams>('/begeleiding', async (request, reply) => {
    return reply.redirect(dossierPath(encodeURIComponent(request.params.clientId), 'begeleiding', 'stappen-naar-werk'), 303);
  });
}
