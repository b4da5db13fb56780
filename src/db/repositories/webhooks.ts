/** Webhook endpoints of the organisations and the announced ends of access (issue 17, migration 0018). */
import { sql } from 'kysely';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { isWebhookEventType } from '../../domain/webhooks/events.ts';
import type { WebhookEndpoint } from '../../domain/webhooks/endpoint.ts';
import type { Executor } from './executor.ts';

const COLUMNS = ['id', 'organisationId', 'url', 'events', 'enabled', 'createdByLabel', 'createdAt'] as const;

type Row = Readonly<{ id: string; organisationId: string; url: string; events: string[]; enabled: boolean; createdByLabel: string; createdAt: Date }>;

function toEndpoint(row: Row): WebhookEndpoint {
  return { ...row, events: row.events.filter(isWebhookEventType) };
}

export async function insert(
  trx: Executor,
  endpoint: { organisationId: string; url: string; events: readonly string[]; secretCiphertext: string; createdByLabel: string },
  at: Date,
): Promise<string> {
  const row = await trx
    .insertInto('webhook_endpoints')
    .values({ ...endpoint, events: [...endpoint.events], createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listForOrganisation(trx: Executor, organisationId: string): Promise<WebhookEndpoint[]> {
  const rows = await trx.selectFrom('webhook_endpoints').select(COLUMNS).where('organisationId', '=', organisationId).orderBy('seq').execute();
  return rows.map(toEndpoint);
}

export async function countForOrganisation(trx: Executor, organisationId: string): Promise<number> {
  const row = await trx.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<number | string>().as('n')).where('organisationId', '=', organisationId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The endpoint of this organisation, locked for the change; undefined for another's or an unknown one. */
export async function findOfOrganisationForUpdate(trx: Executor, organisationId: string, id: string): Promise<WebhookEndpoint | undefined> {
  const row = await trx.selectFrom('webhook_endpoints').select(COLUMNS).where('id', '=', id).where('organisationId', '=', organisationId).forUpdate().executeTakeFirst();
  return row === undefined ? undefined : toEndpoint(row);
}

/** Enabled endpoints of the organisation that follow the event. */
export async function subscribers(trx: Executor, organisationId: string, eventType: string): Promise<{ id: string }[]> {
  return trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('organisationId', '=', organisationId)
    .where('enabled', '=', true)
    .where(sql<boolean>`${eventType} = any(events)`)
    .orderBy('seq')
    .execute();
}

/** What a delivery needs: where to, the sealed secret, whether it is still enabled. */
export async function findForDelivery(trx: Executor, id: string): Promise<{ url: string; secretCiphertext: string; enabled: boolean } | undefined> {
  return trx.selectFrom('webhook_endpoints').select(['url', 'secretCiphertext', 'enabled']).where('id', '=', id).executeTakeFirst();
}

export async function setEnabled(trx: Executor, id: string, enabled: boolean, at: Date): Promise<void> {
  await trx.updateTable('webhook_endpoints').set({ enabled, updatedAt: at }).where('id', '=', id).execute();
}

export async function remove(trx: Executor, id: string): Promise<void> {
  await trx.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

export type EndedAccess = Readonly<{ attestId: string; clientId: string; organisationId: string; endDate: CalendarDate }>;

/**
 * Approved attests whose access period (A1) ended (end date on or before `lastEndedEndDate`) and
 * whose end was not yet announced for this end date; each is recorded as announced, in one
 * statement, so that a second run (or instance) finds nothing.
 */
export async function announceEndedAccess(trx: Executor, lastEndedEndDate: CalendarDate, at: Date, limit: number): Promise<EndedAccess[]> {
  const result = await sql<{ attestId: string; clientId: string; organisationId: string; endDate: string }>`
    with due as (
      select a.id, a.client_id, a.organisation_id, a.end_date
        from attests a
        left join webhook_access_endings e on e.attest_id = a.id
       where a.state = 'goedgekeurd' and a.end_date <= ${lastEndedEndDate}::date
         and (e.attest_id is null or e.end_date <> a.end_date)
       order by a.end_date, a.id
       limit ${limit}
    ), marked as (
      insert into webhook_access_endings (attest_id, end_date, announced_at)
      select id, end_date, ${at}::timestamptz from due
      on conflict (attest_id) do update set end_date = excluded.end_date, announced_at = excluded.announced_at
      returning attest_id
    )
    select due.id as attest_id, due.client_id, due.organisation_id, due.end_date::text as end_date
      from due join marked on marked.attest_id = due.id`.execute(trx);
  return result.rows.map((r) => ({ attestId: r.attestId, clientId: r.clientId, organisationId: r.organisationId, endDate: r.endDate as CalendarDate }));
}

/** The attest a step was registered under (for the payload of a step's event), null when none. */
export async function attestOfStep(trx: Executor, stepId: string): Promise<string | null> {
  const row = await trx.selectFrom('steps').select('attestId').where('id', '=', stepId).executeTakeFirst();
  return row?.attestId ?? null;
}
