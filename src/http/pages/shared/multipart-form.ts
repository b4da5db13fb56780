/**
 * The forms with a file (D2 "Document toevoegen", A2 "Toegang aanvragen", A4 "Verlenging
 * aanvragen") arrive as multipart/form-data: the CSRF token first, then the fields, then the
 * file. The parts are read in that order from the stream: the token is checked before anything
 * else is read, and the file streams straight into the upload service (D3), never held in memory.
 */
import { finished } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
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
export function readMultipartForm(request: FastifyRequest, reply: FastifyReply, options: MultipartFormOptions): Promise<MultipartForm> {
  return readParts(request, reply, options, (part) => {
    verifyCsrfToken(request, part === undefined ? '' : part.type === 'field' && part.fieldname === CSRF_FIELD && typeof part.value === 'string' ? part.value : '');
    return true;
  });
}

/**
 * The same reading for the partner API (issue 17): its requests carry a Bearer token and no
 * session cookie, so there is no CSRF token to check; every part is the form's. The file streams
 * into the upload service exactly as for the pages.
 */
export function readApiMultipart(request: FastifyRequest, reply: FastifyReply, options: MultipartFormOptions): Promise<MultipartForm> {
  return readParts(request, reply, options, () => false);
}

/**
 * `first` sees the first part (undefined when the body had none) and says whether it was consumed
 * (the CSRF token) or is one of the form's parts; it throws to refuse the body.
 */
async function readParts(request: FastifyRequest, reply: FastifyReply, options: MultipartFormOptions, first: (part: Multipart | undefined) => boolean): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  let upload: UploadOutcome | undefined;
  let seen = false;
  try {
    for await (const part of request.parts({ limits: { ...MULTIPART_LIMITS, ...options.limits } })) {
      if (!seen) {
        seen = true;
        if (first(part)) continue;
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
    if (!seen) first(undefined);
  } catch (error) {
    if (upload !== undefined) await options.release(upload);
    // The rest of the body is not read: the connection closes after the answer instead of waiting for it.
    reply.raw.setHeader('Connection', 'close');
    throw error;
  }
  return { form: fields, upload };
}
