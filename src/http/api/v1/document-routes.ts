/**
 * Partner API v1: the documents of a client (D1–D6) through the same services as the pages: the
 * list (D1, an opening recorded for A6), an upload as multipart/form-data (D2, D3: the one upload
 * service with its content checks, policy and daily quota, the file streamed and never held whole;
 * idempotent), and the download (D6, every download recorded for A6).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DOCUMENT_UPLOADS } from '../../../domain/documents/content-check.ts';
import { problemMessages } from '../../messages/index.ts';
import { readDocumentForm, FILE_FIELD, validateDocumentForm } from '../../pages/documents/document-form.ts';
import { textField } from '../../pages/form.ts';
import { sendAttachment } from '../../pages/shared/content-disposition.ts';
import { readApiMultipart, releaseAccepted } from '../../pages/shared/multipart-form.ts';
import { uploadProblemMessage } from '../../pages/shared/upload-problems.ts';
import { apiActorOf } from '../../plugins/app/api-auth.ts';
import { DocumentListQuery, DocumentParams, DOWNLOAD_CONTENT, NewDocumentForm } from './document-schemas.ts';
import { idempotentAnswer, problemAnswer, send, type Answer } from './http-semantics.ts';
import { documentOf } from './presenters.ts';
import { invalidInput, uploadRefused } from './problems.ts';
import { problemResponses } from './responses.ts';
import { ClientParams, IdempotencyHeaders } from './schemas.ts';
import { Type } from 'typebox';

export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { documents, uploads } = app.services;

  app.get('/klanten/:klantId/documenten', {
    config: { scope: 'dossiers:read' },
    schema: {
      summary: 'De documenten van de klant (D1), nieuwste eerst, zonder de ingetrokken',
      tags: ['documenten'],
      params: ClientParams,
      querystring: DocumentListQuery,
      response: { 200: Type.Ref('Documenten'), ...problemResponses(400, 401, 403, 404, 429) },
    },
  }, async (request) => {
    const overview = await documents.list(apiActorOf(request), request.params.klantId, { kind: request.query.soort ?? null }, 'documenten');
    return { documenten: overview.documents.map(documentOf) };
  });

  app.post('/klanten/:klantId/documenten', {
    config: { scope: 'documenten:write', multipartBody: NewDocumentForm },
    schema: {
      summary: 'Een document toevoegen (D2, D3) als multipart/form-data: dezelfde controles als het scherm; idempotent met Idempotency-Key',
      description: 'Velden `publicatienaam`, `soort`, optioneel `stapId`, dan het bestand in `document`. Een bestand dat geweigerd wordt, wordt niet bewaard.',
      tags: ['documenten'],
      params: ClientParams,
      headers: IdempotencyHeaders,
      response: { 201: Type.Ref('Document'), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429) },
    },
  }, async (request, reply) => {
    const actor = apiActorOf(request);
    // Access first (A1), before a byte of the file is read.
    const { dossier } = await documents.formContext(actor, request.params.klantId, null);
    const clientId = dossier.client.id;
    const { form: raw, upload } = await readApiMultipart(request, reply, {
      fileField: FILE_FIELD,
      receive: (file) => documents.receiveUpload(actor, file),
      release: releaseAccepted(uploads),
    });
    let answer: Answer;
    try {
      const input = readDocumentForm(raw);
      const stepId = textField(raw, 'stapId');
      const fingerprint = { ...input, stapId: stepId, sha256: upload?.ok === true ? upload.file.sha256 : (upload?.problem ?? null) };
      answer = await idempotentAnswer(request, async () => {
        const form = validateDocumentForm(input);
        const fieldErrors = form.ok ? [] : form.errors.map((e) => ({ veld: e.field, melding: e.message }));
        if (upload === undefined || !upload.ok) {
          const problem = upload?.problem ?? 'geen-bestand';
          return problemAnswer(request, uploadRefused(problem, { veld: FILE_FIELD, melding: uploadProblemMessage(problem, DOCUMENT_UPLOADS) }, fieldErrors));
        }
        if (!form.ok) return problemAnswer(request, invalidInput([], problemMessages.documents, fieldErrors));
        const result = await documents.add(actor, clientId, { ...form.value, stepId: stepId === '' ? null : stepId }, upload.file);
        if (!result.ok) return problemAnswer(request, invalidInput(result.problems, problemMessages.documents));
        const listed = await documents.list(actor, clientId, { kind: null }, null);
        const added = listed.documents.find((d) => d.id === result.value.documentId);
        if (added === undefined) throw new Error('the document just added is not listed');
        const body = documentOf(added);
        return { status: 201, body, headers: { Location: body.inhoud } };
      }, fingerprint);
    } finally {
      // Not kept (refused, replayed, failed): the temporary file goes, before the answer leaves. Kept: nothing happens.
      if (upload?.ok === true) await uploads.release(upload.file);
    }
    return send(reply, answer);
  });

  app.get('/klanten/:klantId/documenten/:documentId/inhoud', {
    config: { scope: 'dossiers:read' },
    schema: {
      summary: 'Het bestand van een document (D6), zoals opgeladen; elke download wordt geregistreerd (A6)',
      tags: ['documenten'],
      params: DocumentParams,
      response: { 200: { description: 'De inhoud, met het mediatype van het gevonden formaat en Content-Disposition: attachment', content: DOWNLOAD_CONTENT }, ...problemResponses(401, 403, 404, 410, 429) },
    },
  }, async (request, reply) => {
    const { document, content } = await documents.download(apiActorOf(request), request.params.klantId, request.params.documentId);
    return sendAttachment(reply, document, content);
  });
};
