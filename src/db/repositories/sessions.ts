import type { Actor } from '../../domain/users.ts';
import type { Executor } from './executor.ts';
import { referenceVersionColumn } from './reference-versions.ts';
import { ACTOR_COLUMNS, toActor } from './users.ts';

export type StoredSession = Readonly<{ data: Record<string, unknown>; userId: string | null }>;

export async function findLive(trx: Executor, idHash: string, now: Date): Promise<StoredSession | undefined> {
  const row = await trx
    .selectFrom('sessions')
    .select(['data', 'userId'])
    .where('idHash', '=', idHash)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return row === undefined ? undefined : { data: row.data, userId: row.userId };
}

/**
 * The live session with its user, in one statement: the user is undefined when the session has
 * none, or when the account no longer exists or is disabled.
 */
export async function findLiveWithActor(
  trx: Executor,
  idHash: string,
  now: Date,
): Promise<(StoredSession & { actor: Actor | undefined; referenceVersion: number }) | undefined> {
  const row = await trx
    .selectFrom('sessions as s')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 's.userId').on('u.disabledAt', 'is', null))
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .leftJoin('offices as f', 'f.id', 'u.officeId')
    .select(['s.data', 's.userId', ...ACTOR_COLUMNS, referenceVersionColumn.as('referenceVersion')])
    .where('s.idHash', '=', idHash)
    .where('s.expiresAt', '>', now)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { id, email, displayName, role, organisationId, organisationName, organisationKind } = row;
  const actor =
    id !== null && email !== null && displayName !== null && role !== null && organisationId !== null && organisationName !== null && organisationKind !== null
      ? toActor({ ...row, id, email, displayName, role, organisationId, organisationName, organisationKind })
      : undefined;
  return { data: row.data, userId: row.userId, actor, referenceVersion: row.referenceVersion };
}

export async function upsert(
  trx: Executor,
  session: { idHash: string; userId: string | null; data: Record<string, unknown>; lastSeenAt: Date; expiresAt: Date; userAgent: string | null },
): Promise<void> {
  const values = {
    userId: session.userId,
    userAgent: session.userAgent,
    data: JSON.stringify(session.data),
    lastSeenAt: session.lastSeenAt,
    expiresAt: session.expiresAt,
  };
  await trx
    .insertInto('sessions')
    .values({ idHash: session.idHash, createdAt: session.lastSeenAt, ...values })
    .onConflict((oc) => oc.column('idHash').doUpdateSet(values))
    .execute();
}

export async function remove(trx: Executor, idHash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('idHash', '=', idHash).execute();
}

export async function removeAllOfUser(trx: Executor, userId: string): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every other session of the user ends (ASVS 7.4.3, 7.5.2); the one kept is named by its hash. */
export async function removeOthersOfUser(trx: Executor, userId: string, keepIdHash: string): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('userId', '=', userId).where('idHash', '<>', keepIdHash).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type UserSession = Readonly<{ idHash: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date }>;

/** The user's live sessions, the most recently seen first ("Mijn sessies"). */
export async function listLiveOfUser(trx: Executor, userId: string, now: Date): Promise<UserSession[]> {
  return trx
    .selectFrom('sessions')
    .select(['idHash', 'userAgent', 'createdAt', 'lastSeenAt'])
    .where('userId', '=', userId)
    .where('expiresAt', '>', now)
    .orderBy('lastSeenAt', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
}

export async function removeExpired(trx: Executor, now: Date): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('expiresAt', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countOfUser(trx: Executor, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
  return row.n;
}
