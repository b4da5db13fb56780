import type { InternalNote } from '../../domain/dossier/notes.ts';
import type { Executor } from './executor.ts';

/** K3: the notes one organisation wrote about the client, newest first. There is no other way to read notes. */
export async function listForOrganisation(trx: Executor, clientId: string, organisationId: string): Promise<InternalNote[]> {
  const rows = await trx
    .selectFrom('internal_notes')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    organisationId: row.organisation_id,
    authorLabel: row.author_label,
    createdAt: row.created_at,
    text: row.text,
  }));
}

export async function insert(
  trx: Executor,
  note: { clientId: string; organisationId: string; authorUserId: string; authorLabel: string; text: string; at: Date },
): Promise<string> {
  const row = await trx
    .insertInto('internal_notes')
    .values({
      client_id: note.clientId,
      organisation_id: note.organisationId,
      author_user_id: note.authorUserId,
      author_label: note.authorLabel,
      text: note.text,
      created_at: note.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
