/**
 * Rate limits shared by every instance (issue 14 item 3): one row per limited key (e.g.
 * `ip:203.0.113.9`) with the hits of its current window and the instant that window ends. The
 * table is UNLOGGED: a crash empties it, which only resets counters that last minutes, and it
 * spares the write-ahead log one write per login attempt. Expired rows are removed by the
 * periodic job `rate-limit-cleanup`. Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import type { AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await sql`
    create unlogged table rate_limits (
      key text primary key,
      hits integer not null check (hits > 0),
      reset_at timestamptz not null
    )`.execute(db);
  await sql`create index rate_limits_reset_idx on rate_limits (reset_at)`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
