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
      stepId: request.stepId,
      organisationId: request.organisationId,
      requestedBy: request.requestedBy,
      requestedByLabel: request.requestedByLabel,
      reason: request.reason,
      proposedDate: request.proposedDate,
      state: 'open',
      requestedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listForStep(trx: Executor, stepId: string): Promise<StopRequest[]> {
  const rows = await trx.selectFrom('stop_requests').selectAll().where('stepId', '=', stepId).orderBy('requestedAt', 'desc').orderBy('seq', 'desc').execute();
  return rows.map(toStopRequest);
}

export async function findOpenForStep(trx: Executor, stepId: string): Promise<StopRequest | undefined> {
  const row = await trx
    .selectFrom('stop_requests')
    .selectAll()
    .where('stepId', '=', stepId)
    .where('state', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
  return row && toStopRequest(row);
}

/** "Te behandelen verzoeken": the open requests, oldest first. */
export async function listOpen(trx: Executor): Promise<OpenStopRequest[]> {
  const rows = await trx
    .selectFrom('stop_requests as r')
    .innerJoin('steps as s', 's.id', 'r.stepId')
    .innerJoin('clients as c', 'c.id', 's.clientId')
    .innerJoin('organisations as o', 'o.id', 'r.organisationId')
    .selectAll('r')
    .select(['s.clientId', 'c.firstName', 'c.familyName', 'o.name as organisationName', 's.date as stepDate'])
    .where('r.state', '=', 'open')
    .where('s.state', '=', 'bezig')
    .orderBy('r.requestedAt')
    .orderBy('r.seq')
    .execute();
  return rows.map((row) => ({
    ...toStopRequest(row),
    clientId: row.clientId,
    clientName: `${row.firstName} ${row.familyName}`,
    organisationName: row.organisationName,
    stepDate: row.stepDate as CalendarDate,
  }));
}

export async function decide(
  trx: Executor,
  requestId: string,
  decision: { state: 'aanvaard' | 'afgewezen'; byLabel: string; at: Date; reason: string | null },
): Promise<boolean> {
  const result = await trx
    .updateTable('stop_requests')
    .set({ state: decision.state, handledByLabel: decision.byLabel, handledAt: decision.at, decisionReason: decision.reason })
    .where('id', '=', requestId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The open request of the line lapses; its id, when there was one. */
export async function lapseOpen(trx: Executor, stepId: string, by: { byLabel: string; at: Date }): Promise<string | undefined> {
  const row = await trx
    .updateTable('stop_requests')
    .set({ state: 'vervallen', handledByLabel: by.byLabel, handledAt: by.at })
    .where('stepId', '=', stepId)
    .where('state', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

function toStopRequest(row: {
  id: string;
  stepId: string;
  organisationId: string;
  requestedByLabel: string;
  requestedAt: Date;
  reason: string;
  proposedDate: string;
  state: StopRequestState;
  handledByLabel: string | null;
  handledAt: Date | null;
  decisionReason: string | null;
}): StopRequest {
  return {
    id: row.id,
    stepId: row.stepId,
    organisationId: row.organisationId,
    requestedByLabel: row.requestedByLabel,
    requestedAt: row.requestedAt,
    reason: row.reason,
    proposedDate: row.proposedDate as CalendarDate,
    state: row.state,
    handledByLabel: row.handledByLabel,
    handledAt: row.handledAt,
    decisionReason: row.decisionReason,
  };
}
