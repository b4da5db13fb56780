/**
 * Outgoing messages (e-mail and webhooks, one outbox) and when to try them again. A message is
 * retried with a doubling delay, capped, for a day; then the outbox gives it up.
 */

/** An e-mail as the outbox keeps it: rendered when the change is made, sent after it committed. */
export type MailMessage = Readonly<{ to: string; subject: string; text: string; html: string }>;

/**
 * A webhook delivery as the outbox keeps it (issue 17): the JSON body exactly as it is sent and
 * signed, written when the change is made; the endpoint's URL and secret are read when it is sent.
 */
export type WebhookMessage = Readonly<{ eventId: string; eventType: string; body: string }>;

export type OutboxChannel = 'mail' | 'webhook';

export const RETRY_POLICY = Object.freeze({
  firstDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  /** How long one attempt may hold a message before another worker may take it again. */
  leaseMs: 5 * 60_000,
});

/**
 * When to try again after `attempts` failed attempts (1 = the first failed), or null when the
 * message has waited longer than a day since it was written: then it is given up.
 */
export function nextAttemptAt(createdAt: Date, attempts: number, failedAt: Date): Date | null {
  const delay = Math.min(RETRY_POLICY.firstDelayMs * 2 ** Math.max(0, attempts - 1), RETRY_POLICY.maxDelayMs);
  const next = new Date(failedAt.getTime() + delay);
  return next.getTime() - createdAt.getTime() > RETRY_POLICY.giveUpAfterMs ? null : next;
}
