/**
 * The Documenten tab (K1, D1), the download of a document (D6) and "Volledige logging" (D5).
 * Every route goes through the documents service, which checks access (A1, A5) and logs (A6).
 */
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/app/auth.ts';
import { sendAttachment } from '../shared/content-disposition.ts';
import { presentDocumentLog, presentDocumentsTab, readKindFilter, readOrigin } from './documents-presenter.ts';

type Route = { Params: { clientId: string } };
type DocumentRoute = { Params: { clientId: string; documentId: string } };

export function documentsRoutes(app: FastifyInstance): void {
  const { documents } = app.services;

  app.get<Route>('/documenten', async (request, reply) => {
    const kind = readKindFilter(request.query);
    const overview = await documents.list(actorOf(request), request.params.clientId, { kind }, 'documenten');
    return reply.render('pages/documents/documents.njk', presentDocumentsTab(overview, kind));
  });

  app.get<Route>('/documenten/logging', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const page = typeof query['pagina'] === 'string' && /^\d{1,6}$/.test(query['pagina']) ? Number(query['pagina']) : 1;
    const log = await documents.log(actorOf(request), request.params.clientId, page);
    return reply.render('pages/documents/log.njk', presentDocumentLog(log, readOrigin(request.query)));
  });

  // D6: the original bytes, always as an attachment, never rendered inline or sniffed.
  app.get<DocumentRoute>('/documenten/:documentId', async (request, reply) => {
    const { document, content } = await documents.download(actorOf(request), request.params.clientId, request.params.documentId);
    return sendAttachment(reply, document, content);
  });
}
