/**
 * Starts the portal: configuration, database and migrations, demo data (not in production),
 * the web application, and a graceful shutdown on SIGTERM/SIGINT.
 */
import path from 'node:path';
import { BlobStoreUnavailableError } from './storage/blob-store.ts';
import { createBlobStore } from './storage/create-blob-store.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDatabase, describeTarget, type DatabaseTarget } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DataDirInUseError, lockDataDir } from './db/embedded-lock.ts';
import { createRepositories } from './db/repositories/index.ts';
import { buildApp } from './http/app.ts';
import { systemClock } from './services/clock.ts';
import { createServices } from './services/index.ts';
import { createShutdown } from './shutdown.ts';
import { createFileTransport, createSmtpTransport } from './mail/mail-transport.ts';

/** How often the job runner looks for due jobs (each job has its own interval). */
const JOB_TICK_MS = 5_000;
/** An upload still in its temporary file after this long belongs to a process that stopped. */
const STALE_UPLOAD_MS = 60 * 60_000;

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  // Document blobs in the bucket of S3_BUCKET or under DATA_DIR/blobs; checked (reachable, writable) before anything else.
  const storage = await createBlobStore(config, systemClock);
  await storage.probe();
  const target: DatabaseTarget = config.databaseUrl !== undefined ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
  if (target.kind === 'pglite' && target.dataDir !== undefined) {
    // One process per embedded database: a second one is refused here, before it opens the folder.
    const lock = lockDataDir(target.dataDir);
    process.on('exit', () => {
      lock.release();
    });
  }
  const db = createDatabase(target);
  await migrateToLatest(db);

  // Uploads cut off by a stop of a process leave temporary files (or objects).
  await storage.removeStaleTemporaryFiles(STALE_UPLOAD_MS);
  const mail = config.smtpUrl !== undefined ? createSmtpTransport(config.smtpUrl, config.mailFrom) : createFileTransport(path.join(config.dataDir, 'mail'), config.mailFrom);
  const services = createServices(db, createRepositories(), systemClock, storage, {
    mail,
    publicUrl: config.publicUrl,
    secondFactor: { encryptionKey: config.mfaEncryptionKey, required: config.mfaRequired },
    webhooks: { secretKey: config.webhookSecretKey, allowLocal: config.webhookAllowLocal },
    orphanGraceHours: config.orphanGraceHours,
    uploadQuota: config.uploadQuota,
  });
  if (config.seedDemoData && (await services.demo.seedIfEmpty())) {
    console.log('Demogegevens geladen: zie README.md voor de accounts.');
  }

  const app = await buildApp(services, config);
  // The sweep (J1), session clean-up and the outbox: at start-up and then when due, once across instances.
  const jobs = services.jobRunner(app.log);
  jobs.start(JOB_TICK_MS);
  app.log.info({ mail: services.outbox.transport, jobs: jobs.names }, 'periodic jobs started');

  const shutdown = createShutdown({
    app,
    db,
    stopFirst: () => jobs.stop(),
    // Requests in flight (uploads too) may finish within the deadline; past it the exit code is 1.
    graceMs: config.shutdownDeadlineSeconds * 1000,
    onStart: (signal) => {
      // Not ready at once (/health/ready answers 503): the load balancer sends nothing new.
      services.health.startDraining();
      app.log.info({ signal, instance: config.instanceId }, 'shutting down');
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
    { database: describeTarget(target), storage: storage.description, instance: config.instanceId, startupMs: Math.round(performance.now() - started) },
    `Loopbaanportaal luistert op http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${app.server.address() !== null && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.port}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuratiefout: ${error.message}`);
  } else if (error instanceof DataDirInUseError || error instanceof BlobStoreUnavailableError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
