/**
 * What the migrations share: the database type they are written against, the table with a uuid
 * the database draws, and the append-only guard. Migrations 0001–0013 moved onto these helpers
 * later (issue 11) without changing what they do: the same statements, but for the quoting of the
 * four trigger names, and the same schema (compared with pg_dump). Like a migration, this module
 * depends on no application type, and what it builds must never change: it is part of migrations
 * that landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on application types
export type AnyDb = Kysely<any>;

/** `create table` with `id uuid primary key default gen_random_uuid()` as its first column. */
export const createTableWithUuid = (db: AnyDb, table: string) =>
  db.schema.createTable(table).addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`));

/** The row trigger `trigger` that refuses every update and delete on `table` through `guard()`. */
export async function refuseUpdateDelete(db: AnyDb, trigger: string, table: string, guard: string): Promise<void> {
  await sql`
    create trigger ${sql.id(trigger)} before update or delete on ${sql.id(table)}
    for each row execute function ${sql.id(guard)}()`.execute(db);
}

/** The statement trigger `trigger` that refuses a truncate of `table` through `guard()`. */
export async function refuseTruncate(db: AnyDb, trigger: string, table: string, guard: string): Promise<void> {
  await sql`
    create trigger ${sql.id(trigger)} before truncate on ${sql.id(table)}
    for each statement execute function ${sql.id(guard)}()`.execute(db);
}
