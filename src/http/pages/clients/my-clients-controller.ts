import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/app/auth.ts';
import { presentMyClients } from './my-clients-presenter.ts';

export function myClientsRoutes(app: FastifyInstance): void {
  app.get('/klanten', async (request, reply) => {
    const actor = actorOf(request);
    const clients = await app.services.dossiers.listMyClients(actor);
    return reply.render('pages/clients/my-clients.njk', presentMyClients(actor.organisationName, clients));
  });
}
