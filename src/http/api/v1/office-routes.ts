/** Partner API v1: the offices to name as Aanvrager and Uitvoerder of a step (scope `dossiers:read`). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiActorOf } from '../../plugins/app/api-auth.ts';
import { problemResponses } from './responses.ts';
import { OfficeQuery, ref } from './schemas.ts';

export const officeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { steps } = app.services;

  app.get('/vestigingen', {
    config: { scope: 'dossiers:read' },
    schema: {
      summary: 'Vestigingen: die van uw organisatie, of met `zoek` die van alle organisaties',
      description: 'De ids zijn de `aanvragerId` en `uitvoerderId` van een stap. Met `zoek` (minstens 2 tekens) de vestigingen van elke organisatie waarvan de naam het deel bevat of de code gelijk is, hoogstens 20.',
      tags: ['vestigingen'],
      querystring: OfficeQuery,
      response: { 200: ref('Vestigingen'), ...problemResponses(400, 401, 403, 429) },
    },
  }, async (request) => {
    const actor = apiActorOf(request);
    const query = request.query.zoek;
    const offices = query === undefined ? await steps.ownOffices(actor) : await steps.searchOffices(actor, query);
    return { vestigingen: offices.map((office) => ({ id: office.id, naam: office.name, code: office.code, organisatie: office.organisationName, label: office.label })) };
  });
};
