/**
 * The outbox: use cases put a message in it inside their own transaction (`enqueueMail`,
 * `enqueueWebhook`), and the `outbox-mail` and `outbox-webhooks` jobs deliver it after the commit.
 * A crash between commit and send loses nothing; a rolled-back change sends nothing; two instances
 * never hold the same message at once. Delivery is at least once: a worker that stops between
 * sending and marking the row lets another send it again after the lease (a webhook receiver
 * recognises the repeat by its event id).
 */
import { nextAttemptAt, RETRY_POLICY, type MailMessage, type WebhookMessage } from '../../domain/outbox.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { MailTransport } from '../../mail/mail-transport.ts';
import type { ServiceContext } from '../context.ts';
import type { SecretBox } from '../webhooks/secret-box.ts';
import type { Attempt, WebhookSender } from '../webhooks/webhook-sender.ts';

/** How many messages one run of the job takes at most. */
const BATCH = 20;
/** Webhooks: how many leases one run takes, so that a dossier's next event follows within the run. */
const WEBHOOK_ROUNDS = 10;

export type DeliveryResult = Readonly<{ sent: number; failed: number; givenUp: number }>;

export type OutboxWebhooks = Readonly<{ sender: WebhookSender; secrets: SecretBox }>;

export function createOutboxService({ db, repos, clock }: ServiceContext, transport: MailTransport, webhooks?: OutboxWebhooks) {
  /** In the caller's transaction: the mail goes out once that transaction committed. */
  async function enqueueMail(trx: Executor, topic: string, message: MailMessage): Promise<void> {
    await repos.outbox.enqueue(trx, { channel: 'mail', topic, payload: message }, clock.now());
  }

  /** In the caller's transaction: one delivery to one endpoint, in the queue `orderingKey` (endpoint + dossier). */
  async function enqueueWebhook(trx: Executor, delivery: { endpointId: string; orderingKey: string; message: WebhookMessage }): Promise<void> {
    await repos.outboxWebhooks.enqueue(trx, { ...delivery, topic: delivery.message.eventType }, clock.now());
  }

  /** A failed attempt: again after the back-off, or given up a day after the row was written. */
  async function reschedule(entry: { id: number; createdAt: Date; attempts: number }, error: string, status: number | null): Promise<boolean> {
    const failedAt = clock.now();
    const next = nextAttemptAt(entry.createdAt, entry.attempts + 1, failedAt);
    await repos.outbox.markFailed(db, entry.id, error, failedAt, next, status);
    return next === null;
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
        if (await reschedule(entry, error instanceof Error ? error.message : String(error), null)) givenUp += 1;
        else failed += 1;
      }
    }
    return { sent, failed, givenUp };
  }

  /**
   * W3: due webhook rows, each the oldest open row of its endpoint and dossier, leased and sent;
   * a delivered row lets the next of its queue go in the next round of the same run.
   */
  async function deliverWebhooks(): Promise<DeliveryResult> {
    if (webhooks === undefined) throw new Error('the outbox was created without a webhook sender');
    let sent = 0;
    let failed = 0;
    let givenUp = 0;
    for (let round = 0; round < WEBHOOK_ROUNDS; round++) {
      const now = clock.now();
      const leased = await db.transaction().execute((trx) => repos.outboxWebhooks.leaseDue(trx, now, new Date(now.getTime() + RETRY_POLICY.leaseMs), BATCH));
      if (leased.length === 0) break;
      let delivered = 0;
      for (const entry of leased) {
        const attempt = await attemptWebhook(webhooks, entry.endpointId, entry.message);
        if (attempt === 'endpoint-gone') {
          await repos.outbox.markFailed(db, entry.id, 'eindpunt uitgeschakeld of verwijderd', clock.now(), null);
          givenUp += 1;
        } else if (attempt.ok) {
          await repos.outbox.markSent(db, entry.id, clock.now(), attempt.status);
          sent += 1;
          delivered += 1;
        } else if (await reschedule(entry, attempt.error ?? 'mislukt', attempt.status)) {
          givenUp += 1;
        } else {
          failed += 1;
        }
      }
      if (delivered === 0) break;
    }
    return { sent, failed, givenUp };
  }

  async function attemptWebhook(with_: OutboxWebhooks, endpointId: string | null, message: WebhookMessage): Promise<Attempt | 'endpoint-gone'> {
    const endpoint = endpointId === null ? undefined : await repos.webhooks.findForDelivery(db, endpointId);
    if (endpoint === undefined || !endpoint.enabled) return 'endpoint-gone';
    let secret: string;
    try {
      secret = with_.secrets.open(endpoint.secretCiphertext);
    } catch {
      // WEBHOOK_SECRET_KEY changed: this row cannot be signed; it fails (and is given up in time) without stopping the others.
      return { ok: false, status: null, error: 'geheim niet leesbaar met de huidige WEBHOOK_SECRET_KEY' };
    }
    return with_.sender.send({ url: endpoint.url, secret }, message);
  }

  return { enqueueMail, enqueueWebhook, deliverMail, deliverWebhooks, transport: transport.describe() };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
