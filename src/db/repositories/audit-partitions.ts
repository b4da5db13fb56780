import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/**
 * Creates the audit log's partition of the UTC month that starts on `month` (`YYYY-MM-01`),
 * moving that month's rows out of the default partition if any (function of migration 0021).
 * Returns whether it was created (false: it existed).
 */
export async function ensureMonth(trx: Executor, month: string): Promise<boolean> {
  // Attaching a partition clones the audit log's foreign keys, which locks users, organisations
  // and clients, while it holds the default partition and the new one. A request that changed a
  // user (a login) and then appends to the audit log locks in the other order: the two waited on
  // each other and PostgreSQL ended the request ("deadlock detected", seen in CI). A lock this job
  // cannot have at once within 200 ms ends the job's transaction instead, well before PostgreSQL
  // looks for a deadlock (deadlock_timeout, 1 s): the request goes on, the job tries again.
  await sql`set local lock_timeout = '200ms'`.execute(trx);
  const { rows } = await sql<{ created: boolean }>`select audit_events_ensure_partition(${month}::date) as created`.execute(trx);
  return rows[0]?.created === true;
}

/** The job's lock wait ran out (lock_timeout): nothing was changed, it may try again. */
export function isLockTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === LOCK_NOT_AVAILABLE;
}

const LOCK_NOT_AVAILABLE = '55P03';
