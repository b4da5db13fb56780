/** One-time links to choose a password (migration 0008): only the token's SHA-256 is stored. */
import type { TokenPurpose } from '../../domain/accounts/tokens.ts';
import type { Executor } from './executor.ts';

export type AccountToken = Readonly<{
  id: string;
  userId: string;
  purpose: TokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
  voidedAt: Date | null;
  userDisabledAt: Date | null;
  email: string;
  displayName: string;
}>;

/** Makes every open link of the user void: only the newest one works. Returns how many. */
export async function voidOpenOfUser(trx: Executor, userId: string, at: Date): Promise<number> {
  const result = await trx
    .updateTable('account_tokens')
    .set({ voidedAt: at })
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .where('voidedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insert(
  trx: Executor,
  token: { userId: string; purpose: TokenPurpose; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await trx.insertInto('account_tokens').values(token).execute();
}

/** The link with this hash and its user, locked for the use that follows. */
export async function findByHash(trx: Executor, tokenHash: string, options: { forUpdate?: boolean } = {}): Promise<AccountToken | undefined> {
  let query = trx
    .selectFrom('account_tokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['t.id', 't.userId', 't.purpose', 't.expiresAt', 't.usedAt', 't.voidedAt', 'u.disabledAt as userDisabledAt', 'u.email', 'u.displayName'])
    .where('t.tokenHash', '=', tokenHash);
  if (options.forUpdate === true) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function markUsed(trx: Executor, id: string, at: Date): Promise<void> {
  await trx.updateTable('account_tokens').set({ usedAt: at }).where('id', '=', id).execute();
}

/** The newest link of the user, for the administration page (open or not). */
export async function latestOfUser(trx: Executor, userId: string): Promise<{ purpose: TokenPurpose; createdAt: Date; expiresAt: Date; usedAt: Date | null; voidedAt: Date | null } | undefined> {
  return trx
    .selectFrom('account_tokens')
    .select(['purpose', 'createdAt', 'expiresAt', 'usedAt', 'voidedAt'])
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}
