import { sql } from 'kysely';
import type { Actor } from '../../domain/users.ts';
import { officeLabel } from '../../domain/organisations.ts';
import type { UserRow } from '../schema/index.ts';
import type { Executor } from './executor.ts';

export type UserCredentials = Pick<
  UserRow,
  'id' | 'password_hash' | 'disabled_at' | 'failed_attempts' | 'first_failed_at' | 'locked_until'
>;

export async function findCredentialsByEmail(trx: Executor, email: string): Promise<UserCredentials | undefined> {
  return trx
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at', 'failed_attempts', 'first_failed_at', 'locked_until'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

/** What an Actor is made of, from `users as u`, `organisations as o` and `offices as f`. */
export const ACTOR_COLUMNS = [
  'u.id',
  'u.email',
  'u.display_name',
  'u.role',
  'u.organisation_id',
  'o.name as organisation_name',
  'o.kind as organisation_kind',
  'u.office_id',
  'f.name as office_name',
  'f.code as office_code',
] as const;

/** The acting user with organisation and office; undefined when unknown or disabled. */
export async function findActiveActor(trx: Executor, userId: string): Promise<Actor | undefined> {
  const row = await trx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('offices as f', 'f.id', 'u.office_id')
    .select(ACTOR_COLUMNS)
    .where('u.id', '=', userId)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row && toActor(row);
}

export type ActorRow = Readonly<{
  id: string;
  email: string;
  display_name: string;
  role: Actor['role'];
  organisation_id: string;
  organisation_name: string;
  organisation_kind: Actor['organisationKind'];
  office_id: string | null;
  office_name: string | null;
  office_code: string | null;
}>;

export function toActor(row: ActorRow): Actor {
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationKind: row.organisation_kind,
    officeId: row.office_id,
    officeLabel: row.office_name !== null && row.office_code !== null ? officeLabel({ name: row.office_name, code: row.office_code }) : null,
  };
}

export async function recordFailedLogin(
  trx: Executor,
  userId: string,
  fields: { failedAttempts: number; firstFailedAt: Date; lockedUntil: Date | null },
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ failed_attempts: fields.failedAttempts, first_failed_at: fields.firstFailedAt, locked_until: fields.lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function recordSuccessfulLogin(trx: Executor, userId: string, at: Date): Promise<void> {
  await trx
    .updateTable('users')
    .set({ failed_attempts: 0, first_failed_at: null, locked_until: null, last_login_at: at })
    .where('id', '=', userId)
    .execute();
}

export async function setDisabled(trx: Executor, userId: string, disabledAt: Date | null): Promise<boolean> {
  const result = await trx.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findIdByEmail(trx: Executor, email: string): Promise<string | undefined> {
  const row = await trx.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  return row?.id;
}
