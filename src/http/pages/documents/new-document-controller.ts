/**
 * "Voeg toe" opens "Document toevoegen" (D2); "Bewaar" streams the file into storage, checks it
 * (D3) and adds the document, back to the overview with a confirmation; "Annuleer" stores nothing.
 *
 * CSRF: the form is multipart, whose body is not parsed before the route runs, so the route does
 * not use the csrfProtection preHandler. The token is the form's first field, read and checked
 * (through the csrf plugin) before anything else of the body; see shared/multipart-form.ts.
 */
import type { FastifyInstance } from 'fastify';
import { DOCUMENT_UPLOADS } from '../../../domain/documents/content-check.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import type { FieldError } from '../form.ts';
import { readMultipartForm, releaseAccepted } from '../shared/multipart-form.ts';
import { EMPTY_DOCUMENT_FORM, FILE_FIELD, readDocumentForm, validateDocumentForm } from './document-form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { uploadProblemMessage } from '../shared/upload-problems.ts';
import { documentsPaths, presentDocumentForm, readOrigin } from './documents-presenter.ts';

type Route = { Params: { clientId: string } };

export function newDocumentRoutes(app: FastifyInstance): void {
  const { documents, uploads } = app.services;
  const template = 'pages/documents/new-document.njk';

  app.get<Route>('/documenten/nieuw', async (request, reply) => {
    const { dossier, kindDue } = await documents.formContext(actorOf(request), request.params.clientId, 'document-toevoegen');
    const origin = readOrigin(request.query);
    // Issue 15 defect 2: no default Soort, except the one that follows from the manual's way (Traject > Voeg toe).
    const preselected = origin === 'traject' ? kindDue : null;
    const values = { ...EMPTY_DOCUMENT_FORM, soort: preselected ?? '' };
    return reply.render(template, presentDocumentForm({ dossier, origin, values, errors: [], preselected }));
  });

  app.post<Route>('/documenten/nieuw', async (request, reply) => {
    const actor = actorOf(request);
    const origin = readOrigin(request.query);
    // Access first (A1), before a byte of the file is read.
    const { dossier } = await documents.formContext(actor, request.params.clientId, null);
    const clientId = dossier.client.id;

    const { form: raw, upload } = await readMultipartForm(request, reply, {
      fileField: FILE_FIELD,
      receive: (file) => documents.receiveUpload(actor, file),
      release: releaseAccepted(uploads),
    });

    const input = readDocumentForm(raw);
    const form = validateDocumentForm(input);
    const errors: FieldError[] = form.ok ? [] : [...form.errors];
    if (upload === undefined || !upload.ok) {
      errors.push({ field: 'document', message: uploadProblemMessage(upload?.problem ?? 'geen-bestand', DOCUMENT_UPLOADS) });
    }
    if (!form.ok || upload === undefined || !upload.ok) {
      if (upload?.ok === true) await uploads.release(upload.file);
      return reply.render(template, presentDocumentForm({ dossier, origin, values: input, errors }), 400);
    }

    const result = await documents.add(actor, clientId, { ...form.value, stepId: null }, upload.file);
    if (!result.ok) {
      return reply.render(template, presentDocumentForm({ dossier, origin, values: input, errors: problemsToErrors(result.problems, problemMessages.documents) }), 400);
    }
    request.flash('success', messages.documents.added(form.value.publicationName));
    return reply.redirect(documentsPaths(clientId, origin).overview, 303);
  });
}
