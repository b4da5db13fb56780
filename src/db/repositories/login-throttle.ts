/** The login's failure counters (migration 0015): per address, per client address, per pair. */
import { sql } from 'kysely';
import type { FailureCounter } from '../../domain/accounts/login-delay.ts';
import type { Executor } from './executor.ts';

export type ThrottleScope = 'adres' | 'ip' | 'adres-ip';
export type ThrottleKey = Readonly<{ scope: ThrottleScope; keyHash: string }>;

/** Serialises the attempts on one address across instances until the transaction ends. */
export async function lockAddress(trx: Executor, address: ThrottleKey): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`login:${address.keyHash}`}, 0))`.execute(trx);
}

export async function find(trx: Executor, keys: readonly ThrottleKey[]): Promise<Map<ThrottleScope, FailureCounter>> {
  const rows = await trx
    .selectFrom('login_throttle')
    .select(['scope', 'failures', 'lastFailedAt', 'lastSuccessAt'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('scope', '=', k.scope), eb('keyHash', '=', k.keyHash)]))))
    .execute();
  return new Map(rows.map((r) => [r.scope, { failures: r.failures, lastFailedAt: r.lastFailedAt, lastSuccessAt: r.lastSuccessAt }]));
}

/**
 * One more failure, counted in one statement (two instances cannot lose one): a series whose last
 * failure is older than `seriesStart` starts again at 1 and forgets that its holder was mailed.
 */
export async function addFailure(trx: Executor, key: ThrottleKey, now: Date, seriesStart: Date): Promise<{ failures: number; notifiedAt: Date | null }> {
  return trx
    .insertInto('login_throttle')
    .values({ scope: key.scope, keyHash: key.keyHash, failures: 1, lastFailedAt: now })
    .onConflict((oc) =>
      oc.columns(['scope', 'keyHash']).doUpdateSet((eb) => {
        const running = eb('login_throttle.lastFailedAt', '>', seriesStart);
        return {
          failures: eb.case().when(running).then(eb('login_throttle.failures', '+', 1)).else(1).end(),
          notifiedAt: eb.case().when(running).then(eb.ref('login_throttle.notifiedAt')).else(null).end(),
          lastFailedAt: now,
        };
      }),
    )
    .returning(['failures', 'notifiedAt'])
    .executeTakeFirstOrThrow();
}

export async function markNotified(trx: Executor, key: ThrottleKey, now: Date): Promise<void> {
  await trx.updateTable('login_throttle').set({ notifiedAt: now }).where('scope', '=', key.scope).where('keyHash', '=', key.keyHash).execute();
}

/** A correct password: the address's series ends, and the pair becomes (or stays) a known origin. */
export async function recordSuccess(trx: Executor, address: ThrottleKey, pair: ThrottleKey, now: Date): Promise<void> {
  await clear(trx, address);
  await trx
    .insertInto('login_throttle')
    .values({ scope: pair.scope, keyHash: pair.keyHash, failures: 0, lastSuccessAt: now })
    .onConflict((oc) => oc.columns(['scope', 'keyHash']).doUpdateSet({ failures: 0, lastFailedAt: null, notifiedAt: null, lastSuccessAt: now }))
    .execute();
}

/** Ends the series of one key (a correct password, a new password chosen with a link). */
export async function clear(trx: Executor, key: ThrottleKey): Promise<void> {
  await trx.deleteFrom('login_throttle').where('scope', '=', key.scope).where('keyHash', '=', key.keyHash).execute();
}

/** Forgets counters with nothing left to remember: no failure and no success since `before`. */
export async function removeStale(trx: Executor, before: Date): Promise<number> {
  const result = await trx
    .deleteFrom('login_throttle')
    .where((eb) => eb.and([eb.or([eb('lastFailedAt', 'is', null), eb('lastFailedAt', '<', before)]), eb.or([eb('lastSuccessAt', 'is', null), eb('lastSuccessAt', '<', before)])]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
