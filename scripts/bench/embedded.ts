/**
 * Issue 16 on the embedded database (PGlite), in a data folder of its own under the system's
 * temporary directory, removed at the end:
 *
 * 1. the folder is prepared as a first start would leave it: migrations and the demo world
 *    (`services.demo.seedIfEmpty`). This is the data set: the demo clients, not 100,000 clients
 *    (generating those through PGlite, one statement at a time in the main thread, takes far too
 *    long for a benchmark run). The page is Stappen naar werk of the demo client of partner 1 with
 *    the most steps, as its begeleider;
 * 2. the page, the application composed as in http.ts but on PGlite (which runs in the server's
 *    main thread, so "server CPU/req" includes the database), against the same baseline route as
 *    on PostgreSQL (one query for the client's steps, as JSON) on the same folder, one after the
 *    other (PGlite opens a folder in one place at a time);
 * 3. start-up: `node src/main.ts` spawned on the prepared folder (migrated and seeded), timed to
 *    the first `GET /aanmelden` that answers 200; three runs, the median; the CPU the process used
 *    until then (from /proc), which depends little on the machine's load.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { createDatabase, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/http/app.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { checkPage, listen, once, type Cleanup, type PageCheck } from './http.ts';
import { measure, type LoadRun, type LoadSettings } from './load.ts';
import { int, ms, percent, seconds, table, verdict } from './report.ts';
import { benchServices } from './services.ts';
import { logIn } from './session.ts';

const USER = { email: 'begeleider@demo.be', password: DEMO_PASSWORD };
const NODE = path.resolve('node_modules/.bin/node');
const MAIN = path.resolve('src/main.ts');
const START_RUNS = 3;
const START_TIMEOUT_MS = 120_000;
/** Issue 16: the page at least 30 % of the baseline on PGlite; start to first page under 3 s. */
export const EMBEDDED_TARGETS = Object.freeze({ shareOfBaseline: 0.3, startMs: 3000 });

export type StartRun = Readonly<{ ms: number; cpuMs: number }>;
export type EmbeddedRun = Readonly<{
  clients: number;
  steps: number;
  clientSteps: number;
  preparedMs: number;
  check: PageCheck;
  page: LoadRun;
  baseline: LoadRun;
  starts: readonly StartRun[];
}>;

const noPostgres = (): Promise<ReadonlyMap<number, number>> => Promise.resolve(new Map());

