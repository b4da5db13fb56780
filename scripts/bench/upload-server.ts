/**
 * The application alone in its own process, for the uploads measurement (uploads.ts): composed
 * as src/main.ts does (database with a pool, repositories, the filesystem blob store, services,
 * buildApp), without migrations, demo data or timers, so that its resident memory is the
 * server's and nothing else's. Listens on a random port of 127.0.0.1 and prints one line of
 * JSON, `{"port":N}`, on stdout. Stops on SIGTERM/SIGINT, and when its stdin closes (the parent
 * is gone).
 *
 * Settings from the environment: BENCH_UPLOAD_DATABASE_URL, BENCH_UPLOAD_BLOB_ROOT,
 * BENCH_UPLOAD_POOL_SIZE.
 */
import { loadConfig } from '../../src/config.ts';
import { createDatabase } from '../../src/db/database.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { createShutdown } from '../../src/shutdown.ts';
import { createFilesystemBlobStore } from '../../src/storage/filesystem-blob-store.ts';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

const url = required('BENCH_UPLOAD_DATABASE_URL');
const blobRoot = required('BENCH_UPLOAD_BLOB_ROOT');
const poolSize = Number(process.env['BENCH_UPLOAD_POOL_SIZE'] ?? '20');

const db = createDatabase({ kind: 'postgres', url, poolSize });
const services = createServices(db, createRepositories(), systemClock, createFilesystemBlobStore(blobRoot));
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', DATABASE_URL: url });
const app = await buildApp(services, config);

const shutdown = createShutdown({
  app,
  db,
  graceMs: 5_000,
  onError: (error) => process.stderr.write(`upload server: shutdown failed: ${String(error)}\n`),
});
process.once('SIGTERM', () => {
  shutdown('SIGTERM');
});
process.once('SIGINT', () => {
  shutdown('SIGINT');
});
process.stdin.on('close', () => {
  shutdown('stdin closed');
});
process.stdin.on('end', () => {
  shutdown('stdin ended');
});
process.stdin.resume();

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
