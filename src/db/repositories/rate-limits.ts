import { sql } from 'kysely';
import type { Executor } from './executor.ts';

export type RateLimitHit = Readonly<{ hits: number; resetAt: Date }>;

/**
 * Counts one hit of `key` in one statement (issue 14 item 3): a new key, or one whose window ended
 * before `now`, starts a window of `windowMs` with one hit; otherwise its hits go up by one. The
 * row is locked by the upsert, so that hits of several instances at the same moment all count.
 */
export async function hit(trx: Executor, key: string, now: Date, windowMs: number): Promise<RateLimitHit> {
  const resetAt = new Date(now.getTime() + windowMs);
  const ended = sql<boolean>`rate_limits.reset_at <= ${now}`;
  const row = await trx
    .insertInto('rate_limits')
    .values({ key, hits: 1, resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${ended} then 1 else rate_limits.hits + 1 end`,
        resetAt: sql<Date>`case when ${ended} then excluded.reset_at else rate_limits.reset_at end`,
      }),
    )
    .returning(['hits', 'resetAt'])
    .executeTakeFirstOrThrow();
  return { hits: row.hits, resetAt: row.resetAt };
}

/** The hits of `key` in its running window, without counting one (null: no running window). */
export async function read(trx: Executor, key: string, now: Date): Promise<RateLimitHit | null> {
  const row = await trx.selectFrom('rate_limits').select(['hits', 'resetAt']).where('key', '=', key).where('resetAt', '>', now).executeTakeFirst();
  return row === undefined ? null : { hits: row.hits, resetAt: row.resetAt };
}

/** Removes the keys whose window ended before `now`; returns how many. */
export async function removeExpired(trx: Executor, now: Date): Promise<number> {
  const result = await trx.deleteFrom('rate_limits').where('resetAt', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
