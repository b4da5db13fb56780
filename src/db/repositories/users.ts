import { sql } from 'kysely';
import type { Actor } from '../../domain/users.ts';
import { officeLabel } from '../../domain/organisations.ts';
import type { UserRow } from '../schema/index.ts';
import type { Executor } from './executor.ts';

export type UserCredentials = Pick<UserRow, 'id' | 'passwordHash' | 'disabledAt'>;

export async function findCredentialsByEmail(trx: Executor, email: string): Promise<UserCredentials | undefined> {
  return trx
    .selectFrom('users')
    .select(['id', 'passwordHash', 'disabledAt'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

/** What an Actor is made of, from `users as u`, `organisations as o` and `offices as f`. */
export const ACTOR_COLUMNS = [
  'u.id',
  'u.email',
  'u.displayName',
  'u.role',
  'u.organisationId',
  'o.name as organisationName',
  'o.kind as organisationKind',
  'u.officeId',
  'f.name as officeName',
  'f.code as officeCode',
] as const;

/** The acting user with organisation and office; undefined when unknown or disabled. */
/** `users as u` with its `organisations as o` and (when it has one) `offices as f`, as ACTOR_COLUMNS reads them. */
export function fromActors(trx: Executor) {
  return trx.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisationId').leftJoin('offices as f', 'f.id', 'u.officeId');
}

export async function findActiveActor(trx: Executor, userId: string): Promise<Actor | undefined> {
  const row = await fromActors(trx)
    .select(ACTOR_COLUMNS)
    .where('u.id', '=', userId)
    .where('u.disabledAt', 'is', null)
    .executeTakeFirst();
  return row && toActor(row);
}

export type ActorRow = Readonly<{
  id: string;
  email: string;
  displayName: string;
  role: Actor['role'];
  organisationId: string;
  organisationName: string;
  organisationKind: Actor['organisationKind'];
  officeId: string | null;
  officeName: string | null;
  officeCode: string | null;
}>;

export function toActor(row: ActorRow): Actor {
  return {
    userId: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind,
    officeId: row.officeId,
    officeLabel: row.officeName !== null && row.officeCode !== null ? officeLabel({ name: row.officeName, code: row.officeCode }) : null,
  };
}

export async function recordSuccessfulLogin(trx: Executor, userId: string, at: Date): Promise<void> {
  await trx
    .updateTable('users')
    .set({ lastLoginAt: at })
    .where('id', '=', userId)
    .execute();
}

export async function setDisabled(trx: Executor, userId: string, disabledAt: Date | null): Promise<boolean> {
  const result = await trx.updateTable('users').set({ disabledAt: disabledAt }).where('id', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findIdByEmail(trx: Executor, email: string): Promise<string | undefined> {
  const row = await trx.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  return row?.id;
}
