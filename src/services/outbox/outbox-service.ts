/**
 * The outbox: use cases put a message in it inside their own transaction (`enqueueMail`), and the
 * `outbox-mail` job delivers it after the commit. A crash between commit and send loses nothing;
 * a rolled-back change sends nothing; two instances never hold the same message at once. Delivery
 * is at least once: a worker that stops between sending and marking the row lets another send it
 * again after the lease.
 */
import { nextAttemptAt, RETRY_POLICY, type MailMessage } from '../../domain/outbox.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { MailTransport } from '../../mail/mail-transport.ts';
import type { ServiceContext } from '../context.ts';

/** How many messages one run of the job takes at most. */
const BATCH = 20;

export type DeliveryResult = Readonly<{ sent: number; failed: number; givenUp: number }>;

export function createOutboxService({ db, repos, clock }: ServiceContext, transport: MailTransport) {
  /** In the caller's transaction: the mail goes out once that transaction committed. */
  async function enqueueMail(trx: Executor, topic: string, message: MailMessage): Promise<void> {
    await repos.outbox.enqueue(trx, { channel: 'mail', topic, payload: message }, clock.now());
  }

  async function deliverMail(): Promise<DeliveryResult> {
    const now = clock.now();
    const leased = await db.transaction().execute((trx) => repos.outbox.leaseDue(trx, 'mail', now, new Date(now.getTime() + RETRY_POLICY.leaseMs), BATCH));
    let sent = 0;
    let failed = 0;
    let givenUp = 0;
    for (const entry of leased) {
      try {
        await transport.send(entry.payload as MailMessage);
        await repos.outbox.markSent(db, entry.id, clock.now());
        sent += 1;
      } catch (error) {
        const failedAt = clock.now();
        const next = nextAttemptAt(entry.createdAt, entry.attempts + 1, failedAt);
        await repos.outbox.markFailed(db, entry.id, error instanceof Error ? error.message : String(error), failedAt, next);
        if (next === null) givenUp += 1;
        else failed += 1;
      }
    }
    return { sent, failed, givenUp };
  }

  return { enqueueMail, deliverMail, transport: transport.describe() };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
