/** D4: a beheerder withdraws a document with a reason; it leaves the overviews, the file is kept, the log says so. */
import type { FastifyInstance } from 'fastify';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, multilineField } from '../form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { documentsPaths, presentWithdrawForm } from './documents-presenter.ts';

type Route = { Params: { clientId: string; documentId: string } };

export function withdrawDocumentRoutes(app: FastifyInstance): void {
  const { documents } = app.services;
  const template = 'pages/documents/withdraw.njk';

  app.get<Route>('/documenten/:documentId/intrekken', async (request, reply) => {
    const { dossier, document } = await documents.withdrawContext(actorOf(request), request.params.clientId, request.params.documentId);
    return reply.render(template, presentWithdrawForm({ dossier, document, reason: '', errors: [] }));
  });

  app.post<Route>('/documenten/:documentId/intrekken', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, documentId } = request.params;
    const reason = multilineField(asRawForm(request.body), 'reden').trim();
    const result = await documents.withdraw(actor, clientId, documentId, reason);
    if (!result.ok) {
      const { dossier, document } = await documents.withdrawContext(actor, clientId, documentId);
      return reply.render(template, presentWithdrawForm({ dossier, document, reason, errors: problemsToErrors(result.problems, problemMessages.documents) }), 400);
    }
    request.flash('success', messages.documents.withdrawn(result.value.document.publicationName));
    return reply.redirect(documentsPaths(result.value.document.clientId, 'documenten').overview, 303);
  });
}
