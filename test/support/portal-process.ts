/**
 * The portal as a real process, started as the README says, for tests of what happens between
 * processes: signals, a second process on the same data folder. Each runs in its own process
 * group, so that a test can clean up everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** A fresh PGlite folder and the migrations take 10–20 s, much longer on a busy machine. */
export const START_TIMEOUT_MS = 150_000;

export type Portal = Readonly<{ child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }>;

/** `npm start` (or `node src/main.ts`, as in production) in its own process group. */
export function startPortal(env: Record<string, string>, how: 'npm start' | 'node' = 'npm start'): Portal {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv['NODE_TEST_CONTEXT'];
  if (env['DATABASE_URL'] === undefined) delete childEnv['DATABASE_URL'];
  const [command, args] = how === 'npm start' ? ['npm', ['start']] : [process.execPath, ['src/main.ts']];
  const child = spawn(command, args, { cwd: ROOT, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  return { child, output: () => output, exited };
}

/** The JSON log lines (pino) among npm's own lines. */
export function logLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export async function listeningPort(portal: Portal): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const message = logLines(portal.output())
      .map((l) => l['msg'])
      .find((msg): msg is string => typeof msg === 'string' && msg.includes('luistert op'));
    const port = /luistert op http:\/\/[^:]+:(\d+)/.exec(message ?? '')?.[1];
    if (port !== undefined) return Number(port);
    if (portal.child.exitCode !== null || portal.child.signalCode !== null) break;
    await sleep(100);
  }
  throw new Error(`the portal did not start:\n${portal.output()}`);
}

export function get(port: number, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/health', agent }, (response) => {
        response.resume();
        response.on('end', () => {
          resolve(response.statusCode ?? 0);
        });
      })
      .on('error', reject);
  });
}

/** Whether any process of the group that was started is still there. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what}: not within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}


/**
 * A browser's session with a portal that runs as a real process (fetch, no redirects followed):
 * keeps its cookies and the CSRF token of the last page read.
 */
export class ProcessSession {
  readonly #base: string;
  readonly #cookies = new Map<string, string>();
  csrfToken = '';

  constructor(port: number) {
    this.#base = `http://127.0.0.1:${String(port)}`;
  }

  get cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string): Promise<{ status: number; body: string; location: string | null }> {
    return this.#remember(await fetch(this.#base + url, { headers: { cookie: this.cookieHeader }, redirect: 'manual' }));
  }

  async post(url: string, fields: Record<string, string>): Promise<{ status: number; body: string; location: string | null }> {
    const body = new URLSearchParams({ _csrf: this.csrfToken, ...fields }).toString();
    return this.#remember(
      await fetch(this.#base + url, { method: 'POST', body, headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' }),
    );
  }

  async #remember(response: Response): Promise<{ status: number; body: string; location: string | null }> {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const body = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token !== undefined) this.csrfToken = token;
    return { status: response.status, body, location: response.headers.get('location') };
  }
}
