import type { Executor } from './executor.ts';

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
    .values({ id_hash: session.idHash, ...values })
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
