/** The portal's periodic work, run by the job runner once across instances. */
import type { Job } from './job-runner.ts';

const MINUTE = 60_000;

export function periodicJobs(services: {
  sweep: { run(): Promise<unknown> };
  sessions: { removeExpired(): Promise<number> };
  outbox: { deliverMail(): Promise<unknown>; deliverWebhooks(): Promise<unknown> };
  idempotency: { purge(): Promise<number> };
  webhookEvents: { announceEndedAccess(): Promise<unknown> };
  blobUpkeep: { removeOrphans(): Promise<unknown> };
  rateLimits: { removeExpired(): Promise<number> };
  auditPartitions: { ensureAhead(): Promise<unknown> };
}): Job[] {
  return [
    // J1: at start-up and every hour.
    { name: 'sweep', everyMs: 60 * MINUTE, run: () => services.sweep.run() },
    { name: 'session-cleanup', everyMs: 15 * MINUTE, run: () => services.sessions.removeExpired() },
    // Rate-limit windows last 15 minutes: their rows go once ended.
    { name: 'rate-limit-cleanup', everyMs: 15 * MINUTE, run: () => services.rateLimits.removeExpired() },
    // The audit log's partitions of this month and the next (at start-up and every 6 hours).
    { name: 'audit-partitions', everyMs: 360 * MINUTE, run: () => services.auditPartitions.ensureAhead() },
    // Mail leaves within seconds of the commit that wrote it.
    { name: 'outbox-mail', everyMs: 5_000, run: () => services.outbox.deliverMail(), quiet: true },
    // Issue 17: the first answers of idempotent API creates are kept 24 hours.
    { name: 'api-idempotency-cleanup', everyMs: 60 * MINUTE, run: () => services.idempotency.purge() },
    // Webhooks (issue 17) leave through the same outbox, in order per endpoint and dossier.
    { name: 'outbox-webhooks', everyMs: 5_000, run: () => services.outbox.deliverWebhooks(), quiet: true },
    // A1's end of access is no change anyone makes: announced to the webhooks hourly.
    { name: 'webhook-access-endings', everyMs: 60 * MINUTE, run: () => services.webhookEvents.announceEndedAccess() },
    // Issue 14: blobs no row refers to, after ORPHAN_GRACE_HOURS; logs the digests it removed.
    { name: 'orphaned-blobs', everyMs: 60 * MINUTE, run: () => services.blobUpkeep.removeOrphans() },
  ];
}
