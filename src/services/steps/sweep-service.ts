/**
 * J1: the automatic work. Bezig Outplacement lines with a planned stop become Stopgezet on that
 * day (O8), Bezig Outplacement lines become Uitgevoerd one month after their end date (O9), and end-state lines lose their summary window 14 days after the end (O10). Each is
 * one set-based statement with its audit rows, in one transaction, under an advisory lock so that
 * several instances on one PostgreSQL never sweep at the same time. Running it twice changes
 * nothing the second time. The ended lines are told to the webhooks of their organisation in the
 * same transaction (issue 17: `stap.stopgezet`, `stap.uitgevoerd`).
 */
import { lastDueEndDate, lastEndedOnWithClosedWindow } from '../../domain/steps/dates.ts';
import { SYSTEM_LABEL } from '../../domain/users.ts';
import type { ServiceContext } from '../context.ts';
import type { EmitEvents } from '../webhooks/webhook-events.ts';

export type SweepResult = Readonly<{ ran: boolean; stopped: number; completed: number; windowsClosed: number }>;

export function createSweepService({ db, repos, clock }: ServiceContext, emit: EmitEvents) {
  async function run(): Promise<SweepResult> {
    const now = clock.now();
    const today = clock.today();
    const by = { label: SYSTEM_LABEL, at: now };
    return db.transaction().execute(async (trx) => {
      if (!(await repos.sweep.tryLock(trx))) return { ran: false, stopped: 0, completed: 0, windowsClosed: 0 };
      // Planned stops first: a planned day lies within the line's period, so before its completion.
      const stopped = await repos.sweep.stopPlannedOutplacements(trx, today, by);
      const completed = await repos.sweep.completeDueOutplacements(trx, lastDueEndDate(today), by);
      const windowsClosed = await repos.sweep.closeSummaryWindows(trx, lastEndedOnWithClosedWindow(today), by);
      await emit(
        trx,
        ...stopped.map((l) => ({
          type: 'stap.stopgezet' as const,
          organisationId: l.organisationId,
          clientId: l.clientId,
          data: { stepId: l.stepId, attestId: l.attestId, state: 'stopgezet' as const, date: l.date, stopRequestId: null, automatic: true },
        })),
        ...completed.map((l) => ({
          type: 'stap.uitgevoerd' as const,
          organisationId: l.organisationId,
          clientId: l.clientId,
          data: { stepId: l.stepId, attestId: l.attestId, state: 'uitgevoerd' as const, date: l.date, automatic: true as const },
        })),
      );
      return { ran: true, stopped: stopped.length, completed: completed.length, windowsClosed };
    });
  }

  return { run };
}
