/**
 * `npm run bench`: the figures of docs/performance.md in one run.
 *
 * 1. a fresh PostgreSQL database with 100,000 clients and 1,000,000 steps (set-based SQL);
 * 2. the page "Stappen naar werk" of one client on the real application, 50 connections;
 * 3. the baseline: a bare Fastify route with one indexed query for the same rows, as JSON;
 * 4. the sweep J1 over the 1,000,000 lines of which 100,000 are due, twice;
 * 5. the embedded database (PGlite, issue 16): the same page against the same baseline route on
 *    PGlite, on the demo world in a folder of its own, and the start-up time of `node src/main.ts`
 *    on that folder (embedded.ts);
 * 6. documents: ten concurrent 20 MB uploads against the application in its own process,
 *    its memory and the throughput next to a bare Node pipeline (uploads.ts);
 * 7. the database dropped again, also when something failed or the run was interrupted.
 *
 * Progress goes to stderr, the summary tables to stdout. Exits 0 unless something broke
 * (a check failed or an error occurred); a missed target is a figure, not a failure.
 * Settings: BENCH_DATABASE_URL, BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_POOL_SIZE;
 * BENCH_ONLY=uploads runs the data and then the documents part alone (no page, baseline, sweep);
 * BENCH_ONLY=embedded runs the PGlite part alone (no PostgreSQL database is made).
 */
import { systemClock } from '../src/services/clock.ts';
import { createBenchDatabase, withClient, type BenchDatabase } from './bench/database.ts';
import { BENCH_USER, BENCH_USER_PARTNER3, CLIENTS, DUE, generate, migrate, PARTNER3_ATTESTS, STEPS, type Generated } from './bench/generate.ts';
import { measureBaseline, measurePage, type BenchPage, type PageRun } from './bench/http.ts';
import type { LoadRun } from './bench/load.ts';
import { readOptions, type BenchOptions } from './bench/options.ts';
import { describeMachine, int, ms, percent, seconds, table, verdict, type Machine } from './bench/report.ts';
import { removeBlobFolder } from './bench/services.ts';
import { measureSweep, type SweepMeasurement } from './bench/sweep.ts';
import { embeddedSummary, measureEmbedded } from './bench/embedded.ts';
import { measureUploads, UPLOAD_BYTES, UPLOADS, uploadsSummary } from './bench/uploads.ts';

/** DESIGN.md, "Speed", and issue 16: the sweep < 10 s; per page its share of the baseline's throughput and its p99. */
const TARGETS = Object.freeze({ sweepMs: 10_000 });
type PageTarget = Readonly<{ shareOfBaseline: number; p99Ms: number }>;

/** The pages of issue 16 and their targets. */
function benchPages(clientId: string): { page: BenchPage; target: PageTarget }[] {
  const dossier = `/dossiers/${clientId}`;
  return [
    { page: { title: 'Stappen naar werk (page)', path: `${dossier}/begeleiding/stappen-naar-werk`, user: BENCH_USER, heading: 'Stappen naar werk' }, target: { shareOfBaseline: 0.4, p99Ms: 100 } },
    { page: { title: 'Klantenportret (page)', path: dossier, user: BENCH_USER, heading: 'Klantenportret' }, target: { shareOfBaseline: 0.3, p99Ms: 150 } },
    {
      page: { title: `Mijn klanten (${PARTNER3_ATTESTS} attests, page 1)`, path: '/klanten', user: BENCH_USER_PARTNER3, heading: 'Mijn klanten' },
      target: { shareOfBaseline: 0.3, p99Ms: 150 },
    },
  ];
}

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Things to close before the database can go, latest first. */
const closers: (() => Promise<void>)[] = [];
let database: BenchDatabase | undefined;

async function tearDown(): Promise<void> {
  for (const close of closers.splice(0).reverse()) {
    await close().catch((error: unknown) => {
      progress(`  (closing: ${String(error)})`);
    });
  }
  await removeBlobFolder();
  if (database !== undefined) {
    progress(`Dropping ${database.name}`);
    await database.drop();
  }
}

