/**
 * Migrating a new database for every suite costs seconds (PGlite's initdb alone takes most of
 * them), so suites start from a copy of one migrated database instead:
 * - PGlite: a dump of a migrated data folder (`dumpDataDir`), kept in node_modules/.cache and
 *   loaded with `loadDataDir`; the dump is an uncompressed tar (43 MB) because unpacking a gzip
 *   cost every suite 0.45 s of CPU, and PGlite's wasm is compiled once per process
 *   (`compiledPgliteWasm`), which saves another 0.4 s per database opened;
 * - PostgreSQL: a template database, copied by `create database … template …`.
 * Both are named after a hash of the migrations, so a changed or new migration builds a new one;
 * the first suite that needs it builds it, the others wait for it (a file rename, an advisory lock).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema/index.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A hash of everything that shapes the migrated schema. */
const schemaKey: string = (() => {
  const hash = createHash('sha256');
  const folder = join(root, 'src/db/migrations');
  for (const file of readdirSync(folder).sort()) hash.update(file).update(readFileSync(join(folder, file)));
  hash.update(readFileSync(join(root, 'src/db/migrate.ts')));
  hash.update(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json')));
  return hash.digest('hex').slice(0, 16);
})();

let pgliteDump: Promise<Blob> | undefined;
let pgliteWasm: Promise<WebAssembly.Module> | undefined;

/** PGlite's pglite.wasm compiled once for this process (PGlite compiles it again for every database it opens). */
export function compiledPgliteWasm(): Promise<WebAssembly.Module> {
  const file = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'pglite.wasm');
  pgliteWasm ??= WebAssembly.compile(readFileSync(file));
  return pgliteWasm;
}

/** The migrated PGlite data folder as a dump, built once per schema and kept between runs. */
export function migratedPgliteDump(): Promise<Blob> {
  pgliteDump ??= loadOrBuildDump();
  return pgliteDump;
}

async function loadOrBuildDump(): Promise<Blob> {
  const folder = join(root, 'node_modules/.cache/loopbaanportaal');
  const file = join(folder, `pglite-${schemaKey}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const pglite = new PGlite({ pgliteWasmModule: await compiledPgliteWasm() });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  await db.destroy();
  mkdirSync(folder, { recursive: true });
  // Written aside and renamed: a suite reading it never sees half a file.
  const partial = `${file}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

/** The name of the migrated PostgreSQL template database on the server of `adminUrl`, built on first use. */
export async function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  const template = `lbp_template_${schemaKey}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (await databaseExists(admin, template)) return template;
    // One builder at a time; whoever gets the lock second finds the template there.
    await admin.query('select pg_advisory_lock(hashtext($1))', ['lbp_template']);
    try {
      if (await databaseExists(admin, template)) return template;
      const building = `lbp_build_${randomBytes(6).toString('hex')}`;
      await admin.query(`create database ${building}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const db = createDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
      await migrateToLatest(db);
      await db.destroy();
      await admin.query(`alter database ${building} rename to ${template}`);
      // Templates of older schemas are of no use any more.
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'lbp_template_%' and datname <> $1",
        [template],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      return template;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', ['lbp_template']);
    }
  } finally {
    await admin.end();
  }
}

async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  return rows.length > 0;
}
