/**
 * A webhook receiver for the tests (issue 17): node:http on 127.0.0.1, recording every request
 * (path, headers, raw body), answering 503 to the next N requests of a path when told to, 204 else.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = Readonly<{ path: string; headers: IncomingHttpHeaders; body: string; status: number }>;

export type WebhookReceiver = Readonly<{
  url(path: string): string;
  received(path: string): ReceivedWebhook[];
  /** The next `count` requests to `path` are answered 503. */
  failNext(path: string, count: number): void;
  close(): Promise<void>;
}>;

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const log: ReceivedWebhook[] = [];
  const failures = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const failing = failures.get(path) ?? 0;
      const status = failing > 0 ? 503 : 204;
      if (failing > 0) failures.set(path, failing - 1);
      log.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${String(port)}${path}`,
    received: (path) => log.filter((r) => r.path === path),
    failNext: (path, count) => failures.set(path, count),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => { resolve(); });
    }),
  };
}
