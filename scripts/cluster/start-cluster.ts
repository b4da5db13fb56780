/**
 * Issue 14 item 7: three instances of the portal on one PostgreSQL database and one
 * S3-compatible server (s3rver, in this process), behind nginx on one port. Used by
 * `npm run cluster` (scripts/cluster.ts) and by the cluster test.
 *
 * The three start at once. Migrating at once is safe: Kysely's migrator holds a PostgreSQL
 * advisory lock, so one instance migrates and the others find the schema up to date. Only
 * instance a seeds the demo data (two seeds at once could both find the database empty); the
 * cluster counts as started when all three listen, and a listens only after its seed. Each instance runs `node src/main.ts` in its own process group, with its own
 * PORT, INSTANCE_ID and DATA_DIR (its mail, and its log in `portaal.log`), and the same secrets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startNginx } from './nginx.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEFAULT_CLUSTER_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/loopbaanportaal_cluster';
export const CLUSTER_BUCKET = 'documenten';
/** The access key s3rver accepts (its documented default). */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

type S3rverInstance = { run(): Promise<{ port: number }>; close(): Promise<void>; httpServer?: Server };
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export type ClusterOptions = Readonly<{
  /** PostgreSQL database of the instances; created when missing. */
  databaseUrl?: string;
  /** nginx's port on 127.0.0.1 (0: a free one). */
  port?: number;
  /** Where the S3 objects, nginx's files and the instances' mail go; a temporary folder (removed at stop) when absent. */
  directory?: string;
  /** More environment for every instance (e.g. SHUTDOWN_DEADLINE_SECONDS). */
  env?: Readonly<Record<string, string>>;
  /** Progress lines (the script prints them). */
  log?: (line: string) => void;
}>;

export type ClusterInstance = Readonly<{ id: string; port: number; child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }>;

