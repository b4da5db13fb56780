/**
 * Issue 16: one counter for the reference data that every process caches (step types and the
 * organisations' allowances, offices, funding numbers, organisation names). Every change to
 * that data raises the counter in the same transaction; a process reads it with each session
 * and drops what it cached when it rose. Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import type { AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('reference_versions')
    .addColumn('id', 'smallint', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`alter table reference_versions add constraint reference_versions_one_row check (id = 1)`.execute(db);
  await sql`insert into reference_versions (id, version) values (1, 1)`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
