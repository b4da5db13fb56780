import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Executor } from './executor.ts';

/** vervallen: the line ended otherwise (cancelled, completed) before the adviseur decided. */
export type StopRequestState = 'open' | 'aanvaard' | 'afgewezen' | 'vervallen';

export type StopRequest = Readonly<{
  id: string;
  stepId: string;
  organisationId: string;
  requestedByLabel: string;
  requestedAt: Date;
  reason: string;
  proposedDate: CalendarDate;
  state: StopRequestState;
  handledByLabel: string | null;
  handledAt: Date | null;
  decisionReason: string | null;
}>;

export type OpenStopRequest = StopRequest &
  Readonly<{ clientId: string; clientName: string; organisationName: string; stepDate: CalendarDate }>;

export async function insert(
  trx: Executor,
  request: { stepId: string; organisationId: string; requestedBy: string; requestedByLabel: string; reason: string; proposedDate: CalendarDate },
  at: Date,
): Promise<string> {
  const row = await trx
    .insertInto('stop_requests')
    .values({
      step_id: request.stepId,
      organisation_id: request.organisationId,
      requested_by: request.requestedBy,
      requested_by_label: request.requestedByLabel,
      reason: request.reason,
      proposed_date: request.proposedDate,
      state: 'open',
      requested_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listForStep(trx: Executor, stepId: string): Promise<StopRequest[]> {
  const rows = await trx.selectFrom('stop_requests').selectAll().where('step_id', '=', stepId).orderBy('requested_at', 'desc').orderBy('seq', 'desc').execute();
  return rows.map(toStopRequest);
}

export async function findOpenForStep(trx: Executor, stepId: string): Promise<StopRequest | undefined> {
  const row = await trx
    .selectFrom('stop_requests')
    .selectAll()
    .where('step_id', '=', stepId)
    .where('state', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
  return row && toStopRequest(row);
}

/** "Te behandelen verzoeken": the open requests, oldest first. */
export async function listOpen(trx: Executor): Promise<OpenStopRequest[]> {
  const rows = await trx
    .selectFrom('stop_requests as r')
    .innerJoin('steps as s', 's.id', 'r.step_id')
    .innerJoin('clients as c', 'c.id', 's.client_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select(['s.client_id', 'c.first_name', 'c.family_name', 'o.name as organisation_name', 's.date as step_date'])
    .where('r.state', '=', 'open')
    .where('s.state', '=', 'bezig')
    .orderBy('r.requested_at')
    .orderBy('r.seq')
    .execute();
  return rows.map((row) => ({
    ...toStopRequest(row),
    clientId: row.client_id,
    clientName: `${row.first_name} ${row.family_name}`,
    organisationName: row.organisation_name,
    stepDate: row.step_date as CalendarDate,
  }));
}

export async function decide(
  trx: Executor,
  requestId: string,
  decision: { state: 'aanvaard' | 'afgewezen'; byLabel: string; at: Date; reason: string | null },
): Promise<boolean> {
  const result = await trx
    .updateTable('stop_requests')
    .set({ state: decision.state, handled_by_label: decision.byLabel, handled_at: decision.at, decision_reason: decision.reason })
    .where('id', '=', requestId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The open request of the line lapses; its id, when there was one. */
export async function lapseOpen(trx: Executor, stepId: string, by: { byLabel: string; at: Date }): Promise<string | undefined> {
  const row = await trx
    .updateTable('stop_requests')
    .set({ state: 'vervallen', handled_by_label: by.byLabel, handled_at: by.at })
    .where('step_id', '=', stepId)
    .where('state', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

function toStopRequest(row: {
  id: string;
  step_id: string;
  organisation_id: string;
  requested_by_label: string;
  requested_at: Date;
  reason: string;
  proposed_date: string;
  state: StopRequestState;
  handled_by_label: string | null;
  handled_at: Date | null;
  decision_reason: string | null;
}): StopRequest {
  return {
    id: row.id,
    stepId: row.step_id,
    organisationId: row.organisation_id,
    requestedByLabel: row.requested_by_label,
    requestedAt: row.requested_at,
    reason: row.reason,
    proposedDate: row.proposed_date as CalendarDate,
    state: row.state,
    handledByLabel: row.handled_by_label,
    handledAt: row.handled_at,
    decisionReason: row.decision_reason,
  };
}
