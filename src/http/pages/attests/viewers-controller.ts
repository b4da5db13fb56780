/** A6: "Wie bekeek dit dossier" for service staff, paged, and its CSV export. */
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/app/auth.ts';
import { attachmentDisposition } from '../shared/content-disposition.ts';
import { toCsv } from './csv.ts';
import { presentViewers, viewersCsvRows } from './viewers-presenter.ts';

type Route = { Params: { clientId: string } };

export function viewersRoutes(app: FastifyInstance): void {
  const { dossierViews } = app.services;

  app.get<Route>('/wie-bekeek', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const page = typeof query['pagina'] === 'string' && /^\d{1,6}$/.test(query['pagina']) ? Number(query['pagina']) : 1;
    const result = await dossierViews.list(actorOf(request), request.params.clientId, page);
    return reply.render('pages/attests/viewers.njk', presentViewers(result));
  });

  app.get<Route>('/wie-bekeek.csv', async (request, reply) => {
    const { dossier, views } = await dossierViews.exportAll(actorOf(request), request.params.clientId);
    const csv = toCsv(['Datum en tijd', 'Wie', 'Organisatie', 'Wat'], viewersCsvRows(views));
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', attachmentDisposition(`wie-bekeek-${dossier.client.id}.csv`))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'no-store')
      .send(csv);
  });
}
