/**
 * The audit log's monthly partitions (issue 14 item 6), created ahead by the periodic job
 * `audit-partitions` (also at start-up, as every job): this month's and next month's, in UTC, from
 * the application's clock. Rows reach the default partition only when the job has not run for a
 * month; the next run moves them into their month's partition.
 */
import type { ServiceContext } from '../context.ts';

/** `YYYY-MM-01` of the UTC month `offset` months after the one of `at`. */
export function monthStart(at: Date, offset: number): string {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

export function createAuditPartitions({ db, repos, clock }: ServiceContext) {
  return {
    /** Creates this month's and next month's partitions; returns the months created. */
    async ensureAhead(): Promise<string[]> {
      const now = clock.now();
      const created: string[] = [];
      for (const month of [monthStart(now, 0), monthStart(now, 1)]) {
        const made = await db.transaction().execute((trx) => repos.auditPartitions.ensureMonth(trx, month));
        if (made) created.push(month);
      }
      return created;
    },
  };
}
