/**
 * Builds the real application on a fresh database, as `main.ts` does, with a settable clock
 * and, where a test needs it, a few services replaced.
 */
import { after, before, describe } from 'node:test';
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { buildApp } from '../../src/http/app.ts';
import { settableClock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import type { MailTransport } from '../../src/mail/mail-transport.ts';
import type { BlobStore } from '../../src/storage/blob-store.ts';
import { temporaryBlobStore } from './blob-store.ts';
import { TEST_NOW } from './clock.ts';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from './databases.ts';

export type TestClock = ReturnType<typeof settableClock>;

export type TestApp = Readonly<{
  kind: DatabaseKind;
  app: FastifyInstance;
  services: Services;
  db: Database;
  clock: TestClock;
  config: Config;
  /** The folder of this app's blob store (document files), removed at close. */
  blobDir: string;
  /** Where the database is (its URL on PostgreSQL, for a script run as another process). */
  target: TestDatabase['target'];
}>;

export { TEST_NOW } from './clock.ts';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', ...overrides });
}

export type StartOptions = Readonly<{
  overrides?: (services: Services) => Partial<Services>;
  now?: Date;
  /** Environment values on top of the test configuration, e.g. `{ TRUST_PROXY: 'true' }`. */
  config?: Record<string, string>;
  /** Where the app's JSON log lines go; without it the app logs nothing. */
  logStream?: Writable;
  /** How the app's mail leaves, e.g. over SMTP to the in-process server of test/support/smtp.ts. */
  mail?: MailTransport;
  /** Another blob store than a fresh folder (e.g. S3, test/support/s3.ts), given the app's clock. */
  storage?: (clock: TestClock) => BlobStore;
  /** Called with every statement the app's database connection sends (the statement budget test). */
  onStatement?: (sql: string) => void;
}>;

export async function startTestApp(kind: DatabaseKind, options: StartOptions = {}): Promise<TestApp & { close: () => Promise<void> }> {
  const database: TestDatabase = await createTestDatabase(kind, options.onStatement === undefined ? {} : { onStatement: options.onStatement });
  const clock = settableClock(options.now ?? TEST_NOW);
  const blobs = temporaryBlobStore(clock);
  const config = testConfig(options.config);
  const storage = options.storage?.(clock) ?? blobs.storage;
  const real = createServices(database.db, createRepositories(), clock, storage, {
    mail: options.mail,
    publicUrl: config.publicUrl,
    secondFactor: { encryptionKey: config.mfaEncryptionKey, required: config.mfaRequired },
    webhooks: { secretKey: config.webhookSecretKey, allowLocal: config.webhookAllowLocal },
    uploadQuota: config.uploadQuota,
  });
  const services = { ...real, ...(options.overrides?.(real) ?? {}) };
  const app = await buildApp(services, config, options.logStream === undefined ? { logger: false } : { logStream: options.logStream });
  return {
    kind,
    app,
    services,
    db: database.db,
    clock,
    config,
    blobDir: blobs.dir,
    target: database.target,
    close: async () => {
      await app.close();
      await database.drop();
      blobs.remove();
    },
  };
}

/**
 * Runs a suite once per database kind, each run with its own fresh application and database.
 * `setup` runs once per run, after the app started (seed the suite's data there).
 */
export function describeOnEachDatabase<T>(
  title: string,
  setup: (t: TestApp) => Promise<T>,
  suite: (get: () => TestApp & { data: T }) => void,
  options: Pick<StartOptions, 'config' | 'logStream' | 'mail' | 'onStatement'> = {},
): void {
  for (const kind of databaseKinds()) {
    describe(`${title} [${kind}]`, () => {
      let current: (TestApp & { data: T; close: () => Promise<void> }) | undefined;
      before(async () => {
        const started = await startTestApp(kind, options);
        current = { ...started, data: await setup(started) };
      });
      after(async () => {
        await current?.close();
      });
      suite(() => {
        if (current === undefined) throw new Error('suite used before its set-up ran');
        return current;
      });
    });
  }
}
