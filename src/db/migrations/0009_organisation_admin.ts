/**
 * Administration of organisations (issue 12): what a beheerder keeps up to date through the
 * portal's own pages instead of SQL.
 * - organisations: the KBO/enterprise number (10 digits, mod-97 check: the last two digits are
 *   97 - (first eight mod 97)), unique. Rows that exist before this migration have none (a
 *   beheerder fills it in; the portal does not invent enterprise numbers); the form requires it.
 * - offices: an address (street, postcode, city); the code stays unique over the portal (0001).
 * - funding numbers: valid from / until (until >= from, until open = no end); `description` is
 *   their label. Existing numbers are valid from the day they were created (Brussels).
 * - step types: label and order already exist (0002); codes stay fixed.
 * - occupations: `retired_at`: a retired occupation is no longer offered, but stays on the
 *   desired jobs that use it.
 * - a `version` per administered row for O12 (a change on an old version is refused).
 * - indexes for the history of an administered record in the audit log.
 * Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import { type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('enterprise_number', 'char(10)', (c) => c.unique())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('organisations')
    .addCheckConstraint(
      'organisations_enterprise_number_check',
      sql`enterprise_number ~ '^[01][0-9]{9}$' and 97 - (left(enterprise_number, 8)::bigint % 97) = right(enterprise_number, 2)::integer`,
    )
    .execute();
  await sql`create index organisations_name_idx on organisations (lower(name))`.execute(db);

  await db.schema
    .alterTable('offices')
    .addColumn('street', 'text')
    .addColumn('postcode', 'text')
    .addColumn('city', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .alterTable('funding_numbers')
    .addColumn('valid_from', 'date')
    .addColumn('valid_until', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`update funding_numbers set valid_from = (created_at at time zone 'Europe/Brussels')::date`.execute(db);
  await db.schema.alterTable('funding_numbers').alterColumn('valid_from', (c) => c.setNotNull()).execute();
  await db.schema
    .alterTable('funding_numbers')
    .addCheckConstraint('funding_numbers_period_check', sql`valid_until is null or valid_until >= valid_from`)
    .execute();

  await db.schema.alterTable('step_types').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  await db.schema
    .alterTable('occupations')
    .addColumn('retired_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // The history of an administered record: by the record, and by the organisation it belongs to.
  await sql`create index audit_events_admin_subject_idx on audit_events ((details->>'subjectId'), id) where details ? 'subjectId'`.execute(db);
  await sql`create index audit_events_admin_organisation_idx on audit_events ((details->>'subjectOrganisationId'), id) where details ? 'subjectOrganisationId'`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
