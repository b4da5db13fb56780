/**
 * HTTP through the cluster's nginx (scripts/cluster/start-cluster.ts), for the cluster test: a
 * session with its cookies, CSRF token and client address (X-Forwarded-For, which nginx passes
 * on and the instances trust), each answer with the instance that gave it (`X-Instance-Id`);
 * and the round robin steered: nginx runs one worker, so its instances take requests in turn in
 * the order of its configuration.
 */
import http from 'node:http';
import { BOUNDARY, MEDIA_TYPES, multipartBody } from './documents.ts';

export type Answer = Readonly<{ status: number; body: string; location: string | null; instance: string | null }>;

export class ClusterSession {
  readonly #base: string;
  readonly #client: string;
  readonly #cookies = new Map<string, string>();
  csrfToken = '';

  constructor(base: string, client = '127.0.0.1') {
    this.#base = base;
    this.#client = client;
  }

  get cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get headers(): Record<string, string> {
    return { cookie: this.cookieHeader, 'x-forwarded-for': this.#client };
  }

  async get(url: string): Promise<Answer> {
    return this.#remember(await fetch(this.#base + url, { headers: this.headers, redirect: 'manual' }));
  }

  async post(url: string, fields: Record<string, string>): Promise<Answer> {
    const body = new URLSearchParams({ _csrf: this.csrfToken, ...fields }).toString();
    return this.#remember(await fetch(this.#base + url, { method: 'POST', body, headers: { ...this.headers, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' }));
  }

  /** "Document toevoegen" posted as the form would (multipart, the file last). */
  async upload(dossierId: string, publicationName: string, file: Buffer): Promise<Answer> {
    const body = uploadBody(this.csrfToken, publicationName, file);
    return this.#remember(
      await fetch(`${this.#base}/dossiers/${dossierId}/documenten/nieuw`, {
        method: 'POST',
        body,
        headers: { ...this.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        redirect: 'manual',
      }),
    );
  }

  async #remember(response: Response): Promise<Answer> {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const body = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token !== undefined) this.csrfToken = token;
    return { status: response.status, body, location: response.headers.get('location'), instance: response.headers.get('x-instance-id') };
  }
}

export function uploadBody(csrfToken: string, publicationName: string, file: Buffer): Buffer {
  return multipartBody([
    { name: '_csrf', value: csrfToken },
    { name: 'publicatienaam', value: publicationName },
    { name: 'soort', value: 'ander' },
    { name: 'document', fileName: `${publicationName}.pdf`, contentType: MEDIA_TYPES.pdf, data: file },
  ]);
}

/**
 * Makes the next request through nginx go to `target`: asks /health/live until the instance
 * before it in the rotation answered. Holds while nothing else sends requests through nginx.
 */
export async function steerTo(base: string, order: readonly string[], target: string): Promise<void> {
  const at = order.indexOf(target);
  if (at < 0) throw new Error(`unknown instance ${target}`);
  const before = order[(at + order.length - 1) % order.length];
  for (let attempt = 0; attempt < order.length * 2; attempt++) {
    const response = await fetch(`${base}/health/live`);
    await response.arrayBuffer();
    if (response.headers.get('x-instance-id') === before) return;
  }
  throw new Error(`could not steer the round robin to ${target}`);
}

/** A request whose body is sent in two halves: the second when `finish` is called. */
export function halfSentUpload(base: string, path: string, headers: Record<string, string>, body: Buffer): { answer: Promise<{ status: number; instance: string | undefined } | { error: string }>; finish: () => void } {
  const url = new URL(base);
  let settle: (value: { status: number; instance: string | undefined } | { error: string }) => void = () => undefined;
  const answer = new Promise<{ status: number; instance: string | undefined } | { error: string }>((resolve) => {
    settle = resolve;
  });
  const request = http.request({
    host: url.hostname,
    port: url.port,
    method: 'POST',
    path,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(body.length) },
  });
  request.on('response', (response) => {
    response.resume();
    const instance = response.headers['x-instance-id'];
    settle({ status: response.statusCode ?? 0, instance: typeof instance === 'string' ? instance : undefined });
  });
  request.on('error', (error) => {
    settle({ error: error.message });
  });
  const half = Math.floor(body.length / 2);
  request.write(body.subarray(0, half));
  return {
    answer,
    finish: () => {
      request.end(body.subarray(half));
    },
  };
}
