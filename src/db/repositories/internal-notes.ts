import type { InternalNote } from '../../domain/dossier/notes.ts';
import type { Executor } from './executor.ts';

/** K3: the notes one organisation wrote about the client, newest first. There is no other way to read notes. */
export async function listForOrganisation(trx: Executor, clientId: string, organisationId: string): Promise<InternalNote[]> {
  const rows = await trx
    .selectFrom('internal_notes')
    .selectAll()
    .where('clientId', '=', clientId)
    .where('organisationId', '=', organisationId)
    .orderBy('createdAt', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    clientId: row.clientId,
    organisationId: row.organisationId,
    authorLabel: row.authorLabel,
    createdAt: row.createdAt,
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
      clientId: note.clientId,
      organisationId: note.organisationId,
      authorUserId: note.authorUserId,
      authorLabel: note.authorLabel,
      text: note.text,
      createdAt: note.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
