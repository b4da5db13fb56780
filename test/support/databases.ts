/**
 * Each integration suite gets a fresh database of its own: an in-memory PGlite always, and a
 * new PostgreSQL database when TEST_DATABASE_URL is set (CI sets it). Nothing is shared: each
 * starts as a copy of one migrated database (migrated-templates.ts), or is migrated step by step
 * when a test stops before the last migration.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database, type DatabaseOptions, type DatabaseTarget } from '../../src/db/database.ts';
import { migrateTo } from '../../src/db/migrate.ts';
import { compiledPgliteWasm, migratedPgliteDump, migratedPostgresTemplate } from './migrated-templates.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export function databaseKinds(): DatabaseKind[] {
  return process.env['TEST_DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];
}

export type TestDatabase = Readonly<{ db: Database; target: DatabaseTarget; drop: () => Promise<void> }>;

/** A new, migrated, empty database of the given kind; `upTo` stops after that migration (to test the next one). */
export async function createTestDatabase(kind: DatabaseKind, options: { upTo?: string; onStatement?: DatabaseOptions['onStatement'] } = {}): Promise<TestDatabase> {
  const databaseOptions: DatabaseOptions = options.onStatement === undefined ? {} : { onStatement: options.onStatement };
  const upTo = options.upTo;
  if (kind === 'pglite') {
    const wasmModule = await compiledPgliteWasm();
    const target: DatabaseTarget =
      upTo === undefined
        ? { kind: 'pglite', dataDir: undefined, loadDataDir: await migratedPgliteDump(), wasmModule }
        : { kind: 'pglite', dataDir: undefined, wasmModule };
    const db = createDatabase(target, databaseOptions);
    if (upTo !== undefined) await migrateTo(db, upTo);
    return { db, target, drop: () => db.destroy() };
  }
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (adminUrl === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const name = `lbp_test_${randomBytes(6).toString('hex')}`;
  const template = upTo === undefined ? ` template ${await migratedPostgresTemplate(adminUrl)}` : '';
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}${template}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: 'postgres', url: url.toString(), poolSize: 5 };
  const db = createDatabase(target, databaseOptions);
  if (upTo !== undefined) await migrateTo(db, upTo);
  return {
    db,
    target,
    drop: async () => {
      await db.destroy();
      // The pool may still be closing its connections: wait for them, so that dropping the
      // database does not kill a connection whose error would surface in the test run.
      await withAdmin(adminUrl, async (client) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if ((rows[0]?.n ?? 0) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await client.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