/** Set by a signal handler: the handler tears down, the normal path must not as well. */
const run = { interrupted: false };
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (run.interrupted) return;
    run.interrupted = true;
    progress(`\n${signal}: stopping`);
    tearDown()
      .catch((error: unknown) => {
        progress(`could not drop the bench database: ${String(error)}`);
      })
      .finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const options = readOptions();
  const only = readOnly();
  const machine = describeMachine();
  const settings = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  const onCleanup = (close: () => Promise<void>): void => {
    closers.push(close);
  };
  if (only === 'embedded') {
    progress('Embedded database (PGlite): page, baseline and start-up');
    const embedded = await measureEmbedded(settings, progress, onCleanup);
    console.log(
      [
        '',
        `Loopbaanportaal benchmark, embedded database only (BENCH_ONLY=embedded), ${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
        `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}`,
        `Load average at start: ${machine.loadAverage.map((n) => n.toFixed(2)).join(' / ')} (1/5/15 min)`,
        `HTTP: ${options.connections} connections, ${options.durationSeconds} s per run after ${options.warmupSeconds} s of warm-up, autocannon in a worker thread`,
      ].join('\n'),
    );
    console.log(embeddedSummary(embedded, 1));
    console.log(`\nTotal run time: ${seconds(performance.now() - started)}`);
    return;
  }

  const postgres = await withClient(options.adminUrl, async (client) => (await client.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]?.v ?? '?');
  database = await createBenchDatabase(options.adminUrl);
  progress(`Database ${database.name}: migrations and ${int(CLIENTS)} clients with ${int(STEPS)} steps`);
  const migrationMs = await migrate(database.url);
  const data = await generate(database.url, systemClock.today(), progress);
  progress(`  generated in ${seconds(data.totalMs)}`);

  if (only === 'uploads') {
    progress(`Documents: ${UPLOADS} concurrent uploads of ${int(UPLOAD_BYTES)} bytes`);
    const uploads = await measureUploads(database.url, data.benchClientId, options.poolSize, progress, onCleanup);
    console.log(
      [
        '',
        `Loopbaanportaal benchmark, documents only (BENCH_ONLY=uploads), ${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
        `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}, PostgreSQL ${postgres} on the same machine`,
        `Load average at start: ${machine.loadAverage.map((n) => n.toFixed(2)).join(' / ')} (1/5/15 min)`,
      ].join('\n'),
    );
    console.log(uploadsSummary(uploads, 1));
    console.log(`\nTotal run time: ${seconds(performance.now() - started)} (the database is dropped next)`);
    return;
  }
  const pages: { run: PageRun; target: PageTarget }[] = [];
  for (const { page, target } of benchPages(data.benchClientId)) {
    progress(`${page.title}: log in, check, ${options.warmupSeconds} s warm-up, ${options.durationSeconds} s at ${options.connections} connections`);
    pages.push({ run: await measurePage(database.url, page, options.poolSize, settings, onCleanup), target });
    await tearDownClosers();
  }
  progress(`Baseline: ${options.warmupSeconds} s warm-up, ${options.durationSeconds} s at ${options.connections} connections`);
  const baseline = await measureBaseline(database.url, data.benchClientId, options.poolSize, settings, onCleanup);
  await tearDownClosers();
  progress(`Sweep over ${int(STEPS)} lines, ${int(DUE)} due: twice`);
  const sweep = await measureSweep(database.url, data.cutoff);
  // Printed before the documents part, so that a failing upload run does not hide the figures.
  console.log(summary({ options, machine, postgres, startedAt, database: database.name, migrationMs, data, pages, baseline, sweep }));
  progress('Embedded database (PGlite): page, baseline and start-up');
  console.log(embeddedSummary(await measureEmbedded(settings, progress, onCleanup), 4));
  await tearDownClosers();
  progress(`Documents: ${UPLOADS} concurrent uploads of ${int(UPLOAD_BYTES)} bytes`);
  const uploads = await measureUploads(database.url, data.benchClientId, options.poolSize, progress, onCleanup);
  console.log(uploadsSummary(uploads, 5));
  console.log(`\nTotal run time: ${seconds(performance.now() - started)} (the database is dropped next)`);
}

/** BENCH_ONLY: empty for everything, `uploads` for the documents part alone, `embedded` for PGlite alone. */
function readOnly(): '' | 'uploads' | 'embedded' {
  const only = process.env['BENCH_ONLY']?.trim() ?? '';
  if (only !== '' && only !== 'uploads' && only !== 'embedded') throw new Error(`BENCH_ONLY must be empty, "uploads" or "embedded", got "${only}"`);
  return only;
}

async function tearDownClosers(): Promise<void> {
  for (const close of closers.splice(0).reverse()) await close();
}

type Summary = Readonly<{
  options: BenchOptions;
  machine: Machine;
  postgres: string;
  startedAt: Date;
  database: string;
  migrationMs: number;
  data: Generated;
  pages: readonly { run: PageRun; target: PageTarget }[];
  baseline: LoadRun;
  sweep: SweepMeasurement;
}>;

/** Server-side CPU a request costs: the application's main thread and PostgreSQL (when measurable). */
function cpuPerRequest(run: LoadRun): number {
  return run.serverCpuMsPerRequest + (Number.isNaN(run.postgresCpuMsPerRequest) ? 0 : run.postgresCpuMsPerRequest);
}

