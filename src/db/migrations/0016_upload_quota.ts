/**
 * ASVS 5.2.1 (issue 13 item 5): the per-user upload quota counts what a user uploaded today in
 * Brussels, before every upload: the documents and attest scans of one user in a period, found
 * through these indexes. Written against Kysely<any>; never edited after it landed.
 */
import type { AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('documents_uploaded_by_idx').on('documents').columns(['uploaded_by', 'uploaded_at']).execute();
  await db.schema.createIndex('attest_requests_submitted_by_idx').on('attest_requests').columns(['submitted_by', 'submitted_at']).execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
