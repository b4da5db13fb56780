/**
 * Documents in the dossier (D1–D6): one row per uploaded file, its bytes in the blob store under
 * its SHA-256. D4 in the database itself: a row is never deleted, and the only change allowed is
 * its withdrawal (once, with who and why).
 */
import { sql } from 'kysely';
import { createTableWithUuid, refuseTruncate, refuseUpdateDelete, type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await createTableWithUuid(db, 'documents')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('step_id', 'uuid', (c) => c.references('steps.id'))
    .addColumn('publication_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('actieplan', 'eindverslag', 'attest', 'ander')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_by_label', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by_label', 'text')
    .addColumn('withdrawal_reason', 'text')
    .addCheckConstraint('documents_publication_name_length', sql`char_length(publication_name) between 1 and 200`)
    .addCheckConstraint('documents_file_name_length', sql`char_length(file_name) between 1 and 255`)
    .addCheckConstraint('documents_size', sql`size_bytes > 0 and size_bytes <= 20971520`)
    .addCheckConstraint('documents_sha256', sql`sha256 ~ '^[0-9a-f]{64}$'`)
    .addCheckConstraint(
      'documents_withdrawal_complete',
      sql`(withdrawn_at is null) = (withdrawn_by_label is null) and (withdrawn_at is null) = (withdrawal_reason is null)`,
    )
    .execute();
  // D1: the client's documents, newest first.
  await db.schema.createIndex('documents_client_idx').on('documents').columns(['client_id', 'uploaded_at']).execute();
  // Which rows refer to a blob (a clean-up of unreferenced blobs asks this).
  await db.schema.createIndex('documents_sha256_idx').on('documents').column('sha256').execute();

  // D4: no change but a withdrawal, no removal.
  await sql`
    create function documents_kept() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'UPDATE' then
        raise exception 'documents are kept (D4): % refused', tg_op using errcode = '42501';
      end if;
      if old.withdrawn_at is not null or new.withdrawn_at is null
         or (new.id, new.client_id, new.organisation_id, new.step_id, new.publication_name, new.kind, new.file_name,
             new.size_bytes, new.media_type, new.sha256, new.uploaded_by, new.uploaded_by_label, new.uploaded_at)
            is distinct from
            (old.id, old.client_id, old.organisation_id, old.step_id, old.publication_name, old.kind, old.file_name,
             old.size_bytes, old.media_type, old.sha256, old.uploaded_by, old.uploaded_by_label, old.uploaded_at)
      then
        raise exception 'documents cannot be changed (D4): only a withdrawal is allowed' using errcode = '42501';
      end if;
      return new;
    end;
    $$`.execute(db);
  await refuseUpdateDelete(db, 'documents_no_change', 'documents', 'documents_kept');
  await refuseTruncate(db, 'documents_no_truncate', 'documents', 'documents_kept');
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
