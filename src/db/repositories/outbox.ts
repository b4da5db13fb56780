/**
 * The outbox: written in the transaction of a change, delivered after it committed. A worker
 * leases due rows (FOR UPDATE SKIP LOCKED, then `available_at` moves past the lease), so that two
 * workers never hold the same message; it then marks each sent or reschedules it.
 */
import { sql } from 'kysely';
import type { OutboxChannel } from '../../domain/outbox.ts';
import type { Executor } from './executor.ts';

export type OutboxEntry = Readonly<{ id: number; channel: OutboxChannel; topic: string; payload: Record<string, unknown>; createdAt: Date; attempts: number }>;

export async function enqueue(trx: Executor, message: { channel: OutboxChannel; topic: string; payload: Record<string, unknown> }, at: Date): Promise<number> {
  const row = await trx
    .insertInto('outbox')
    .values({ channel: message.channel, topic: message.topic, payload: JSON.stringify(message.payload), createdAt: at, availableAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Up to `limit` due messages of the channel, oldest first, now leased until `leaseUntil`. */
export async function leaseDue(trx: Executor, channel: OutboxChannel, now: Date, leaseUntil: Date, limit: number): Promise<OutboxEntry[]> {
  const result = await sql<{ id: number; channel: OutboxChannel; topic: string; payload: Record<string, unknown>; created: Date; attempts: number }>`
    update outbox set available_at = ${leaseUntil}
     where id in (
       select id from outbox
        where channel = ${channel} and sent_at is null and given_up_at is null and available_at <= ${now}
        order by available_at, id
        limit ${limit}
        for update skip locked)
    returning id, channel, topic, payload, created_at as created, attempts`.execute(trx);
  return result.rows
    .map((row) => ({ id: row.id, channel: row.channel, topic: row.topic, payload: row.payload, createdAt: new Date(row.created), attempts: row.attempts }))
    .sort((a, b) => a.id - b.id);
}

/** Delivered: the payload is emptied, the topic and the times stay (a webhook's HTTP status too). */
export async function markSent(trx: Executor, id: number, at: Date, status: number | null = null): Promise<void> {
  await trx
    .updateTable('outbox')
    .set((eb) => ({ sentAt: at, payload: '{}', attempts: eb('attempts', '+', 1), lastError: null, lastAttemptAt: at, lastStatus: status }))
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: tried again at `nextAt`, or given up (payload emptied) when null. */
export async function markFailed(trx: Executor, id: number, error: string, at: Date, nextAt: Date | null, status: number | null = null): Promise<void> {
  await trx
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      lastError: error.slice(0, 500),
      lastAttemptAt: at,
      lastStatus: status,
      ...(nextAt === null ? { givenUpAt: at, payload: '{}' } : { availableAt: nextAt }),
    }))
    .where('id', '=', id)
    .execute();
}

export type OutboxState = Readonly<{ id: number; topic: string; attempts: number; lastError: string | null; sentAt: Date | null; givenUpAt: Date | null; availableAt: Date }>;

/** For tests and the operator: the messages of a topic, oldest first. */
export async function listByTopic(trx: Executor, topic: string): Promise<OutboxState[]> {
  const rows = await trx
    .selectFrom('outbox')
    .select(['id', 'topic', 'attempts', 'lastError', 'sentAt', 'givenUpAt', 'availableAt'])
    .where('topic', '=', topic)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, topic: r.topic, attempts: r.attempts, lastError: r.lastError, sentAt: r.sentAt, givenUpAt: r.givenUpAt, availableAt: r.availableAt }));
}
