import multipart from '@fastify/multipart';
import fp from 'fastify-plugin';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents/content-check.ts';

/**
 * Limits of a multipart request, set explicitly (D3): the one file of a form, a few short fields.
 * `fileSize` is one byte above the document limit: the upload service counts the bytes itself and
 * so sees a file that is too large as too large, not as cut short.
 */
export const MULTIPART_LIMITS = Object.freeze({
  fileSize: MAX_DOCUMENT_BYTES + 1,
  files: 1,
  fields: 10,
  fieldSize: 4096,
  fieldNameSize: 100,
  parts: 12,
  headerPairs: 20,
});

/**
 * ASVS 5.2.1: the largest multipart body a form may send: one file at its limit plus the form's
 * fields and part headers (the attest form has 24 fields of at most 4 kB).
 */
export const MAX_MULTIPART_BODY_BYTES = MAX_DOCUMENT_BYTES + 128 * 1024;

/** A body announced larger than the limit: answered 413 at once, its bytes never read. */
export class BodyTooLargeError extends Error {
  readonly statusCode = 413;
  readonly code = 'LBP_BODY_TOO_LARGE';
  constructor() {
    super('Request body too large');
  }
}

/**
 * Multipart form bodies (file uploads), read as a stream by the route: nothing is buffered whole.
 * A body whose Content-Length is over `MAX_MULTIPART_BODY_BYTES` is refused before the route
 * reads it (413, the connection closed: see the errors plugin), instead of being read to its end.
 * `preservePath` hands the upload service the file name exactly as sent, so that the domain
 * decides what a safe name is (a name with `..` is refused, not silently cut).
 */
export const multipartPlugin = fp(
  async (app) => {
    await app.register(multipart, { limits: MULTIPART_LIMITS, preservePath: true, throwFileSizeLimit: false });
    // preValidation: after the session is read (onRequest), before the route reads the body.
    app.addHook('preValidation', async (request) => {
      if (request.isMultipart() && Number(request.headers['content-length'] ?? 0) > MAX_MULTIPART_BODY_BYTES) throw new BodyTooLargeError();
    });
  },
  { name: 'lbp-multipart' },
);
