/**
 * O8 amended (issue 15 defect 5): an adviseur may stop an Outplacement line on a later day. The
 * line stays Bezig with `planned_stop_date`; the sweep (J1) sets Stopgezet on that day. A line
 * that leaves Bezig holds no planned stop. Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import { type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('steps')
    .addColumn('planned_stop_date', 'date')
    .execute();
  await sql`alter table steps add constraint steps_planned_stop_while_bezig check (planned_stop_date is null or state = 'bezig')`.execute(db);
  // J1: the sweep finds the planned stops that are due through this partial index.
  await sql`create index steps_planned_stop_idx on steps (planned_stop_date) where state = 'bezig' and planned_stop_date is not null`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
