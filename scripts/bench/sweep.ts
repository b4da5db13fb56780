/**
 * J1 over the generated data: services.sweep.run() as main.ts calls it (one transaction, two
 * set-based statements with their audit rows), timed, checked, and run a second time to show
 * that it then has nothing left to do.
 */
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import { createDatabase } from '../../src/db/database.ts';
import type { SweepResult } from '../../src/services/steps/sweep-service.ts';
import { benchServices } from './services.ts';
import { backendCpu, count, withClient } from './database.ts';
import { DUE } from './generate.ts';

/** `postgresCpuMs`: CPU time of the PostgreSQL server processes during the run (NaN when /proc cannot tell). */
export type SweepRun = Readonly<{ result: SweepResult; ms: number; postgresCpuMs: number; auditRows: number }>;
export type SweepMeasurement = Readonly<{ dueBefore: number; linesInTable: number; first: SweepRun; second: SweepRun }>;

export async function measureSweep(url: string, cutoff: CalendarDate): Promise<SweepMeasurement> {
  const dueSql = `select count(*) as n from steps where step_type_code = 'outplacement' and state = 'bezig' and end_date <= $1::date`;
  const [dueBefore, linesInTable] = await withClient(url, async (client) => [
    await count(client, dueSql, [cutoff]),
    await count(client, 'select count(*) as n from steps'),
  ]);
  const db = createDatabase({ kind: 'postgres', url, poolSize: 2 });
  try {
    const services = benchServices(db);
    const once = async (): Promise<SweepRun> => {
      const auditBefore = await withClient(url, (client) => count(client, 'select count(*) as n from audit_events'));
      const cpuBefore = await backendCpu(url);
      const started = performance.now();
      const result = await services.sweep.run();
      const ms = performance.now() - started;
      const cpuAfter = await backendCpu(url);
      const postgresCpuMs = cpuAfter.size === 0 ? Number.NaN : [...cpuAfter].reduce((sum, [pid, used]) => sum + used - (cpuBefore.get(pid) ?? 0), 0);
      const auditAfter = await withClient(url, (client) => count(client, 'select count(*) as n from audit_events'));
      return { result, ms, postgresCpuMs, auditRows: auditAfter - auditBefore };
    };
    const first = await once();
    const second = await once();

    const problems: string[] = [];
    if (dueBefore !== DUE) problems.push(`${dueBefore} lines were due before the sweep, expected ${DUE}`);
    if (!first.result.ran) problems.push('the first run did not get the sweep lock');
    if (first.result.completed !== DUE) problems.push(`the first run completed ${first.result.completed} lines, expected ${DUE}`);
    if (first.auditRows !== first.result.completed + first.result.windowsClosed) {
      problems.push(`the first run added ${first.auditRows} audit rows for ${first.result.completed + first.result.windowsClosed} changed lines`);
    }
    if (first.auditRows !== DUE) problems.push(`the first run added ${first.auditRows} audit rows, expected ${DUE}`);
    if (second.result.completed !== 0 || second.result.windowsClosed !== 0 || second.auditRows !== 0) {
      problems.push(`the second run still changed lines (${second.result.completed} completed, ${second.result.windowsClosed} windows closed)`);
    }
    const dueAfter = await withClient(url, (client) => count(client, dueSql, [cutoff]));
    if (dueAfter !== 0) problems.push(`${dueAfter} lines are still due after the sweep`);
    if (problems.length > 0) throw new Error(`sweep: ${problems.join('; ')}`);
    return { dueBefore, linesInTable, first, second };
  } finally {
    await db.destroy();
  }
}
