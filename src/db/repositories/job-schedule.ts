/**
 * The periodic jobs' schedule. `claimDue` moves a due job's next run forward in one UPDATE:
 * of several instances that try at once, the row lock lets one through and the others then see
 * a job that is no longer due. That is what makes a job run once across instances.
 */
import type { Executor } from './executor.ts';

/** Registers the job (due at once) unless it is known already. */
export async function register(trx: Executor, name: string, dueAt: Date): Promise<void> {
  await trx.insertInto('job_schedule').values({ name, nextRunAt: dueAt }).onConflict((oc) => oc.column('name').doNothing()).execute();
}

/** True when this caller got the run that was due at `now`; the next one is then due at `nextRunAt`. */
export async function claimDue(trx: Executor, name: string, now: Date, nextRunAt: Date): Promise<boolean> {
  const row = await trx
    .updateTable('job_schedule')
    .set({ nextRunAt, lastStartedAt: now })
    .where('name', '=', name)
    .where('nextRunAt', '<=', now)
    .returning('name')
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordOutcome(trx: Executor, name: string, at: Date, error: string | null): Promise<void> {
  await trx
    .updateTable('job_schedule')
    .set({ lastFinishedAt: at, lastOutcome: error === null ? 'geslaagd' : 'mislukt', lastError: error === null ? null : error.slice(0, 500) })
    .where('name', '=', name)
    .execute();
}

export type JobState = Readonly<{ name: string; nextRunAt: Date; lastStartedAt: Date | null; lastOutcome: 'geslaagd' | 'mislukt' | null; lastError: string | null }>;

export async function find(trx: Executor, name: string): Promise<JobState | undefined> {
  const row = await trx.selectFrom('job_schedule').selectAll().where('name', '=', name).executeTakeFirst();
  return row && { name: row.name, nextRunAt: row.nextRunAt, lastStartedAt: row.lastStartedAt, lastOutcome: row.lastOutcome, lastError: row.lastError };
}
