/**
 * The audit log partitioned by month (issue 14 item 6): `audit_events` becomes a table partitioned
 * by range of `occurred_at` (UTC months), with the primary key (id, occurred_at). The existing
 * rows are copied, in id order, into partitions for the months they fall in, and a DEFAULT
 * partition catches a row of a month that has no partition yet. The function
 * `audit_events_ensure_partition(month)` creates a month's partition; the periodic job
 * `audit-partitions` calls it for this month and the next from the application's clock (a
 * migration cannot know the clock). Rows of that month already in the DEFAULT partition are
 * moved into the new partition in the same transaction.
 * The append-only guard stays on every partition: the row trigger on the parent is cloned to each
 * partition; the truncate trigger (statement level, not cloned) is added to each partition by the
 * function. The hash chain (0013) is unchanged: ids and hashes are copied as they are.
 * Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import { refuseTruncate, refuseUpdateDelete, type AnyDb } from './migration-helpers.ts';

/** The append-only guard of 0001. */
const GUARD = 'audit_events_append_only';

const COLUMNS = 'id, occurred_at, actor_user_id, actor_label, organisation_id, action, client_id, details, chain, prev_hash, hash';

export async function up(db: AnyDb): Promise<void> {
  await sql`alter table audit_events rename to audit_events_old`.execute(db);
  await sql`create sequence audit_events_id_seq_v2 as bigint`.execute(db);
  await sql`
    create table audit_events (
      id bigint not null default nextval('audit_events_id_seq_v2'),
      occurred_at timestamptz not null,
      actor_user_id uuid references users (id),
      actor_label text not null,
      organisation_id uuid references organisations (id),
      action text not null,
      client_id uuid references clients (id),
      details jsonb not null default '{}'::jsonb,
      chain text,
      prev_hash text,
      hash text,
      primary key (id, occurred_at)
    ) partition by range (occurred_at)`.execute(db);
  await sql`alter sequence audit_events_id_seq_v2 owned by audit_events.id`.execute(db);
  await sql`create index audit_events_client_idx_v2 on audit_events (client_id, id)`.execute(db);
  await sql`create index audit_events_actor_idx_v2 on audit_events (actor_user_id, id)`.execute(db);
  await sql`create index audit_events_chain_idx_v2 on audit_events (chain, id)`.execute(db);
  await sql`create index audit_events_subject_user_idx_v2 on audit_events ((details->>'userId'), id) where details->>'userId' is not null`.execute(db);
  await sql`create index audit_events_admin_subject_idx_v2 on audit_events ((details->>'subjectId'), id) where details ? 'subjectId'`.execute(db);
  await sql`create index audit_events_admin_organisation_idx_v2 on audit_events ((details->>'subjectOrganisationId'), id) where details ? 'subjectOrganisationId'`.execute(db);
  await refuseUpdateDelete(db, 'audit_events_no_update_delete_v2', 'audit_events', GUARD);
  await refuseTruncate(db, 'audit_events_no_truncate_v2', 'audit_events', GUARD);
  await sql`create table audit_events_default partition of audit_events default`.execute(db);
  await refuseTruncate(db, 'audit_events_no_truncate', 'audit_events_default', GUARD);

  await sql`
    create function audit_events_ensure_partition(month date) returns boolean language plpgsql as $$
    declare
      lo timestamptz := (date_trunc('month', month::timestamp) at time zone 'UTC');
      hi timestamptz := ((date_trunc('month', month::timestamp) + interval '1 month') at time zone 'UTC');
      name text := 'audit_events_' || to_char(month, 'YYYY_MM');
      moved bigint;
    begin
      if to_regclass(name) is not null then
        return false;
      end if;
      lock table audit_events_default in access exclusive mode;
      execute format('create table %I (like audit_events including defaults)', name);
      execute format('insert into %I select * from audit_events_default where occurred_at >= %L and occurred_at < %L', name, lo, hi);
      get diagnostics moved = row_count;
      if moved > 0 then
        -- The only delete ever made in the audit log: rows moved out of the default partition,
        -- in this transaction, into the partition of their month (ids and hashes unchanged).
        alter table audit_events_default disable trigger audit_events_no_update_delete;
        delete from audit_events_default where occurred_at >= lo and occurred_at < hi;
        alter table audit_events_default enable trigger audit_events_no_update_delete;
      end if;
      execute format('alter table audit_events attach partition %I for values from (%L) to (%L)', name, lo, hi);
      execute format('create trigger audit_events_no_truncate before truncate on %I for each statement execute function audit_events_append_only()', name);
      return true;
    end;
    $$`.execute(db);

  const months = await sql<{ month: string }>`
    select distinct to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM-DD') as month from audit_events_old order by 1`.execute(db);
  for (const { month } of months.rows) await sql`select audit_events_ensure_partition(${month}::date)`.execute(db);
  await sql.raw(`insert into audit_events (${COLUMNS}) select ${COLUMNS} from audit_events_old order by id`).execute(db);
  await sql`select setval('audit_events_id_seq_v2', coalesce((select max(id) from audit_events_old), 0) + 1, false)`.execute(db);
  await sql`drop table audit_events_old`.execute(db);
  // The names the table had before (the guard's trigger names are used by tests and operators).
  await sql`alter trigger audit_events_no_update_delete_v2 on audit_events rename to audit_events_no_update_delete`.execute(db);
  await sql`alter trigger audit_events_no_truncate_v2 on audit_events rename to audit_events_no_truncate`.execute(db);
  for (const index of ['client_idx', 'actor_idx', 'chain_idx', 'subject_user_idx', 'admin_subject_idx', 'admin_organisation_idx']) {
    await sql.raw(`alter index audit_events_${index}_v2 rename to audit_events_${index}`).execute(db);
  }
  await sql`alter sequence audit_events_id_seq_v2 rename to audit_events_id_seq`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
