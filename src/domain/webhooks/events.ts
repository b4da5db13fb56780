/**
 * W1–W3 (issue 17, webhooks): the events an organisation can follow, and the one shape of their
 * payload. Codes are Dutch and stable, in the style of the audit actions (`attest.goedgekeurd`);
 * states are the stored codes (`bezig`, `stopgezet`, …). A payload carries ids, dates and states,
 * never a name, an INSZ or free text (a reason, a summary): the receiver fetches what it may see.
 */

export const WEBHOOK_EVENT_TYPES = [
  'attest.goedgekeurd',
  'attest.afgewezen',
  'attest.verlengd',
  'stap.stopgezet',
  'stopverzoek.afgewezen',
  'stap.uitgevoerd',
  'toegang.beeindigd',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

type Id = string;
type IsoDate = string;

/** What each event says beyond the envelope: ids, dates (YYYY-MM-DD) and state codes only. */
export type WebhookEventData = {
  'attest.goedgekeurd': { attestRequestId: Id; attestId: Id; state: 'goedgekeurd'; startDate: IsoDate; endDate: IsoDate; accessUntil: IsoDate };
  'attest.afgewezen': { attestRequestId: Id; kind: 'nieuw' | 'verlenging'; attestId: Id | null; state: 'afgewezen' };
  'attest.verlengd': {
    attestRequestId: Id;
    attestId: Id;
    state: 'goedgekeurd';
    previousEndDate: IsoDate;
    endDate: IsoDate;
    accessUntil: IsoDate;
    /** The Bezig Outplacement line whose end moved along, if any. */
    stepId: Id | null;
  };
  'stap.stopgezet': { stepId: Id; attestId: Id | null; state: 'stopgezet'; date: IsoDate; stopRequestId: Id | null; automatic: boolean };
  'stopverzoek.afgewezen': { stepId: Id; stopRequestId: Id; state: 'afgewezen'; stepState: 'bezig' | 'geannuleerd' | 'stopgezet' | 'uitgevoerd' };
  'stap.uitgevoerd': { stepId: Id; attestId: Id | null; state: 'uitgevoerd'; date: IsoDate; automatic: true };
  'toegang.beeindigd': { attestId: Id; endDate: IsoDate; accessUntil: IsoDate };
};

/** An event as the use case raises it: whose it is (the partner organisation) and about which dossier. */
export type DomainEvent<T extends WebhookEventType = WebhookEventType> = T extends WebhookEventType
  ? Readonly<{ type: T; organisationId: Id; clientId: Id | null; data: WebhookEventData[T] }>
  : never;

/** The JSON body of a delivery. `id` is the event's id: the same in every attempt. */
export type WebhookPayload = Readonly<{
  id: Id;
  type: WebhookEventType;
  occurredAt: string;
  organisationId: Id;
  /** The dossier (`/dossiers/{clientId}`); null for a rejected new request without a client. */
  clientId: Id | null;
  data: Readonly<Record<string, unknown>>;
}>;

export function payloadOf(event: DomainEvent, id: Id, occurredAt: Date): WebhookPayload {
  return { id, type: event.type, occurredAt: occurredAt.toISOString(), organisationId: event.organisationId, clientId: event.clientId, data: { ...event.data } };
}

/**
 * The queue a delivery waits in (W3): one per endpoint and dossier, so that a later event about
 * the same dossier leaves only after the earlier one was delivered or given up. A rejected request
 * without a dossier queues on its request.
 */
export function orderingKeyOf(endpointId: Id, event: DomainEvent): string {
  const subject = event.clientId ?? `aanvraag:${(event.data as { attestRequestId?: string }).attestRequestId ?? 'onbekend'}`;
  return `${endpointId}/${subject}`;
}
