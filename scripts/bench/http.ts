/**
 * The page "Stappen naar werk" of the bench client on the real application, and next to it the
 * baseline: a bare Fastify route that runs one indexed query for the same client's steps and
 * returns JSON. Both listen on a random port of 127.0.0.1 in this process, one at a time.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { createDatabase, type Database } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { benchServices } from './services.ts';
import { backendCpu, count, withClient } from './database.ts';
import { measure, type LoadRun, type LoadSettings } from './load.ts';
import { logIn } from './session.ts';

/** A page measured on the real application: its path, who looks at it, and a text it must contain. */
export type BenchPage = Readonly<{ title: string; path: string; user: Readonly<{ email: string; password: string }>; heading: string }>;

export type PageCheck = Readonly<{
  status: number;
  hasHeading: boolean;
  /** Rows in the page's table bodies: the steps it lists (0 while the page does not list them). */
  listedRows: number;
  saysNoSteps: boolean;
  bytes: number;
}>;

/**
 * What the database did per page view: commits and rows from its own counters (read after the
 * pool closed; autocommitted statements count as commits there), statements and explicit
 * COMMITs as the application sent them (counted at the driver, src/db/counting-dialect.ts).
 */
export type DatabaseWork = Readonly<{
  views: number;
  commitsPerRequest: number;
  rowsWrittenPerRequest: number;
  auditRowsPerRequest: number;
  statementsPerRequest: number;
  explicitCommitsPerRequest: number;
}>;

export type PageRun = Readonly<{ page: BenchPage; check: PageCheck; load: LoadRun; work: DatabaseWork }>;

export type Cleanup = (close: () => Promise<void>) => void;

/** Starts the application, logs in as the page's user over HTTP, checks and then loads the page. */
export async function measurePage(url: string, page: BenchPage, poolSize: number, settings: LoadSettings, onCleanup: Cleanup): Promise<PageRun> {
  const sent = { statements: 0, commits: 0 };
  const db: Database = createDatabase(
    { kind: 'postgres', url, poolSize },
    {
      onStatement: (sql) => {
        sent.statements += 1;
        if (sql === 'commit') sent.commits += 1;
      },
    },
  );
  const closeDb = once(() => db.destroy());
  onCleanup(closeDb);
  const services = benchServices(db);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', DATABASE_URL: url });
  const app = await buildApp(services, config);
  const closeApp = once(() => app.close());
  onCleanup(closeApp);
  const base = await listen(app);
  // Requests the server received, counted on its side: autocannon counts completed responses
  // only, so the requests in flight when a run stops would otherwise go missing.
  let received = 0;
  app.server.on('request', () => {
    received += 1;
  });

  const cookie = await logIn(base, page.user);
  const pageUrl = `${base}${page.path}`;
  const check = await checkPage(pageUrl, cookie, page.heading);
  if (check.status !== 200 || !check.hasHeading) {
    throw new Error(`page check: GET ${pageUrl} answered ${check.status}${check.hasHeading ? '' : ` without "${page.heading}"`}`);
  }

  const before = await databaseCounters(url);
  const receivedBefore = received;
  const sentBefore = { ...sent };
  const load = await measure(page.title, pageUrl, { cookie }, settings, () => backendCpu(url));
  const sentDuring = { statements: sent.statements - sentBefore.statements, commits: sent.commits - sentBefore.commits };
  // Closing the pool ends the server processes, which flush their statistics on the way out.
  await closeApp();
  await closeDb();
  const after = await databaseCounters(url);
  // Every request between the two readings: the warm-up's, the measured ones, those in flight.
  const views = Math.max(received - receivedBefore, 1);
  return {
    page,
    check,
    load,
    work: {
      views,
      commitsPerRequest: (after.commits - before.commits) / views,
      rowsWrittenPerRequest: (after.rowsWritten - before.rowsWritten) / views,
      auditRowsPerRequest: (after.audit - before.audit) / views,
      statementsPerRequest: sentDuring.statements / views,
      explicitCommitsPerRequest: sentDuring.commits / views,
    },
  };
}

/** The same client's steps through one indexed query, as JSON, on a pool of the same size. */
export async function measureBaseline(url: string, clientId: string, poolSize: number, settings: LoadSettings, onCleanup: Cleanup): Promise<LoadRun> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const closePool = once(() => pool.end());
  onCleanup(closePool);
  const app = Fastify({ logger: false });
  app.get<{ Params: { clientId: string } }>('/clients/:clientId/steps', async (request) => {
    const result = await pool.query<Record<string, unknown>>('select * from steps where client_id = $1 order by date desc', [request.params.clientId]);
    return result.rows;
  });
  const closeApp = once(() => app.close());
  onCleanup(closeApp);
  const base = await listen(app);
  const stepsUrl = `${base}/clients/${clientId}/steps`;
  const response = await fetch(stepsUrl);
  const rows: unknown = await response.json();
  if (response.status !== 200 || !Array.isArray(rows) || rows.length === 0) throw new Error(`baseline check: GET ${stepsUrl} answered ${response.status}`);
  try {
    return await measure('Baseline (1 query, JSON)', stepsUrl, {}, settings, () => backendCpu(url));
  } finally {
    await closeApp();
    await closePool();
  }
}

/** Closing twice (here and in the final tear-down) closes once. */
export function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

export async function checkPage(pageUrl: string, cookie: string, heading: string): Promise<PageCheck> {
  const response = await fetch(pageUrl, { headers: { cookie }, redirect: 'manual' });
  const body = await response.text();
  const bodies = body.match(/<tbody[\s\S]*?<\/tbody>/g) ?? [];
  const listedRows = bodies.reduce((sum, tbody) => sum + (tbody.match(/<tr[\s>]/g) ?? []).length, 0);
  return {
    status: response.status,
    hasHeading: body.includes(heading),
    listedRows,
    saysNoSteps: body.includes('nog geen stappen'),
    bytes: Buffer.byteLength(body),
  };
}

async function databaseCounters(url: string): Promise<{ commits: number; rowsWritten: number; audit: number }> {
  return withClient(url, async (client) => {
    // Statistics are flushed by each server process now and then; force a fresh snapshot.
    await client.query('select pg_stat_clear_snapshot()');
    const stats = await client.query<{ commits: string; written: string }>(
      `select xact_commit as commits, tup_inserted + tup_updated + tup_deleted as written from pg_stat_database where datname = current_database()`,
    );
    return {
      commits: Number(stats.rows[0]?.commits ?? Number.NaN),
      rowsWritten: Number(stats.rows[0]?.written ?? Number.NaN),
      audit: await count(client, 'select count(*) as n from audit_events'),
    };
  });
}
