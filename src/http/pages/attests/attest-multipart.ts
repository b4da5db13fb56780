/**
 * The attest forms (A2, A4) arrive as multipart/form-data: the CSRF token first, then the fields,
 * then the scan. Read in that order from the stream, as "Document toevoegen" does: the token is
 * checked before anything else is read, and the scan streams straight into the upload service.
 * The request form has more fields than a document, so its limits are the plugin's, widened for
 * fields and parts only (the file limits stay).
 */
import { finished } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingFile, UploadOutcome } from '../../../services/documents/upload-service.ts';
import { MULTIPART_LIMITS } from '../../plugins/external/multipart.ts';
import type { RawForm } from '../form.ts';

export const ATTEST_MULTIPART_LIMITS = Object.freeze({ ...MULTIPART_LIMITS, fields: 24, parts: 26 });

export const SCAN_FIELD = 'scan';
const CSRF_FIELD = '_csrf';

export type AttestUploadHandlers = Readonly<{
  /** Rejects (403) when the token is not the session's. */
  verifyCsrf: (token: string) => Promise<void>;
  /** Streams the scan; undefined to read and discard it (printing needs no scan). */
  receive: ((file: IncomingFile) => Promise<UploadOutcome>) | undefined;
  release: (outcome: UploadOutcome) => Promise<void>;
}>;

export type AttestUpload = Readonly<{ form: RawForm; upload: UploadOutcome | undefined }>;

/** Reads the multipart body in order; a body whose first part is not the CSRF token is refused unread. */
export async function readAttestUpload(request: FastifyRequest, reply: FastifyReply, handlers: AttestUploadHandlers): Promise<AttestUpload> {
  const fields: Record<string, string> = {};
  let upload: UploadOutcome | undefined;
  let verified = false;
  try {
    for await (const part of request.parts({ limits: ATTEST_MULTIPART_LIMITS })) {
      if (!verified) {
        await handlers.verifyCsrf(part.type === 'field' && part.fieldname === CSRF_FIELD && typeof part.value === 'string' ? part.value : '');
        verified = true;
        continue;
      }
      if (part.type === 'file') {
        if (part.fieldname === SCAN_FIELD && upload === undefined && handlers.receive !== undefined) {
          upload = await handlers.receive({ stream: part.file, fileName: part.filename, declaredType: part.mimetype });
        } else {
          part.file.resume();
          await finished(part.file);
        }
      } else if (typeof part.value === 'string' && !(part.fieldname in fields)) {
        fields[part.fieldname] = part.valueTruncated ? part.value + '…' : part.value;
      }
    }
    if (!verified) await handlers.verifyCsrf('');
  } catch (error) {
    if (upload !== undefined) await handlers.release(upload);
    reply.raw.setHeader('Connection', 'close');
    throw error;
  }
  return { form: fields, upload };
}
