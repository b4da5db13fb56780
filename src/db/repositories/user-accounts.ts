/**
 * Accounts as the administration pages read and change them: the paged list (5,000 users page
 * in SQL), one user, the invitation's insert and the changes at a version (O12).
 */
import { sql } from 'kysely';
import type { ManagedUser, UserPage } from '../../domain/accounts/user-admin.ts';
import type { Role } from '../../domain/roles.ts';
import type { Executor } from './executor.ts';
import { ACTOR_COLUMNS, fromActors } from './users.ts';
import { changedAtVersion } from './shared.ts';

function selectUsers(trx: Executor) {
  return fromActors(trx).select([
    ...ACTOR_COLUMNS,
    sql<boolean>`u.password_hash is not null`.as('hasPassword'),
    'u.disabledAt',
    'u.lastLoginAt',
    'u.createdAt',
    'u.version',
  ]);
}

const likePattern = (query: string): string => `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of users by name, optionally of one organisation and matching part of name or address. */
export async function page(
  trx: Executor,
  filter: { organisationId: string | null; query: string },
  range: { limit: number; offset: number },
): Promise<UserPage> {
  let base = trx.selectFrom('users as u').where('u.apiSystem', '=', false);
  if (filter.organisationId !== null) base = base.where('u.organisationId', '=', filter.organisationId);
  if (filter.query !== '') {
    const pattern = likePattern(filter.query);
    base = base.where((eb) => eb.or([eb(sql<string>`lower(u.display_name)`, 'like', pattern), eb(sql<string>`lower(u.email)`, 'like', pattern)]));
  }
  const counted = await base.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
  let rows = selectUsers(trx).where('u.apiSystem', '=', false);
  if (filter.organisationId !== null) rows = rows.where('u.organisationId', '=', filter.organisationId);
  if (filter.query !== '') {
    const pattern = likePattern(filter.query);
    rows = rows.where((eb) => eb.or([eb(sql<string>`lower(u.display_name)`, 'like', pattern), eb(sql<string>`lower(u.email)`, 'like', pattern)]));
  }
  const users = await rows.orderBy(sql`lower(u.display_name)`).orderBy('u.id').limit(range.limit).offset(range.offset).execute();
  return { total: Number(counted.n), users };
}

export async function findById(trx: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ManagedUser | undefined> {
  // Issue 17: an organisation's API system account is not a user to administer.
  let query = selectUsers(trx).where('u.id', '=', id).where('u.apiSystem', '=', false);
  if (options.forUpdate === true) query = query.forUpdate('u');
  return query.executeTakeFirst();
}

export async function emailInUse(trx: Executor, email: string): Promise<boolean> {
  const row = await trx.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

/** An invited user: no password until the link is used. */
export async function insertInvited(
  trx: Executor,
  user: { email: string; displayName: string; role: Role; organisationId: string; officeId: string },
  at: Date,
): Promise<string> {
  const row = await trx
    .insertInto('users')
    .values({ ...user, passwordHash: null, createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

type AccountChange = Partial<{ role: Role; officeId: string; disabledAt: Date | null }>;

/** Applies the change when the user is still at `expectedVersion` (O12); false when not. */
export async function updateAtVersion(trx: Executor, id: string, expectedVersion: number, change: AccountChange): Promise<boolean> {
  return changedAtVersion(trx.updateTable('users').set((eb) => ({ ...change, version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', expectedVersion));
}

/** The chosen password (the growing login delay is ended by the use case, login-throttle.ts). */
export async function setPassword(trx: Executor, id: string, passwordHash: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ passwordHash, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The active beheerders, locked: two administrators cannot each remove "the other last one". */
export async function lockActiveBeheerders(trx: Executor): Promise<string[]> {
  const rows = await trx.selectFrom('users').select('id').where('role', '=', 'beheerder').where('disabledAt', 'is', null).orderBy('id').forUpdate().execute();
  return rows.map((r) => r.id);
}

/** The offices of one organisation, or of all, with their organisation: the choices of the forms. */
export async function officeChoices(trx: Executor, organisationId: string | null): Promise<{ id: string; name: string; code: string; organisationId: string; organisationName: string; organisationKind: 'dienst' | 'partner' }[]> {
  let query = trx
    .selectFrom('offices as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisationId')
    .select(['f.id', 'f.name', 'f.code', 'f.organisationId', 'o.name as organisationName', 'o.kind as organisationKind']);
  if (organisationId !== null) query = query.where('f.organisationId', '=', organisationId);
  return query.orderBy('o.name').orderBy('f.name').execute();
}

/** The administrative history of one user ("Wijzigingen"), oldest first (index audit_events_subject_user_idx). */
export async function historyOf(trx: Executor, userId: string, actions: readonly string[], limit = 500) {
  return trx
    .selectFrom('audit_events')
    .selectAll()
    .where(sql<string>`details->>'userId'`, '=', userId)
    .where('action', 'in', actions)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}
