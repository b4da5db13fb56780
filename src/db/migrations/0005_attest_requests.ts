/**
 * Access by the signed attest outplacement (A2–A4): the partner's requests, new ones and
 * extensions, with the data it typed, the scan, and how the service handled them. An approved
 * new request becomes a row in `attests` (0001); an approved extension moves that attest's end.
 * Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import { createTableWithUuid, type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await createTableWithUuid(db, 'attest_requests')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('nieuw', 'verlenging')`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    // What the partner typed (A2). For an extension: copied from the attest and the client.
    .addColumn('insz', 'char(11)', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull().check(sql`char_length(family_name) between 1 and 100`))
    .addColumn('first_name', 'text', (c) => c.notNull().check(sql`char_length(first_name) between 1 and 100`))
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull().check(sql`regime in ('algemeen', 'cao82', 'tewerkstellingscel')`))
    .addColumn('start_date', 'date', (c) => c.notNull())
    /** The (new) end date: of the attest to be created, or the one an extension asks for. */
    .addColumn('end_date', 'date', (c) => c.notNull())
    /** Extension (A4): the attest being extended and its end when the request was made. New: the attest created on approval. */
    .addColumn('attest_id', 'uuid', (c) => c.references('attests.id'))
    .addColumn('previous_end_date', 'date')
    /** The client: known for an extension; for a new request set on approval (found or created). */
    .addColumn('client_id', 'uuid', (c) => c.references('clients.id'))
    // The scan of the signed attest, a blob of the blob store.
    .addColumn('scan_sha256', 'text', (c) => c.notNull().check(sql`scan_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('scan_file_name', 'text', (c) => c.notNull().check(sql`char_length(scan_file_name) between 1 and 255`))
    .addColumn('scan_media_type', 'text', (c) => c.notNull())
    .addColumn('scan_size_bytes', 'bigint', (c) => c.notNull().check(sql`scan_size_bytes > 0`))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('ingediend').check(sql`state in ('ingediend', 'goedgekeurd', 'afgewezen')`))
    .addColumn('rejection_reason', 'text', (c) => c.check(sql`char_length(rejection_reason) <= 2000`))
    .addColumn('original_received_by_label', 'text')
    .addColumn('original_received_at', 'timestamptz')
    .addColumn('submitted_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_by_label', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_by_label', 'text')
    .addColumn('decided_at', 'timestamptz')
    /** Concurrent handling: a decision names the version it saw. */
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('attest_requests_period_check', sql`end_date > start_date`)
    .addCheckConstraint('attest_requests_extension_check', sql`(kind = 'verlenging') = (previous_end_date is not null)`)
    .addCheckConstraint('attest_requests_extension_attest_check', sql`kind = 'nieuw' or (attest_id is not null and client_id is not null)`)
    .addCheckConstraint('attest_requests_rejection_check', sql`(state = 'afgewezen') = (rejection_reason is not null)`)
    .addCheckConstraint('attest_requests_decided_check', sql`(state = 'ingediend') = (decided_at is null)`)
    .addCheckConstraint('attest_requests_received_check', sql`(original_received_at is null) = (original_received_by_label is null)`)
    .execute();

  // "Te behandelen attesten": the open requests, oldest first.
  await sql`create index attest_requests_open_idx on attest_requests (submitted_at) where state = 'ingediend'`.execute(db);
  // "Mijn aanvragen": an organisation's requests, newest first.
  await db.schema.createIndex('attest_requests_organisation_idx').on('attest_requests').columns(['organisation_id', 'submitted_at']).execute();
  // One open request per client and organisation (a new one or an extension), so nothing is handled twice.
  await sql`create unique index attest_requests_one_open on attest_requests (organisation_id, insz) where state = 'ingediend'`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
