/**
 * "API-documentatie" at /api/docs (issue 17 item 7): the OpenAPI document of /api/openapi.json
 * rendered for people by Swagger UI from our own assets. Open to everyone, as the document itself.
 */
import type { FastifyInstance } from 'fastify';
import { API_DOCS_PATH, presentApiDocs } from './api-docs-presenter.ts';

export function apiDocsRoutes(app: FastifyInstance): void {
  app.get(API_DOCS_PATH, async (_request, reply) => reply.render('pages/api-docs/api-docs.njk', presentApiDocs()));
}
