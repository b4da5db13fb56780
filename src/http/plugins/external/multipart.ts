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
 * Multipart form bodies (file uploads), read as a stream by the route: nothing is buffered whole.
 * `preservePath` hands the upload service the file name exactly as sent, so that the domain
 * decides what a safe name is (a name with `..` is refused, not silently cut).
 */
export const multipartPlugin = fp(
  async (app) => {
    await app.register(multipart, { limits: MULTIPART_LIMITS, preservePath: true, throwFileSizeLimit: false });
  },
  { name: 'lbp-multipart' },
);
