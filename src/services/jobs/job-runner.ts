/**
 * One runner for all periodic work (the sweep J1, the outbox, clean-ups). Each job has a row in
 * `job_schedule`; an instance runs a job only when it moved that row's next run forward itself,
 * so several instances on one PostgreSQL run each due job once. A job that fails is logged and
 * tried again at its next turn; it never stops the others.
 */
import type { ServiceContext } from '../context.ts';

/** `quiet`: a job that runs every few seconds logs its successes at debug level only. */
export type Job = Readonly<{ name: string; everyMs: number; run: () => Promise<unknown>; quiet?: boolean }>;

export type JobOutcome = Readonly<{ name: string; ran: boolean; result?: unknown; error?: string }>;

/** The part of a pino logger the runner uses. */
export type JobLog = Readonly<{
  info(details: Record<string, unknown>, message: string): void;
  debug(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}>;

export function createJobRunner({ db, repos, clock }: ServiceContext, jobs: readonly Job[], log: JobLog) {
  const running = new Set<string>();
  let registered = false;

  async function runIfDue(job: Job): Promise<JobOutcome> {
    if (running.has(job.name)) return { name: job.name, ran: false };
    const now = clock.now();
    if (!(await repos.jobSchedule.claimDue(db, job.name, now, new Date(now.getTime() + job.everyMs)))) return { name: job.name, ran: false };
    running.add(job.name);
    try {
      const result = await job.run();
      await repos.jobSchedule.recordOutcome(db, job.name, clock.now(), null);
      (job.quiet === true ? log.debug : log.info).call(log, { job: job.name, result }, 'job finished');
      return { name: job.name, ran: true, result };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await repos.jobSchedule.recordOutcome(db, job.name, clock.now(), message);
      log.error({ job: job.name, err: error }, 'job failed');
      return { name: job.name, ran: true, error: message };
    } finally {
      running.delete(job.name);
    }
  }

  /** Runs every job that is due now, one after the other; returns what each did. */
  async function runDue(): Promise<JobOutcome[]> {
    if (!registered) {
      const now = clock.now();
      for (const job of jobs) await repos.jobSchedule.register(db, job.name, now);
      registered = true;
    }
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) outcomes.push(await runIfDue(job));
    return outcomes;
  }

  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | undefined;

  /** Looks for due jobs now and every `tickMs`; a tick is skipped while the previous one runs. */
  function start(tickMs: number): void {
    const tick = (): void => {
      if (current !== undefined) return;
      current = runDue()
        .catch((error: unknown) => {
          log.error({ err: error }, 'job runner failed');
        })
        .finally(() => {
          current = undefined;
        });
    };
    tick();
    timer = setInterval(tick, tickMs);
    timer.unref();
  }

  /** Stops looking for jobs and waits for the running ones. */
  async function stop(): Promise<void> {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    await current;
  }

  return { runDue, start, stop, names: jobs.map((job) => job.name) };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
