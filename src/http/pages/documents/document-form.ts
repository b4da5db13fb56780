/**
 * "Document toevoegen" (D2) arrives as multipart/form-data: the CSRF token first, then
 * Publicatienaam and Soort, then the file. The parts are read in that order from the stream; the
 * token is checked before anything else is read, and the file streams straight into the upload
 * service (D3), never held in memory.
 */
import { finished } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDocumentKind, PUBLICATION_NAME_MAX, type DocumentKind } from '../../../domain/documents/document.ts';
import type { IncomingFile, UploadOutcome } from '../../../services/documents/upload-service.ts';
import { messages } from '../../messages.ts';
import type { FieldError, FormResult } from '../form.ts';

/** What the user typed, kept to be shown again. */
export type DocumentFormInput = Readonly<{ publicatienaam: string; soort: string }>;

export type DocumentFormValue = Readonly<{ publicationName: string; kind: DocumentKind }>;

export type DocumentUpload = Readonly<{ input: DocumentFormInput; upload: UploadOutcome | undefined }>;

export const EMPTY_DOCUMENT_FORM: DocumentFormInput = { publicatienaam: '', soort: 'ander' };

const FILE_FIELD = 'document';
const CSRF_FIELD = '_csrf';

export type UploadHandlers = Readonly<{
  /** Rejects (403) when the token is not the session's. */
  verifyCsrf: (token: string) => Promise<void>;
  receive: (file: IncomingFile) => Promise<UploadOutcome>;
  /** Drops an accepted upload when the request fails after it. */
  release: (outcome: UploadOutcome) => Promise<void>;
}>;

/** Reads the multipart body in order; a body whose first part is not the CSRF token is refused unread. */
export async function readDocumentUpload(request: FastifyRequest, reply: FastifyReply, handlers: UploadHandlers): Promise<DocumentUpload> {
  const fields = new Map<string, string>();
  let upload: UploadOutcome | undefined;
  let verified = false;
  try {
    for await (const part of request.parts()) {
      if (!verified) {
        await handlers.verifyCsrf(part.type === 'field' && part.fieldname === CSRF_FIELD && typeof part.value === 'string' ? part.value : '');
        verified = true;
        continue;
      }
      if (part.type === 'file') {
        if (part.fieldname === FILE_FIELD && upload === undefined) {
          upload = await handlers.receive({ stream: part.file, fileName: part.filename, declaredType: part.mimetype });
        } else {
          part.file.resume();
          await finished(part.file);
        }
      } else if (typeof part.value === 'string' && !fields.has(part.fieldname)) {
        fields.set(part.fieldname, part.valueTruncated ? part.value + '…' : part.value);
      }
    }
    if (!verified) await handlers.verifyCsrf('');
  } catch (error) {
    if (upload !== undefined) await handlers.release(upload);
    // The rest of the body is not read: the connection closes after the answer instead of waiting for it.
    reply.raw.setHeader('Connection', 'close');
    throw error;
  }
  return {
    input: {
      publicatienaam: (fields.get('publicatienaam') ?? '').replace(/\s+/g, ' ').trim(),
      soort: (fields.get('soort') ?? '').trim(),
    },
    upload,
  };
}

/** The fields besides the file: Publicatienaam* (1–200 characters) and Soort. */
export function validateDocumentForm(input: DocumentFormInput): FormResult<DocumentFormValue> {
  const errors: FieldError[] = [];
  const length = Array.from(input.publicatienaam).length;
  if (length === 0) errors.push({ field: 'publicatienaam', message: messages.documents.publicationNameRequired });
  else if (length > PUBLICATION_NAME_MAX) errors.push({ field: 'publicatienaam', message: messages.documents.publicationNameTooLong(PUBLICATION_NAME_MAX) });
  if (!isDocumentKind(input.soort)) errors.push({ field: 'soort', message: messages.documents.kindRequired });
  if (errors.length > 0 || !isDocumentKind(input.soort)) return { ok: false, errors };
  return { ok: true, value: { publicationName: input.publicatienaam, kind: input.soort } };
}
