/**
 * The audit log's monthly partitions (issue 14 item 6), created ahead by the periodic job
 * `audit-partitions` (also at start-up, as every job): this month's and next month's, in UTC, from
 * the application's clock. Rows reach the default partition only when the job has not run for a
 * month; the next run moves them into their month's partition. The job gives way to requests: a
 * lock it cannot have within 200 ms ends its try, and it tries again (see ensureMonth).
 */
import { setTimeout } from 'node:timers/promises';
import type { ServiceContext } from '../context.ts';

/** `YYYY-MM-01` of the UTC month `offset` months after the one of `at`. */
export function monthStart(at: Date, offset: number): string {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

/** How often the job gives way to requests that hold a lock it needs, and how long it waits between tries. */
const TRIES = 5;
const PAUSE_MS = 250;

export function createAuditPartitions({ db, repos, clock }: ServiceContext) {
  /** One month's partition; when a request holds a lock it needs, the job steps back and tries again. */
  async function ensureMonthGivingWay(month: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute((trx) => repos.auditPartitions.ensureMonth(trx, month));
      } catch (error) {
        if (!repos.auditPartitions.isLockTimeout(error) || attempt === TRIES) throw error;
        await setTimeout(PAUSE_MS * attempt);
      }
    }
  }

  return {
    /** Creates this month's and next month's partitions; returns the months created. */
    async ensureAhead(): Promise<string[]> {
      const now = clock.now();
      const created: string[] = [];
      for (const month of [monthStart(now, 0), monthStart(now, 1)]) {
        if (await ensureMonthGivingWay(month)) created.push(month);
      }
      return created;
    },
  };
}
