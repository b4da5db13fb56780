/**
 * Starts the portal: configuration, database and migrations, demo data (not in production),
 * the web application, and a graceful shutdown on SIGTERM/SIGINT.
 */
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { createDatabase, describeTarget, type DatabaseTarget } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createRepositories } from './db/repositories/index.ts';
import { buildApp } from './http/app.ts';
import { systemClock } from './services/clock.ts';
import { createServices } from './services/index.ts';
import { createShutdown } from './shutdown.ts';
import { createFilesystemBlobStore } from './storage/filesystem-blob-store.ts';

const SESSION_CLEANUP_MS = 15 * 60_000;
/** J1: the sweep runs at start-up and every hour. */
const SWEEP_INTERVAL_MS = 60 * 60_000;
/** An upload still in its temporary file after this long belongs to a process that stopped. */
const STALE_UPLOAD_MS = 60 * 60_000;

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const target: DatabaseTarget = config.databaseUrl !== undefined ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
  const db = createDatabase(target);
  await migrateToLatest(db);

  // Document blobs under DATA_DIR/blobs; uploads cut off by a stop of the process leave temporary files.
  const storage = createFilesystemBlobStore(path.join(config.dataDir, 'blobs'));
  await storage.removeStaleTemporaryFiles(STALE_UPLOAD_MS);
  const services = createServices(db, createRepositories(), systemClock, storage);
  if (config.seedDemoData && (await services.demo.seedIfEmpty())) {
    console.log('Demogegevens geladen: zie README.md voor de accounts.');
  }

  const app = await buildApp(services, config);
  const cleanup = setInterval(() => {
    services.sessions.removeExpired().catch((error: unknown) => {
      app.log.error({ err: error }, 'session cleanup failed');
    });
  }, SESSION_CLEANUP_MS);
  cleanup.unref();

  const sweep = (): void => {
    services.sweep
      .run()
      .then((result) => {
        app.log.info({ sweep: result }, 'sweep finished');
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'sweep failed');
      });
  };
  sweep();
  const sweeper = setInterval(sweep, SWEEP_INTERVAL_MS);
  sweeper.unref();

  const shutdown = createShutdown({
    app,
    db,
    timers: [cleanup, sweeper],
    graceMs: 10_000,
    onStart: (signal) => {
      app.log.info({ signal }, 'shutting down');
    },
    onError: (error) => {
      app.log.error({ err: error }, 'shutdown failed');
    },
  });
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: describeTarget(target), startupMs: Math.round(performance.now() - started) },
    `Loopbaanportaal luistert op http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${app.server.address() !== null && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.port}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuratiefout: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
