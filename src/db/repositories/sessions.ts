import type { Actor } from '../../domain/users.ts';
import type { Executor } from './executor.ts';
import { ACTOR_COLUMNS, toActor } from './users.ts';

export type StoredSession = Readonly<{ data: Record<string, unknown>; userId: string | null }>;

export async function findLive(trx: Executor, idHash: string, now: Date): Promise<StoredSession | undefined> {
  const row = await trx
    .selectFrom('sessions')
    .select(['data', 'user_id'])
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row === undefined ? undefined : { data: row.data, userId: row.user_id };
}

/**
 * The live session with its user, in one statement: the user is undefined when the session has
 * none, or when the account no longer exists or is disabled.
 */
export async function findLiveWithActor(trx: Executor, idHash: string, now: Date): Promise<(StoredSession & { actor: Actor | undefined }) | undefined> {
  const row = await trx
    .selectFrom('sessions as s')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 's.user_id').on('u.disabled_at', 'is', null))
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('offices as f', 'f.id', 'u.office_id')
    .select(['s.data', 's.user_id', ...ACTOR_COLUMNS])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { id, email, display_name, role, organisation_id, organisation_name, organisation_kind } = row;
  const actor =
    id !== null && email !== null && display_name !== null && role !== null && organisation_id !== null && organisation_name !== null && organisation_kind !== null
      ? toActor({ ...row, id, email, display_name, role, organisation_id, organisation_name, organisation_kind })
      : undefined;
  return { data: row.data, userId: row.user_id, actor };
}

export async function upsert(
  trx: Executor,
  session: { idHash: string; userId: string | null; data: Record<string, unknown>; lastSeenAt: Date; expiresAt: Date },
): Promise<void> {
  const values = {
    user_id: session.userId,
    data: JSON.stringify(session.data),
    last_seen_at: session.lastSeenAt,
    expires_at: session.expiresAt,
  };
  await trx
    .insertInto('sessions')
    .values({ id_hash: session.idHash, created_at: session.lastSeenAt, ...values })
    .onConflict((oc) => oc.column('id_hash').doUpdateSet(values))
    .execute();
}

export async function remove(trx: Executor, idHash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function removeAllOfUser(trx: Executor, userId: string): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function removeExpired(trx: Executor, now: Date): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countOfUser(trx: Executor, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.n;
}
