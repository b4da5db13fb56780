/**
 * Issue 18: SIGTERM to the portal started as the README says (`npm start`) stops the portal
 * itself, gracefully: the process that was started exits 0, the portal logged its shutdown, and
 * nothing of it is left listening. Before, npm stopped and the node process behind it ran on.
 * The portal runs as a real process here, on a fresh data folder (and on a fresh PostgreSQL
 * database when TEST_DATABASE_URL is set).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/databases.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** A fresh PGlite folder and the migrations take 10–20 s, much longer on a busy machine. */
const START_TIMEOUT_MS = 150_000;
/** Beyond the portal's own 10 s limit, after which it exits 1: a slow stop shows as that exit code. */
const STOP_TIMEOUT_MS = 15_000;

type Portal = Readonly<{ child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }>;

/** `npm start` in its own process group (so that the test can clean up everything it started). */
function startPortal(env: Record<string, string>): Portal {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv['NODE_TEST_CONTEXT'];
  if (env['DATABASE_URL'] === undefined) delete childEnv['DATABASE_URL'];
  const child = spawn('npm', ['start'], { cwd: ROOT, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
function logLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function listeningPort(portal: Portal): Promise<number> {
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

function get(port: number, agent: http.Agent): Promise<number> {
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
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
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

async function databaseFor(kind: DatabaseKind): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { env: {}, drop: () => Promise.resolve() };
  const database = await createTestDatabase('postgres');
  if (database.target.kind !== 'postgres') throw new Error('expected a PostgreSQL database');
  return { env: { DATABASE_URL: database.target.url }, drop: database.drop };
}

for (const kind of databaseKinds()) {
  describe(`graceful shutdown of npm start [${kind}]`, () => {
    it('issue 18: SIGTERM to `npm start` stops the portal: exit 0, its shutdown logged, nothing left listening', { timeout: START_TIMEOUT_MS + STOP_TIMEOUT_MS + 30_000 }, async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'lbp-shutdown-'));
      const database = await databaseFor(kind);
      const portal = startPortal({
        ...database.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        NODE_ENV: 'development',
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
      });
      const pid = portal.child.pid;
      assert.ok(pid !== undefined, 'npm start was started');
      // A browser keeps its connection open between requests: the shutdown must not wait for it.
      const agent = new http.Agent({ keepAlive: true });
      try {
        const port = await listeningPort(portal);
        assert.equal(await get(port, agent), 200, '/health answers');

        portal.child.kill('SIGTERM');
        const exit = await within(portal.exited, STOP_TIMEOUT_MS, 'npm start exits after SIGTERM');
        assert.deepEqual(exit, { code: 0, signal: null }, `npm start ends with exit code 0:\n${portal.output()}`);

        const logs = logLines(portal.output());
        assert.ok(logs.some((l) => l['msg'] === 'shutting down' && l['signal'] === 'SIGTERM'), 'the portal logged its shutdown on SIGTERM');
        assert.ok(!logs.some((l) => l['msg'] === 'shutdown failed'), 'the shutdown did not fail');
        assert.equal(groupAlive(pid), false, 'no process of the portal is left');
        await assert.rejects(get(port, new http.Agent()), { code: 'ECONNREFUSED' }, 'nothing listens on the port any more');
      } finally {
        agent.destroy();
        if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
