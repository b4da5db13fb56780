/**
 * Issue 15 defect 2: the organisation that added a document may correct its kind (Soort), for
 * example an action plan stored as "Ander document". D4 still holds for everything else: the
 * row is never deleted, its file, name, dossier and author never change, and a withdrawal stays
 * final. A kind correction moves `version` by one (O12: a correction made on an older version
 * changes nothing) and names who made it; a withdrawal leaves kind and version as they are.
 * Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import { type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('documents')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kind_changed_by_label', 'text')
    .execute();

  // The trigger of 0003 keeps its name and its table; its function now allows two changes.
  await sql`
    create or replace function documents_kept() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'UPDATE' then
        raise exception 'documents are kept (D4): % refused', tg_op using errcode = '42501';
      end if;
      if old.withdrawn_at is not null
         or (new.id, new.client_id, new.organisation_id, new.step_id, new.publication_name, new.file_name,
             new.size_bytes, new.media_type, new.sha256, new.uploaded_by, new.uploaded_by_label, new.uploaded_at, new.seq)
            is distinct from
            (old.id, old.client_id, old.organisation_id, old.step_id, old.publication_name, old.file_name,
             old.size_bytes, old.media_type, old.sha256, old.uploaded_by, old.uploaded_by_label, old.uploaded_at, old.seq)
      then
        raise exception 'documents cannot be changed (D4): only a withdrawal or a kind correction is allowed' using errcode = '42501';
      end if;
      if new.withdrawn_at is not null then
        -- The withdrawal: nothing else changes with it.
        if (new.kind, new.version, new.kind_changed_by_label) is distinct from (old.kind, old.version, old.kind_changed_by_label) then
          raise exception 'documents cannot be changed (D4): a withdrawal changes nothing else' using errcode = '42501';
        end if;
      elsif new.kind is not distinct from old.kind or new.version <> old.version + 1 or new.kind_changed_by_label is null then
        -- The kind correction: another kind, the next version, and who made it.
        raise exception 'documents cannot be changed (D4): a kind correction changes the kind, moves the version by one and names who made it'
          using errcode = '42501';
      end if;
      return new;
    end;
    $$`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
