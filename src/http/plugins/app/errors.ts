import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentContentMissingError, ForbiddenError, NotFoundError } from '../../../services/errors.ts';
import { messages } from '../../messages/index.ts';

/** `reference`: the page shows the request id, which the log line carries too (always from 500 on). */
type ErrorPage = { status: number; title: string; body: string; reference?: boolean };

/** Where a malformed URL is sent (under /api/ for the API): a route that answers 400. */
const MALFORMED_URL = '/ongeldig-adres';

/** The URL itself when its path decodes, else the malformed-URL route (see `rewriteUrl` in app.ts). */
export function rewriteMalformedUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    decodeURI(path);
    return url;
  } catch {
    return path.startsWith('/api/') ? `/api${MALFORMED_URL}` : MALFORMED_URL;
  }
}

class MalformedUrlError extends Error {
  readonly statusCode = 400;
  readonly code = 'LBP_MALFORMED_URL';
}

const NOT_FOUND: ErrorPage = { status: 404, title: messages.errors.notFoundTitle, body: messages.errors.notFoundBody };

/**
 * Errors as Dutch pages (or problem+json under /api/), never with a stack or internals.
 * Unexpected errors are logged with the request id, which the page shows as its reference.
 */
export const errorsPlugin = fp(
  (app, _opts, done) => {
    app.setNotFoundHandler(async (request, reply) => send(request, reply, NOT_FOUND));
    for (const url of [MALFORMED_URL, `/api${MALFORMED_URL}`]) {
      app.all(url, async () => {
        throw new MalformedUrlError('malformed URL');
      });
    }

    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const page = classify(error);
      if (error instanceof DocumentContentMissingError) {
        // One line, no stack: which document and which file (its digest); no names.
        request.log.warn({ documentId: error.documentId, sha256: error.sha256, status: page.status }, 'document content missing');
      } else if (page.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: error.code, status: page.status }, 'request refused');
      return send(request, reply, page);
    });
    done();
  },
  { name: 'lbp-errors', dependencies: ['lbp-render'] },
);

function classify(error: FastifyError): ErrorPage {
  if (error instanceof NotFoundError) return NOT_FOUND;
  // 410 Gone: the document is there and may be read, but its file is lost; asking again will not help.
  if (error instanceof DocumentContentMissingError) {
    return { status: 410, title: messages.errors.documentMissingTitle, body: messages.errors.documentMissingBody, reference: true };
  }
  if (error instanceof ForbiddenError) return { status: 403, title: messages.errors.forbiddenTitle, body: messages.errors.forbiddenBody };
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    return { status: 403, title: messages.errors.csrfTitle, body: messages.errors.csrfBody };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, title: messages.errors.tooLargeTitle, body: messages.errors.tooLargeBody };
  if (status === 429) return { status, title: messages.errors.tooManyTitle, body: messages.login.tooManyAttempts };
  if (status === 404) return NOT_FOUND;
  if (status >= 400 && status < 500) return { status, title: messages.errors.badRequestTitle, body: messages.errors.badRequestBody };
  return { status: 500, title: messages.errors.serverTitle, body: messages.errors.serverBody };
}

async function send(request: FastifyRequest, reply: FastifyReply, page: ErrorPage): Promise<FastifyReply> {
  reply.header('Cache-Control', 'no-store');
  // ASVS 5.2.1: a body too large is not read to its end; the connection closes after this answer.
  if (page.status === 413) reply.header('Connection', 'close');
  if (request.url.startsWith('/api/')) {
    return reply
      .code(page.status)
      .type('application/problem+json')
      .send({ type: 'about:blank', title: page.title, status: page.status, detail: page.body, instance: request.id });
  }
  return reply.render('views/error.njk', { title: page.title, body: page.body, reference: page.status >= 500 || page.reference === true ? request.id : null }, page.status);
}
