/** The portal's periodic work, run by the job runner once across instances. */
import type { Job } from './job-runner.ts';

const MINUTE = 60_000;

export function periodicJobs(services: {
  sweep: { run(): Promise<unknown> };
  sessions: { removeExpired(): Promise<number> };
  outbox: { deliverMail(): Promise<unknown> };
  blobUpkeep: { removeOrphans(): Promise<unknown> };
}): Job[] {
  return [
    // J1: at start-up and every hour.
    { name: 'sweep', everyMs: 60 * MINUTE, run: () => services.sweep.run() },
    { name: 'session-cleanup', everyMs: 15 * MINUTE, run: () => services.sessions.removeExpired() },
    // Mail leaves within seconds of the commit that wrote it.
    { name: 'outbox-mail', everyMs: 5_000, run: () => services.outbox.deliverMail(), quiet: true },
    // Issue 14: blobs no row refers to, after ORPHAN_GRACE_HOURS; logs the digests it removed.
    { name: 'orphaned-blobs', everyMs: 60 * MINUTE, run: () => services.blobUpkeep.removeOrphans() },
  ];
}
