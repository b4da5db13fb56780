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

const STOP_REQUEST_COLUMNS = [
  'r.id',
  'r.stepId',
  'r.organisationId',
  'r.requestedByLabel',
  'r.requestedAt',
  'r.reason',
  'r.proposedDate',
  'r.state',
  'r.handledByLabel',
  'r.handledAt',
  'r.decisionReason',
] as const;

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
  const rows = await trx.selectFrom('stop_requests as r').select(STOP_REQUEST_COLUMNS).where('r.stepId', '=', stepId).orderBy('r.requestedAt', 'desc').orderBy('r.seq', 'desc').execute();
  return rows.map(toStopRequest);
}

export async function findOpenForStep(trx: Executor, stepId: string): Promise<StopRequest | undefined> {
  const row = await trx
    .selectFrom('stop_requests as r')
    .select(STOP_REQUEST_COLUMNS)
    .where('r.stepId', '=', stepId)
    .where('r.state', '=', 'open')
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
    .select([...STOP_REQUEST_COLUMNS, 's.clientId', 'c.firstName', 'c.familyName', 'o.name as organisationName', 's.date as stepDate'])
    .where('r.state', '=', 'open')
    .where('s.state', '=', 'bezig')
    .orderBy('r.requestedAt')
    .orderBy('r.seq')
    .execute();
  return rows.map(({ clientId, firstName, familyName, organisationName, stepDate, ...request }) => ({
    ...toStopRequest(request),
    clientId,
    clientName: `${firstName} ${familyName}`,
    organisationName,
    stepDate: stepDate as CalendarDate,
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

function toStopRequest(row: Omit<StopRequest, 'proposedDate'> & { proposedDate: string }): StopRequest {
  return { ...row, proposedDate: row.proposedDate as CalendarDate };
}
