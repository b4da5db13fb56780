/** The TOTP second factor and the recovery codes of a user (migration 0014). */
import type { Executor } from './executor.ts';

export type StoredSecondFactor = Readonly<{ secretEncrypted: string; confirmedAt: Date | null; lastUsedStep: number | null }>;

/** The user's second factor, locked for the use case's update when asked. */
export async function find(trx: Executor, userId: string, options: { forUpdate?: boolean } = {}): Promise<StoredSecondFactor | undefined> {
  let query = trx.selectFrom('second_factors').select(['secretEncrypted', 'confirmedAt', 'lastUsedStep']).where('userId', '=', userId);
  if (options.forUpdate === true) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Whether the user has a confirmed second factor. */
export async function isConfirmed(trx: Executor, userId: string): Promise<boolean> {
  const row = await trx.selectFrom('second_factors').select('userId').where('userId', '=', userId).where('confirmedAt', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

/** A new, unconfirmed secret (an earlier unconfirmed one is replaced). */
export async function savePending(trx: Executor, userId: string, secretEncrypted: string, now: Date): Promise<void> {
  await trx
    .insertInto('second_factors')
    .values({ userId, secretEncrypted, createdAt: now, confirmedAt: null, lastUsedStep: null })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ secretEncrypted, confirmedAt: null, lastUsedStep: null }))
    .execute();
}

export async function confirm(trx: Executor, userId: string, step: number, now: Date): Promise<void> {
  await trx.updateTable('second_factors').set({ confirmedAt: now, lastUsedStep: step }).where('userId', '=', userId).execute();
}

/** Marks a code's time-step used; false when that step (or a later one) was used already. */
export async function useStep(trx: Executor, userId: string, step: number): Promise<boolean> {
  const result = await trx
    .updateTable('second_factors')
    .set({ lastUsedStep: step })
    .where('userId', '=', userId)
    .where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes the second factor and the recovery codes; the number of removed factors (0 or 1). */
export async function remove(trx: Executor, userId: string): Promise<number> {
  await trx.deleteFrom('recovery_codes').where('userId', '=', userId).execute();
  const result = await trx.deleteFrom('second_factors').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function replaceRecoveryCodes(trx: Executor, userId: string, codeHashes: readonly string[], now: Date): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('userId', '=', userId).execute();
  if (codeHashes.length === 0) return;
  await trx
    .insertInto('recovery_codes')
    .values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now, usedAt: null })))
    .execute();
}

/** Uses one unused recovery code of the user; false when no such unused code exists. */
export async function useRecoveryCode(trx: Executor, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('recovery_codes')
    .set({ usedAt: now })
    .where('userId', '=', userId)
    .where('codeHash', '=', codeHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countUnusedRecoveryCodes(trx: Executor, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | bigint | string>().as('n'))
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

