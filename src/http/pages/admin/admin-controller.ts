/** "Beheer" (issue 12): the landing page of the beheerder and the partnerbeheerder. */
import type { FastifyInstance } from 'fastify';
import { ForbiddenError } from '../../../services/errors.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { presentAdminHome } from './admin-home-presenter.ts';
import { ADMIN_PATH } from './admin-paths.ts';

export function adminHomeRoutes(app: FastifyInstance): void {
  app.get(ADMIN_PATH, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.role !== 'beheerder' && actor.role !== 'partnerbeheerder') throw new ForbiddenError('beheer');
    return reply.render('pages/admin/admin-home.njk', presentAdminHome(actor));
  });
}
