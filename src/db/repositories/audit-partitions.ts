import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/**
 * Creates the audit log's partition of the UTC month that starts on `month` (`YYYY-MM-01`),
 * moving that month's rows out of the default partition if any (function of migration 0021).
 * Returns whether it was created (false: it existed).
 */
export async function ensureMonth(trx: Executor, month: string): Promise<boolean> {
  const { rows } = await sql<{ created: boolean }>`select audit_events_ensure_partition(${month}::date) as created`.execute(trx);
  return rows[0]?.created === true;
}
