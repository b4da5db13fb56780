/**
 * One clock: every timestamp is written by the application from its injected clock, never by a
 * database default, so that the rows of one change (and of the demo data) are dated by one clock
 * and a test's clock dates everything it creates. The `now()` defaults go: an insert that forgets
 * its timestamp fails instead of taking the database server's time.
 *
 * Newest-first lists order by insertion (`seq`), not by comparing timestamps that two clocks
 * may have written. Written against Kysely<any>; never edited after it landed.
 */
import { type AnyDb } from './migration-helpers.ts';

/** The columns migrations 0001–0005 gave a `now()` default. */
const STAMPED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  organisations: ['created_at'],
  offices: ['created_at'],
  funding_numbers: ['created_at'],
  users: ['created_at'],
  sessions: ['created_at'],
  clients: ['created_at'],
  attests: ['submitted_at'],
  audit_events: ['occurred_at'],
  steps: ['created_at', 'updated_at'],
  stop_requests: ['requested_at'],
  documents: ['uploaded_at'],
  occupations: ['created_at'],
  job_seeker_registrations: ['recorded_at'],
  client_profiles: ['updated_at'],
  desired_jobs: ['created_at', 'updated_at'],
  cvs: ['updated_at'],
  cv_educations: ['created_at', 'updated_at'],
  cv_work_experiences: ['created_at', 'updated_at'],
  cv_languages: ['created_at', 'updated_at'],
  cv_competences: ['created_at', 'updated_at'],
  internal_notes: ['created_at'],
  attest_requests: ['submitted_at'],
};

/** The tables shown newest first. */
const ORDERED_TABLES = ['steps', 'stop_requests', 'documents', 'occupations', 'internal_notes', 'attest_requests'] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const [table, columns] of Object.entries(STAMPED_COLUMNS)) {
    for (const column of columns) {
      await db.schema.alterTable(table).alterColumn(column, (c) => c.dropDefault()).execute();
    }
  }
  for (const table of ORDERED_TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
      .execute();
  }
}