function summary(s: Summary): string {
  const { options, machine, data, pages, baseline, sweep } = s;
  const out: string[] = [];
  const load = machine.loadAverage.map((n) => n.toFixed(2)).join(' / ');
  out.push(
    '',
    `Loopbaanportaal benchmark, ${s.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC (today in Brussels: ${data.today})`,
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}, PostgreSQL ${s.postgres} on the same machine`,
    `Load average at start: ${load} (1/5/15 min); other processes may share the CPUs, see "machine CPU busy"`,
  );

  out.push('', `1. Data, set-based SQL in database ${s.database}`, '');
  out.push(
    table(
      ['Phase', 'Time'],
      [['migrations', seconds(s.migrationMs)], ...data.timings.map((t) => [t.phase, seconds(t.ms)]), ['generation in all (without migrations)', seconds(data.totalMs)]],
    ),
  );
  const c = data.counts;
  out.push(
    '',
    `Rows: ${int(c.clients)} clients, ${int(c.attests)} attests, ${int(c.steps)} steps; ${int(c.due)} Bezig Outplacement lines due ` +
      `(end date <= ${data.cutoff}), ${int(c.notDueRunning)} Bezig and not due; the bench client has ${c.benchClientSteps} steps.`,
  );

  out.push(
    '',
    `2. HTTP: ${options.connections} connections, ${options.durationSeconds} s per run after ${options.warmupSeconds} s of warm-up, pool of ${options.poolSize}, autocannon in a worker thread`,
    '',
  );
  const httpRow = (run: LoadRun): string[] => [
    run.title,
    int(run.requestsPerSecond),
    ms(run.p50, 0),
    ms(run.p99, 0),
    ms(run.max, 0),
    int(run.non2xx),
    int(run.errors + run.timeouts),
    percent(run.serverBusy),
    ms(run.serverCpuMsPerRequest, 2),
    Number.isNaN(run.postgresCpuMsPerRequest) ? 'n/a' : ms(run.postgresCpuMsPerRequest, 2),
    percent(run.machineBusy),
    run.loadAverage.toFixed(2),
  ];
  out.push(
    table(
      ['Run', 'req/s', 'p50', 'p99', 'max', 'non-2xx', 'errors', 'server thread busy', 'server CPU/req', 'PostgreSQL CPU/req', 'machine CPU busy', 'load avg'],
      [...pages.map((p) => httpRow(p.run.load)), httpRow(baseline)],
    ),
  );
  out.push('');
  for (const { run: page } of pages) {
    const check = page.check;
    out.push(
      `${page.page.title}: HTTP ${check.status}, "${page.page.heading}" ${check.hasHeading ? 'present' : 'MISSING'}, ${check.listedRows} table rows, ${int(check.bytes)} bytes.`,
      `  per view: ${page.work.statementsPerRequest.toFixed(1)} statements sent, ${page.work.explicitCommitsPerRequest.toFixed(1)} COMMITs sent, ` +
        `${page.work.commitsPerRequest.toFixed(1)} commits counted by PostgreSQL (autocommitted statements included), ${page.work.rowsWrittenPerRequest.toFixed(1)} rows written ` +
        `(${page.work.auditRowsPerRequest.toFixed(1)} audit rows), over ${int(page.work.views)} requests the server received.`,
      `  CPU per request, Node main thread + PostgreSQL: ${ms(cpuPerRequest(page.load), 2)} against ${ms(cpuPerRequest(baseline), 2)} for the baseline; ` +
        `baseline/page ${percent(cpuPerRequest(baseline) / cpuPerRequest(page.load))} (the throughput share if CPU were the only limit); ` +
        `at most ${int(1000 / page.load.serverCpuMsPerRequest)} pages/s on one main thread (baseline ${int(1000 / baseline.serverCpuMsPerRequest)}/s).`,
    );
  }
  out.push('');
  out.push(
    table(
      ['Target', 'Measured', 'Target', 'Verdict'],
      pages.flatMap(({ run: page, target }) => {
        const share = page.load.requestsPerSecond / baseline.requestsPerSecond;
        return [
          [`${page.page.title}: throughput / baseline`, percent(share), `>= ${percent(target.shareOfBaseline)}`, verdict(share >= target.shareOfBaseline)],
          [`${page.page.title}: p99 latency`, ms(page.load.p99, 0), `< ${ms(target.p99Ms, 0)}`, verdict(page.load.p99 < target.p99Ms)],
          [`${page.page.title}: non-2xx responses`, int(page.load.non2xx), '0', verdict(page.load.non2xx === 0 && page.load.errors === 0)],
        ];
      }),
    ),
  );

  out.push('', `3. Sweep J1 over ${int(sweep.linesInTable)} lines, ${int(sweep.dueBefore)} due`, '');
  const sweepRow = (name: string, run: SweepMeasurement['first']): string[] => [
    name,
    seconds(run.ms),
    Number.isNaN(run.postgresCpuMs) ? 'n/a' : seconds(run.postgresCpuMs),
    int(run.result.completed),
    int(run.result.windowsClosed),
    int(run.auditRows),
  ];
  out.push(table(['Run', 'Time', 'PostgreSQL CPU', 'Completed', 'Windows closed', 'Audit rows added'], [sweepRow('first', sweep.first), sweepRow('second', sweep.second)]));
  out.push('', table(['Target', 'Measured', 'Target', 'Verdict'], [['first sweep', seconds(sweep.first.ms), `< ${seconds(TARGETS.sweepMs)}`, verdict(sweep.first.ms < TARGETS.sweepMs)]]));
  return out.join('\n');
}

try {
  await main();
} catch (error) {
  // After a signal the handler is tearing down; what fails meanwhile is a consequence, not news.
  if (!run.interrupted) progress(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  if (!run.interrupted) {
    await tearDown().catch((error: unknown) => {
      progress(`could not drop the bench database: ${String(error)}`);
      process.exitCode = 1;
    });
  }
}
