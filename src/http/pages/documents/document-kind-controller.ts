/**
 * D7 (issue 15 defect 2): "Soort wijzigen": the organisation that added a document corrects its
 * kind; anyone else gets the 404 of an unknown document. Post/redirect/get with a confirmation;
 * a version someone changed meanwhile is refused with 409 and the user's choice kept (O12).
 */
import type { FastifyInstance } from 'fastify';
import { DOCUMENT_KIND_LABELS } from '../../../domain/documents/document.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm } from '../form.ts';
import { problemsToErrors, statusOf } from '../shared/problems.ts';
import { readKindForm, validateKindForm } from './document-kind-form.ts';
import { presentKindForm } from './document-kind-presenter.ts';
import { documentsPaths, readOrigin } from './documents-presenter.ts';

type Route = { Params: { clientId: string; documentId: string } };

export function documentKindRoutes(app: FastifyInstance): void {
  const { documentKinds } = app.services;
  const template = 'pages/documents/document-kind.njk';

  app.get<Route>('/documenten/:documentId/soort', async (request, reply) => {
    const form = await documentKinds.form(actorOf(request), request.params.clientId, request.params.documentId);
    return reply.render(template, presentKindForm({ form, origin: readOrigin(request.query), chosen: null, version: null, errors: [] }));
  });

  app.post<Route>('/documenten/:documentId/soort', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, documentId } = request.params;
    const origin = readOrigin(request.query);
    const input = readKindForm(asRawForm(request.body));
    const parsed = validateKindForm(input);
    if (!parsed.ok) {
      const form = await documentKinds.form(actor, clientId, documentId);
      return reply.render(template, presentKindForm({ form, origin, chosen: input.soort, version: input.version, errors: parsed.errors }), 400);
    }
    const result = await documentKinds.correct(actor, clientId, documentId, parsed.value.version, parsed.value.kind);
    if (!result.ok) {
      // The current document under the user's choice: the form now carries the current version.
      const form = await documentKinds.form(actor, clientId, documentId);
      const errors = problemsToErrors(result.problems, problemMessages.documents);
      return reply.render(template, presentKindForm({ form, origin, chosen: input.soort, version: null, errors }), statusOf(result.problems));
    }
    const { document, changed } = result.value;
    request.flash('success', changed ? messages.documents.kindCorrected(document.publicationName, DOCUMENT_KIND_LABELS[document.kind]) : messages.documents.kindUnchanged);
    return reply.redirect(documentsPaths(document.clientId, origin).overview, 303);
  });
}
