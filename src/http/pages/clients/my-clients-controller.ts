import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/app/auth.ts';
import { pageOf, presentMyClients } from './my-clients-presenter.ts';

type MyClientsRoute = { Querystring: { pagina?: unknown } };

export function myClientsRoutes(app: FastifyInstance): void {
  app.get<MyClientsRoute>('/klanten', async (request, reply) => {
    const actor = actorOf(request);
    const found = await app.services.dossiers.listMyClientsPage(actor, pageOf(request.query.pagina));
    return reply.render('pages/clients/my-clients.njk', presentMyClients(actor.organisationName, found));
  });
}
