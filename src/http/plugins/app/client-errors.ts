import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import { messages } from '../../messages/index.ts';
import { presentLayout } from '../../pages/layout-presenter.ts';

/** The headers of every answer to a refused request; the page depends on nothing in the request. */
const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  Connection: 'close',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
};

/** The status Node's HTTP parser errors get, as Fastify gives them; every other one is a 400. */
function statusOf(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * A request that Node's HTTP parser refuses (a space in the path, a broken header line) never
 * reaches a route: the server answers it on the socket. Fastify would write its own JSON there;
 * the portal writes its Dutch "Ongeldig verzoek" page instead, rendered once when the app is
 * ready. `handler` is Fastify's `clientErrorHandler`; `plugin` renders the page.
 */
export function clientErrorPage() {
  let html: string | undefined;
  const page = { title: messages.errors.badRequestTitle, body: messages.errors.badRequestBody, reference: null };
  return {
    plugin: fp(
      (app, _opts, done) => {
        app.addHook('onReady', async () => {
          const layout = presentLayout({ path: '/', actor: null, csrfToken: '', flash: undefined, page });
          html = await app.view('views/error.njk', { layout, page });
        });
        done();
      },
      { name: 'lbp-client-errors', dependencies: ['lbp-views'] },
    ),
    handler: (error: Error & { code?: string }, socket: Socket): void => {
      if (error.code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      const status = statusOf(error.code);
      // Before the app is ready (no page yet), the title as plain text.
      const body = Buffer.from(html ?? messages.errors.badRequestTitle, 'utf8');
      const type = html === undefined ? { 'Content-Type': 'text/plain; charset=utf-8' } : {};
      const head = Object.entries({ ...HEADERS, ...type, 'Content-Length': String(body.length) }).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${String(status)} ${REASONS[status] ?? 'Bad Request'}\r\n${head.join('')}\r\n`), body]));
    },
  };
}
