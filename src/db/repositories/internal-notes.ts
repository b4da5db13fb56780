import type { InternalNote } from '../../domain/dossier/notes.ts';
import type { Executor } from './executor.ts';

/** K3: the notes one organisation wrote about the client, newest first. There is no other way to read notes. */
export async function listForOrganisation(trx: Executor, clientId: string, organisationId: string): Promise<InternalNote[]> {
  return trx
    .selectFrom('internal_notes')
    .select(['id', 'clientId', 'organisationId', 'authorLabel', 'createdAt', 'text'])
    .where('clientId', '=', clientId)
    .where('organisationId', '=', organisationId)
    .orderBy('createdAt', 'desc')
    .orderBy('seq', 'desc')
    .execute();
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
