import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/app/auth.ts';
import { ForbiddenError } from '../../../services/errors.ts';
import { isServiceStaff } from '../../../domain/roles.ts';
import { asRawForm, textField } from '../form.ts';
import { parseSearchForm } from './search-form.ts';
import { presentSearchPage } from './search-presenter.ts';

const TEMPLATE = 'pages/search/search.njk';

/**
 * Client search for service staff. The search is posted and its results are the response
 * to the post, so that no INSZ or name ever stands in a URL, a history entry or a log line.
 */
export function searchRoutes(app: FastifyInstance): void {
  const limit = app.services.dossiers.searchLimit;

  app.get('/zoeken', async (request, reply) => {
    if (!isServiceStaff(actorOf(request).role)) throw new ForbiddenError('klanten zoeken');
    return reply.render(TEMPLATE, presentSearchPage({ limit }));
  });

  app.post('/zoeken', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    if (!isServiceStaff(actor.role)) throw new ForbiddenError('klanten zoeken');
    const query = textField(asRawForm(request.body), 'zoekterm');
    const form = parseSearchForm(request.body);
    if (!form.ok) return reply.render(TEMPLATE, presentSearchPage({ query, errors: form.errors, limit }), 400);
    const results = await app.services.dossiers.searchClients(actor, form.value);
    reply.header('Cache-Control', 'no-store');
    return reply.render(TEMPLATE, presentSearchPage({ query, results, limit }));
  });
}
