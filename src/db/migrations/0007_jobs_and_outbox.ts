/**
 * The shared pieces of periodic and outgoing work.
 * - `job_schedule`: one row per periodic job with the instant it is next due. An instance runs a
 *   job only after it moved `next_run_at` forward in one UPDATE, so that of several instances on
 *   one PostgreSQL exactly one runs each due job.
 * - `outbox`: messages (e-mail now, webhooks later) written in the transaction of the change that
 *   causes them and delivered after it committed, by a worker that leases rows, retries with
 *   back-off and marks them sent. A rolled-back change leaves no message behind.
 * Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import { type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('job_schedule')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_started_at', 'timestamptz')
    .addColumn('last_finished_at', 'timestamptz')
    .addColumn('last_outcome', 'text', (c) => c.check(sql`last_outcome in ('geslaagd', 'mislukt')`))
    .addColumn('last_error', 'text')
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('mail', 'webhook')`))
    /** What the message is about, without personal data (e.g. `uitnodiging`): kept after delivery. */
    .addColumn('topic', 'text', (c) => c.notNull())
    /** The message itself; emptied once delivered or given up, so that no link or text lingers. */
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    /** Not before this instant: the next attempt, or the end of a running attempt's lease. */
    .addColumn('available_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('given_up_at', 'timestamptz')
    .execute();
  await sql`create index outbox_due_idx on outbox (available_at, id) where sent_at is null and given_up_at is null`.execute(db);
}