export async function measureEmbedded(settings: LoadSettings, progress: (line: string) => void, onCleanup: Cleanup): Promise<EmbeddedRun> {
  const folder = await mkdtemp(path.join(tmpdir(), 'lbp-bench-pglite-'));
  onCleanup(once(() => rm(folder, { recursive: true, force: true })));
  const dataDir = path.join(folder, 'data');
  const db0 = createDatabase({ kind: 'pglite', dataDir });
  const t0 = performance.now();
  let target: { clientId: string; clientSteps: number; clients: number; steps: number };
  try {
    await migrateToLatest(db0);
    await benchServices(db0).demo.seedIfEmpty();
    target = await pickClient(db0);
  } finally {
    await db0.destroy();
  }
  const preparedMs = performance.now() - t0;
  progress(`  PGlite folder migrated and seeded in ${seconds(preparedMs)}: ${int(target.clients)} clients, ${int(target.steps)} steps`);

  const pagePath = `/dossiers/${target.clientId}/begeleiding/stappen-naar-werk`;
  const { check, page } = await withDatabase(dataDir, onCleanup, async (db) => {
    const app = await buildApp(benchServices(db), loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', DATA_DIR: dataDir }));
    const closeApp = once(() => app.close());
    onCleanup(closeApp);
    try {
      const base = await listen(app);
      const cookie = await logIn(base, USER);
      const checked = await checkPage(`${base}${pagePath}`, cookie, 'Stappen naar werk');
      if (checked.status !== 200 || !checked.hasHeading) throw new Error(`PGlite page check: GET ${pagePath} answered ${checked.status}`);
      progress(`  Stappen naar werk on PGlite: ${settings.warmupSeconds} s warm-up, ${settings.durationSeconds} s`);
      return { check: checked, page: await measure('Stappen naar werk on PGlite', `${base}${pagePath}`, { cookie }, settings, noPostgres) };
    } finally {
      await closeApp();
    }
  });

  const baseline = await withDatabase(dataDir, onCleanup, async (db) => {
    const app = Fastify({ logger: false });
    app.get<{ Params: { clientId: string } }>('/clients/:clientId/steps', async (request) => {
      const result = await sql<Record<string, unknown>>`select * from steps where client_id = ${request.params.clientId} order by date desc`.execute(db);
      return result.rows;
    });
    const closeApp = once(() => app.close());
    onCleanup(closeApp);
    try {
      const base = await listen(app);
      progress(`  Baseline on PGlite: ${settings.warmupSeconds} s warm-up, ${settings.durationSeconds} s`);
      return await measure('Baseline on PGlite (1 query, JSON)', `${base}/clients/${target.clientId}/steps`, {}, settings, noPostgres);
    } finally {
      await closeApp();
    }
  });

  const starts: StartRun[] = [];
  for (let n = 1; n <= START_RUNS; n++) {
    progress(`  start-up ${n}/${START_RUNS}: node src/main.ts on the prepared folder`);
    starts.push(await timeStart(dataDir));
  }
  return { clients: target.clients, steps: target.steps, clientSteps: target.clientSteps, preparedMs, check, page, baseline, starts };
}

async function withDatabase<T>(dataDir: string, onCleanup: Cleanup, work: (db: Database) => Promise<T>): Promise<T> {
  const db = createDatabase({ kind: 'pglite', dataDir });
  const close = once(() => db.destroy());
  onCleanup(close);
  try {
    return await work(db);
  } finally {
    await close();
  }
}

/** The client of the demo begeleider's organisation with the most steps, and the size of the data. */
async function pickClient(db: Database): Promise<{ clientId: string; clientSteps: number; clients: number; steps: number }> {
  const best = await sql<{ clientId: string; n: string }>`
    select s.client_id as "clientId", count(*) as n from steps s join users u on u.organisation_id = s.organisation_id
    where u.email = ${USER.email} group by s.client_id order by count(*) desc, s.client_id limit 1`.execute(db);
  const sizes = await sql<{ clients: string; steps: string }>`select (select count(*) from clients) as clients, (select count(*) from steps) as steps`.execute(db);
  const row = best.rows[0];
  if (row === undefined) throw new Error('PGlite: the demo begeleider has no client with steps');
  return { clientId: row.clientId, clientSteps: Number(row.n), clients: Number(sizes.rows[0]?.clients), steps: Number(sizes.rows[0]?.steps) };
}

/** Spawns the portal on the folder; the time and the process's CPU until GET /aanmelden answers 200. */
async function timeStart(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' };
  const started = performance.now();
  const child = spawn(NODE, [MAIN], { cwd: process.cwd(), env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`node src/main.ts stopped (${String(child.exitCode)}): ${stderr.slice(0, 500)}`);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error('node src/main.ts did not answer within 120 s');
      const status = await fetch(`http://127.0.0.1:${port}/aanmelden`).then((r) => r.status, () => 0);
      if (status === 200) return { ms: performance.now() - started, cpuMs: child.pid === undefined ? Number.NaN : processCpuMs(child.pid) };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** utime + stime of a process from /proc/<pid>/stat, in ms (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => { resolve(port); });
    });
  });
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export function embeddedSummary(r: EmbeddedRun, number: number): string {
  const share = r.page.requestsPerSecond / r.baseline.requestsPerSecond;
  const startMs = median(r.starts.map((s) => s.ms));
  const row = (run: LoadRun): string[] => [run.title, int(run.requestsPerSecond), ms(run.p50, 0), ms(run.p99, 0), int(run.non2xx), int(run.errors + run.timeouts), ms(run.serverCpuMsPerRequest, 2), run.loadAverage.toFixed(2)];
  return [
    '',
    `${String(number)}. Embedded database (PGlite), own data folder: the demo world (${int(r.clients)} clients, ${int(r.steps)} steps; not 100,000 clients), prepared in ${seconds(r.preparedMs)}`,
    `   page: Stappen naar werk of a demo client with ${String(r.clientSteps)} steps (${String(r.check.listedRows)} table rows, ${int(r.check.bytes)} bytes); server CPU/req includes PGlite (same thread)`,
    '',
    table(['Run', 'req/s', 'p50', 'p99', 'non-2xx', 'errors', 'server CPU/req', 'load avg'], [row(r.page), row(r.baseline)]),
    '',
    table(['Start-up run', 'to first GET /aanmelden 200', 'CPU of the process until then'], r.starts.map((s, i) => [String(i + 1), seconds(s.ms), Number.isNaN(s.cpuMs) ? 'n/a' : seconds(s.cpuMs)])),
    '',
    table(
      ['Target', 'Measured', 'Target', 'Verdict'],
      [
        ['PGlite page: throughput / baseline on PGlite', percent(share), `>= ${percent(EMBEDDED_TARGETS.shareOfBaseline)}`, verdict(share >= EMBEDDED_TARGETS.shareOfBaseline)],
        ['PGlite page: CPU share (baseline CPU/req / page CPU/req)', percent(r.baseline.serverCpuMsPerRequest / r.page.serverCpuMsPerRequest), 'for reference', ''],
        [`start to first answered page (median of ${String(r.starts.length)})`, seconds(startMs), `< ${seconds(EMBEDDED_TARGETS.startMs)}`, verdict(startMs < EMBEDDED_TARGETS.startMs)],
      ],
    ),
  ].join('\n');
}
