/**
 * W1–W3 (issue 17): the use cases raise their events here, inside their own transaction. Each
 * enabled endpoint of the event's organisation that follows the event gets one outbox row with
 * the JSON body as it will be sent; a rolled-back change leaves none. The end of access (A1) is
 * not a change anyone makes: `announceEndedAccess` (a periodic job) finds the attests whose access
 * period ended and raises `toegang.beeindigd` once per attest and end date.
 */
import { randomUUID } from 'node:crypto';
import { accessPeriodEnd } from '../../domain/access.ts';
import { addDays, compareDates, type CalendarDate } from '../../domain/calendar-date.ts';
import { orderingKeyOf, payloadOf, type DomainEvent } from '../../domain/webhooks/events.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { ServiceContext } from '../context.ts';
import type { OutboxService } from '../outbox/outbox-service.ts';

/** How many ended accesses one run announces at most (the rest follow in the next run). */
const ACCESS_ENDINGS_BATCH = 500;

/** A1: the latest attest end date whose access period ended before today. */
export function lastEndDateWithEndedAccess(today: CalendarDate): CalendarDate {
  // accessPeriodEnd is monotonic; month clamping makes several end dates share one access end.
  let candidate = addDays(today, -80);
  while (compareDates(accessPeriodEnd(addDays(candidate, 1)), today) < 0) candidate = addDays(candidate, 1);
  return candidate;
}

export function createWebhookEvents({ db, repos, clock }: ServiceContext, outbox: Pick<OutboxService, 'enqueueWebhook'>) {
  /** In the use case's transaction: one outbox row per endpoint that follows the event. */
  async function emit(trx: Executor, ...events: readonly DomainEvent[]): Promise<void> {
    // A sweep raises many events of few organisations: look each organisation's endpoints up once per type.
    const known = new Map<string, { id: string }[]>();
    for (const event of events) {
      const key = `${event.organisationId}|${event.type}`;
      const endpoints = known.get(key) ?? (await repos.webhooks.subscribers(trx, event.organisationId, event.type));
      known.set(key, endpoints);
      if (endpoints.length === 0) continue;
      const payload = payloadOf(event, randomUUID(), clock.now());
      const body = JSON.stringify(payload);
      for (const endpoint of endpoints) {
        await outbox.enqueueWebhook(trx, { endpointId: endpoint.id, orderingKey: orderingKeyOf(endpoint.id, event), message: { eventId: payload.id, eventType: event.type, body } });
      }
    }
  }

  /** `toegang.beeindigd` for every attest whose access period ended and was not announced yet. */
  async function announceEndedAccess(): Promise<{ announced: number }> {
    return db.transaction().execute(async (trx) => {
      const ended = await repos.webhooks.announceEndedAccess(trx, lastEndDateWithEndedAccess(clock.today()), clock.now(), ACCESS_ENDINGS_BATCH);
      await emit(trx, ...ended.map((e): DomainEvent => ({
        type: 'toegang.beeindigd',
        organisationId: e.organisationId,
        clientId: e.clientId,
        data: { attestId: e.attestId, endDate: e.endDate, accessUntil: accessPeriodEnd(e.endDate) },
      })));
      return { announced: ended.length };
    });
  }

  return { emit, announceEndedAccess };
}

export type WebhookEvents = ReturnType<typeof createWebhookEvents>;
export type EmitEvents = WebhookEvents['emit'];