export type Cluster = Readonly<{
  url: string;
  port: number;
  databaseUrl: string;
  s3: Readonly<{ endpoint: string; bucket: string; directory: string }>;
  instances: readonly ClusterInstance[];
  /** The environment the instances share (database, bucket, secrets): also for `npm run storage:verify`. */
  sharedEnv: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}>;

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? (() => undefined);
  const databaseUrl = options.databaseUrl ?? DEFAULT_CLUSTER_DATABASE_URL;
  const owned = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(path.join(tmpdir(), 'lbp-cluster-'));
  const instances: ClusterInstance[] = [];
  let nginx: ChildProcess | undefined;
  let s3: S3rverInstance | undefined;

  const stop = async (): Promise<void> => {
    await Promise.all(instances.map((instance) => stopProcess(instance.child, instance.exited, 'SIGTERM')));
    if (nginx !== undefined) await stopProcess(nginx, exitOf(nginx), 'SIGQUIT');
    if (s3 !== undefined) {
      s3.httpServer?.closeAllConnections();
      await s3.close();
    }
    if (owned) rmSync(directory, { recursive: true, force: true });
  };

  try {
    await ensureDatabase(databaseUrl);
    log(`Database: ${redact(databaseUrl)}`);
    const s3Directory = path.join(directory, 's3');
    mkdirSync(s3Directory, { recursive: true });
    keepPrefixFolders(s3Directory);
    const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Directory, configureBuckets: [{ name: CLUSTER_BUCKET }] });
    const s3Endpoint = `http://127.0.0.1:${String((await s3.run()).port)}`;
    log(`S3 (s3rver): ${s3Endpoint}, bucket ${CLUSTER_BUCKET}, bestanden in ${s3Directory}`);

    const port = options.port === undefined || options.port === 0 ? await freePort() : options.port;
    const sharedEnv: Record<string, string> = {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      S3_BUCKET: CLUSTER_BUCKET,
      S3_ENDPOINT: s3Endpoint,
      S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      SESSION_SECRET: randomBytes(36).toString('base64'),
      MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      WEBHOOK_SECRET_KEY: randomBytes(36).toString('base64'),
      TRUST_PROXY: 'true',
      PUBLIC_URL: `http://localhost:${String(port)}`,
      LOG_LEVEL: 'info',
      // Three processes compile the same modules: Node's on-disk cache spares the second and later starts part of it.
      NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? path.join(tmpdir(), 'lbp-node-compile-cache'),
      ...options.env,
    };
    const start = (id: string, seed: boolean): Promise<ClusterInstance> => {
      const dataDir = path.join(directory, `instance-${id}`);
      mkdirSync(dataDir, { recursive: true });
      const instance = spawnInstance(`portaal-${id}`, path.join(dataDir, 'portaal.log'), { ...sharedEnv, PORT: '0', INSTANCE_ID: `portaal-${id}`, DATA_DIR: dataDir, SEED_DEMO_DATA: String(seed) });
      instances.push(instance.started);
      return instance.listening.then((listeningPort) => {
        log(`Instantie portaal-${id}: http://127.0.0.1:${String(listeningPort)}`);
        return { ...instance.started, port: listeningPort };
      });
    };
    const running = await Promise.all([start('a', true), start('b', false), start('c', false)]);
    instances.splice(0, instances.length, ...running);

    nginx = startNginx(path.join(directory, 'nginx'), port, running.map((instance) => instance.port));
    const url = `http://127.0.0.1:${String(port)}`;
    await waitForNginx(nginx, url);
    log(`nginx: ${url} (round robin over ${running.map((i) => i.id).join(', ')})`);
    return { url, port, databaseUrl, s3: { endpoint: s3Endpoint, bucket: CLUSTER_BUCKET, directory: s3Directory }, instances: running, sharedEnv, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function spawnInstance(id: string, logFile: string, env: Record<string, string>): { started: ClusterInstance; listening: Promise<number> } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv['NODE_TEST_CONTEXT'];
  const child = spawn(process.execPath, ['src/main.ts'], { cwd: ROOT, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const file = createWriteStream(logFile, { flags: 'a' });
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    file.write(chunk);
  };
  child.once('exit', () => file.end());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = exitOf(child);
  const listening = (async (): Promise<number> => {
    const deadline = performance.now() + START_TIMEOUT_MS;
    while (performance.now() < deadline) {
      const port = /luistert op http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
      if (port !== undefined) return Number(port);
      if (child.exitCode !== null || child.signalCode !== null) break;
      await sleep(100);
    }
    throw new Error(`${id} startte niet:\n${output}`);
  })();
  return { started: { id, port: 0, child, output: () => output, exited }, listening };
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
}

/** Asks a child to stop; after STOP_TIMEOUT_MS its whole process group is killed. */
async function stopProcess(child: ChildProcess, exited: Promise<unknown>, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill(signal);
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function waitForNginx(nginx: ChildProcess, url: string): Promise<void> {
  let errors = '';
  nginx.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const deadline = performance.now() + 15_000;
  while (performance.now() < deadline) {
    if (nginx.exitCode !== null) break;
    const ok = await fetch(`${url}/health/live`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`nginx startte niet:\n${errors}`);
}

/** Creates the database when it is missing (connecting to the server's `postgres` database). */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Databasenaam "${name}": enkel kleine letters, cijfers en _.`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address !== null && typeof address === 'object' ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

/**
 * s3rver keeps each key prefix as a folder and removes a folder that a delete leaves empty; a put
 * into the same prefix at that moment (the orphan job's clock probe, an upload's temporary part)
 * then fails to open its file, and s3rver throws that error outside any request. A file that is
 * not an object (s3rver lists only its own suffix) keeps the two prefixes the store writes under.
 */
function keepPrefixFolders(s3Directory: string): void {
  for (const prefix of ['tmp', 'blobs']) {
    const folder = path.join(s3Directory, CLUSTER_BUCKET, prefix);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, '.keep'), '');
  }
}
