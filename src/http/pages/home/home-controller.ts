import type { FastifyInstance } from 'fastify';
import { isPartner } from '../../../domain/roles.ts';
import { actorOf } from '../../plugins/app/auth.ts';

/** The start page depends on the role: partners their clients, service staff the client search. */
export function homeRoutes(app: FastifyInstance): void {
  app.get('/', async (request, reply) => {
    const actor = actorOf(request);
    return reply.redirect(isPartner(actor.role) ? '/klanten' : '/zoeken', 303);
  });
}
