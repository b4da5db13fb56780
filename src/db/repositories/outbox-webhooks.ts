/**
 * The webhook rows of the one outbox (issue 17, migration 0018): written in the change's
 * transaction, one per endpoint that follows the event, each in the queue of its endpoint and
 * dossier (`ordering_key`). A row is due only when it is the oldest row of its queue that is
 * neither sent nor given up (W3: in order per dossier); rows are leased as the mail rows are.
 */
import { sql } from 'kysely';
import type { WebhookMessage } from '../../domain/outbox.ts';
import type { Executor } from './executor.ts';

export type WebhookEntry = Readonly<{ id: number; endpointId: string | null; message: WebhookMessage; createdAt: Date; attempts: number }>;

export async function enqueue(trx: Executor, row: { endpointId: string; orderingKey: string; topic: string; message: WebhookMessage }, at: Date): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ channel: 'webhook', topic: row.topic, payload: JSON.stringify(row.message), createdAt: at, availableAt: at, webhookEndpointId: row.endpointId, orderingKey: row.orderingKey })
    .execute();
}

/** Up to `limit` due webhook rows, each the head of its queue, now leased until `leaseUntil`. */
export async function leaseDue(trx: Executor, now: Date, leaseUntil: Date, limit: number): Promise<WebhookEntry[]> {
  const result = await sql<{ id: number; webhookEndpointId: string | null; payload: WebhookMessage; created: Date; attempts: number }>`
    update outbox set available_at = ${leaseUntil}
     where id in (
       select o.id from outbox o
        where o.channel = 'webhook' and o.sent_at is null and o.given_up_at is null and o.available_at <= ${now}
          and not exists (
            select 1 from outbox earlier
             where earlier.channel = 'webhook' and earlier.ordering_key = o.ordering_key and earlier.id < o.id
               and earlier.sent_at is null and earlier.given_up_at is null)
        order by o.available_at, o.id
        limit ${limit}
        for update skip locked)
    returning id, webhook_endpoint_id, payload, created_at as created, attempts`.execute(trx);
  return result.rows
    .map((row) => ({ id: row.id, endpointId: row.webhookEndpointId, message: row.payload, createdAt: new Date(row.created), attempts: row.attempts }))
    .sort((a, b) => a.id - b.id);
}

/** An endpoint disabled or deleted: what still waits for it is given up, its payload emptied. */
export async function giveUpPending(trx: Executor, endpointId: string, reason: string, at: Date): Promise<number> {
  const rows = await trx
    .updateTable('outbox')
    .set({ givenUpAt: at, payload: '{}', lastError: reason })
    .where('channel', '=', 'webhook')
    .where('webhookEndpointId', '=', endpointId)
    .where('sentAt', 'is', null)
    .where('givenUpAt', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

export type DeliveryState = Readonly<{
  endpointId: string;
  topic: string;
  attempts: number;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  sentAt: Date | null;
  givenUpAt: Date | null;
  /** The next attempt while it waits; the end of the lease while an attempt runs. */
  availableAt: Date;
  /** Rows of this endpoint that are neither sent nor given up. */
  pending: number;
}>;

/** Per endpoint: its latest delivery and how many still wait. */
export async function lastDeliveries(trx: Executor, endpointIds: readonly string[]): Promise<Map<string, DeliveryState>> {
  if (endpointIds.length === 0) return new Map();
  const result = await sql<{
    endpointId: string; topic: string; attempts: number; lastAttemptAt: Date | null; lastStatus: number | null; lastError: string | null;
    sentAt: Date | null; givenUpAt: Date | null; availableAt: Date; pending: number;
  }>`
    select distinct on (o.webhook_endpoint_id)
           o.webhook_endpoint_id as endpoint_id, o.topic, o.attempts, o.last_attempt_at, o.last_status, o.last_error, o.sent_at, o.given_up_at, o.available_at,
           (select count(*)::int from outbox p where p.webhook_endpoint_id = o.webhook_endpoint_id and p.sent_at is null and p.given_up_at is null) as pending
      from outbox o
     where o.webhook_endpoint_id in (${sql.join(endpointIds.map((id) => sql`${id}::uuid`))})
     order by o.webhook_endpoint_id, o.id desc`.execute(trx);
  const date = (d: Date | null): Date | null => (d === null ? null : new Date(d));
  // Raw rows come back through the CamelCasePlugin like every other.
  return new Map(result.rows.map((r) => [r.endpointId, {
    endpointId: r.endpointId, topic: r.topic, attempts: r.attempts, lastAttemptAt: date(r.lastAttemptAt), lastStatus: r.lastStatus, lastError: r.lastError,
    sentAt: date(r.sentAt), givenUpAt: date(r.givenUpAt), availableAt: new Date(r.availableAt), pending: r.pending,
  }]));
}
