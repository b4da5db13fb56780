import multipart from '@fastify/multipart';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * CSRF for a multipart post. Its body is a stream that is not parsed before the route runs, so
 * the synchroniser token cannot be checked by the usual preHandler. The form sends it as its
 * first field, before the file; the route reads that field and calls this, which runs the csrf
 * plugin's own check on it (same session secret, same verification). Nothing of the file has been
 * read at that point. Rejects with the plugin's 403 error when the token is missing or wrong.
 */
export function verifyCsrfToken(app: FastifyInstance, request: FastifyRequest, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The check reads the token from `body._csrf`; a view of the request with that body, nothing else changed.
    const probe = Object.create(request, { body: { value: { _csrf: token } } }) as FastifyRequest;
    // On a bad token the plugin sends its error on the reply: it becomes the rejection here instead.
    const reply = {
      send: (error: unknown) => {
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    } as unknown as FastifyReply;
    app.csrfProtection.call(app, probe, reply, () => {
      resolve();
    });
  });
}
