import type { InternalNote } from '../../domain/dossier/notes.ts';
import type { Actor } from '../../domain/users.ts';
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

/** A note by `author`, for the author's organisation (K3). */
export type NewNote = Readonly<{ clientId: string; author: Pick<Actor, 'userId' | 'displayName' | 'organisationId'>; text: string; at: Date }>;

export async function insert(trx: Executor, note: NewNote): Promise<string> {
  const { author } = note;
  const row = await trx
    .insertInto('internal_notes')
    .values({ clientId: note.clientId, organisationId: author.organisationId, authorUserId: author.userId, authorLabel: author.displayName, text: note.text, createdAt: note.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
