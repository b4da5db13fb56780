/**
 * The forms with a file (D2 "Document toevoegen", A2 "Toegang aanvragen", A4 "Verlenging
 * aanvragen") arrive as multipart/form-data: the CSRF token first, then the fields, then the
 * file. The parts are read in that order from the stream: the token is checked before anything
 * else is read, and the file streams straight into the upload service (D3), never held in memory.
 */
import { finished } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingFile, ReceivedFile, UploadOutcome } from '../../../services/documents/upload-service.ts';
import { verifyCsrfToken } from '../../plugins/external/csrf.ts';
import { MULTIPART_LIMITS } from '../../plugins/external/multipart.ts';
import type { RawForm } from '../form.ts';

const CSRF_FIELD = '_csrf';

export type MultipartFormOptions = Readonly<{
  /** The name of the form's file field; any other file is read and discarded. */
  fileField: string;
  /** Streams the file; undefined to read and discard it (printing an attest needs no scan). */
  receive: ((file: IncomingFile) => Promise<UploadOutcome>) | undefined;
  /** Drops an accepted upload when the request fails after it. */
  release: (outcome: UploadOutcome) => Promise<void>;
  /** The plugin's limits, widened for a form with more fields (the file limits stay). */
  limits?: Readonly<{ fields?: number; parts?: number }>;
}>;

/** The usual `release`: an accepted upload goes back to the upload service. */
export const releaseAccepted =
  (uploads: Readonly<{ release: (file: ReceivedFile) => Promise<void> }>) =>
  async (outcome: UploadOutcome): Promise<void> => {
    if (outcome.ok) await uploads.release(outcome.file);
  };

export type MultipartForm = Readonly<{ form: RawForm; upload: UploadOutcome | undefined }>;

/** Reads the multipart body in order; a body whose first part is not the CSRF token is refused (403) unread. */
export async function readMultipartForm(request: FastifyRequest, reply: FastifyReply, options: MultipartFormOptions): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  let upload: UploadOutcome | undefined;
  let verified = false;
  try {
    for await (const part of request.parts({ limits: { ...MULTIPART_LIMITS, ...options.limits } })) {
      if (!verified) {
        verifyCsrfToken(request, part.type === 'field' && part.fieldname === CSRF_FIELD && typeof part.value === 'string' ? part.value : '');
        verified = true;
        continue;
      }
      if (part.type === 'file') {
        if (part.fieldname === options.fileField && upload === undefined && options.receive !== undefined) {
          upload = await options.receive({ stream: part.file, fileName: part.filename, declaredType: part.mimetype });
        } else {
          part.file.resume();
          await finished(part.file);
        }
      } else if (typeof part.value === 'string' && !Object.hasOwn(fields, part.fieldname)) {
        fields[part.fieldname] = part.valueTruncated ? part.value + '…' : part.value;
      }
    }
    if (!verified) verifyCsrfToken(request, '');
  } catch (error) {
    if (upload !== undefined) await options.release(upload);
    // The rest of the body is not read: the connection closes after the answer instead of waiting for it.
    reply.raw.setHeader('Connection', 'close');
    throw error;
  }
  return { form: fields, upload };
}
