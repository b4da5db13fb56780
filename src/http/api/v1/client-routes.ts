/** Partner API v1: the caseload, a dossier's summary and its change log (scope `dossiers:read`). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiActorOf } from '../../plugins/app/api-auth.ts';
import { caseloadEntryOf, dossierOf, logEventOf } from './presenters.ts';
import { ApiProblem } from './problems.ts';
import { CaseloadQuery, ClientParams, ref } from './schemas.ts';
import { problemResponses } from './responses.ts';

export const clientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { caseload, dossiers, steps } = app.services;
  const read = { scope: 'dossiers:read' as const };

  app.get('/klanten', {
    config: read,
    schema: {
      summary: 'Caseload: de klanten met een lopend attest van uw organisatie (A1)',
      description: 'Per pagina, op id. `gewijzigdSinds` geeft enkel klanten met een wijziging (stappen, documenten, profiel, attest) na dat tijdstip.',
      tags: ['klanten'],
      querystring: CaseloadQuery,
      response: { 200: ref('Caseload'), ...problemResponses(400, 401, 403, 429) },
    },
  }, async (request) => {
    const since = request.query.gewijzigdSinds === undefined ? null : new Date(request.query.gewijzigdSinds);
    if (since !== null && Number.isNaN(since.getTime())) throw new ApiProblem(400, 'ongeldige-invoer', { fouten: [{ veld: 'gewijzigdSinds', melding: 'Vul een tijdstip in volgens ISO 8601, zoals 2026-11-29T09:00:00Z' }] });
    const page = await caseload.page(apiActorOf(request), { changedSince: since, after: request.query.na ?? null, limit: request.query.aantal ?? 50 });
    return { klanten: page.clients.map(caseloadEntryOf), volgende: page.next };
  });

  app.get('/klanten/:klantId', {
    config: read,
    schema: {
      summary: 'Het dossier van een klant: persoonsgegevens en de attesten van uw organisatie',
      tags: ['klanten'],
      params: ClientParams,
      response: { 200: ref('Dossier'), ...problemResponses(401, 403, 404, 429) },
    },
  }, async (request) => dossierOf(await dossiers.openDossier(apiActorOf(request), request.params.klantId, 'klantenportret')));

  app.get('/klanten/:klantId/logboek', {
    config: read,
    schema: {
      summary: 'Het logboek van de stappen (O11): wie, wanneer, welk veld, oude en nieuwe waarde',
      tags: ['klanten'],
      params: ClientParams,
      response: { 200: ref('Logboek'), ...problemResponses(401, 403, 404, 429) },
    },
  }, async (request) => {
    const log = await steps.log(apiActorOf(request), request.params.klantId);
    return { gebeurtenissen: log.events.map(logEventOf) };
  });
};
