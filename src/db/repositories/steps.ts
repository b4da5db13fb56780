import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { RunningOutplacement } from '../../domain/clients.ts';
import { officeLabel } from '../../domain/organisations.ts';
import type { Step, StepFilter, StepLine, StepState } from '../../domain/steps/step.ts';
import type { Executor } from './executor.ts';

function selectSteps(trx: Executor) {
  return trx
    .selectFrom('steps as s')
    .innerJoin('step_types as t', 't.code', 's.stepTypeCode')
    .innerJoin('organisations as o', 'o.id', 's.organisationId')
    .innerJoin('offices as rq', 'rq.id', 's.requesterOfficeId')
    .innerJoin('offices as ex', 'ex.id', 's.executorOfficeId')
    .leftJoin('funding_numbers as fn', 'fn.id', 's.fundingNumberId')
    .select([
      's.id',
      's.clientId',
      's.organisationId',
      'o.name as organisationName',
      't.code as typeCode',
      't.label as typeLabel',
      't.kind as typeKind',
      's.state',
      's.date',
      's.startDate',
      's.endDate',
      's.fundingNumberId',
      'fn.code as fundingCode',
      'fn.description as fundingDescription',
      's.requesterOfficeId',
      'rq.name as requesterName',
      'rq.code as requesterCode',
      's.executorOfficeId',
      'ex.name as executorName',
      'ex.code as executorCode',
      's.summary',
      's.endedOn',
      's.plannedStopDate',
      's.summaryClosed',
      's.version',
      's.updatedAt',
      's.updatedByLabel',
    ]);
}

type StepRow = Awaited<ReturnType<ReturnType<typeof selectSteps>['executeTakeFirstOrThrow']>>;

/** The client's steps for the overview: newest Datum first (O5). */
export async function listForClient(trx: Executor, clientId: string, filter: StepFilter): Promise<Step[]> {
  if (filter.states.length === 0 || filter.typeCodes?.length === 0) return [];
  let query = selectSteps(trx).where('s.clientId', '=', clientId).where('s.state', 'in', filter.states);
  if (filter.typeCodes !== null) query = query.where('s.stepTypeCode', 'in', filter.typeCodes);
  const rows = await query.orderBy('s.date', 'desc').orderBy('s.seq', 'desc').execute();
  return rows.map(toStep);
}

/** O5: the client's lines for the overview, newest Datum first. */
export async function listLinesForClient(trx: Executor, clientId: string, filter: StepFilter): Promise<StepLine[]> {
  if (filter.states.length === 0 || filter.typeCodes?.length === 0) return [];
  let query = trx
    .selectFrom('steps as s')
    .innerJoin('step_types as t', 't.code', 's.stepTypeCode')
    .innerJoin('organisations as o', 'o.id', 's.organisationId')
    .select(['s.id', 's.clientId', 'o.name as organisationName', 't.code', 't.label', 't.kind', 's.state', 's.date', 's.plannedStopDate'])
    .where('s.clientId', '=', clientId)
    .where('s.state', 'in', filter.states);
  if (filter.typeCodes !== null) query = query.where('s.stepTypeCode', 'in', filter.typeCodes);
  const rows = await query.orderBy('s.date', 'desc').orderBy('s.seq', 'desc').execute();
  return rows.map(({ code, label, kind, date, plannedStopDate, ...line }) => ({
    ...line,
    type: { code, label, kind },
    date: date as CalendarDate,
    plannedStopDate: plannedStopDate as CalendarDate | null,
  }));
}

export async function findById(trx: Executor, stepId: string, options: { forUpdate?: boolean } = {}): Promise<Step | undefined> {
  let query = selectSteps(trx).where('s.id', '=', stepId);
  if (options.forUpdate === true) query = query.forUpdate('s');
  const row = await query.executeTakeFirst();
  return row && toStep(row);
}

export async function findRunningOutplacement(trx: Executor, clientId: string, organisationId: string): Promise<{ id: string } | undefined> {
  return trx
    .selectFrom('steps')
    .select('id')
    .where('clientId', '=', clientId)
    .where('organisationId', '=', organisationId)
    .where('stepTypeCode', '=', 'outplacement')
    .where('state', '=', 'bezig')
    .executeTakeFirst();
}

/** "Mijn klanten" (issue 15 defect 12): the organisation's Bezig Outplacement lines of these clients. */
export async function runningOutplacementsOf(
  trx: Executor,
  organisationId: string,
  clientIds: readonly string[],
): Promise<Map<string, RunningOutplacement>> {
  if (clientIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('steps')
    .select(['id', 'clientId', 'date', 'endDate'])
    .where('organisationId', '=', organisationId)
    .where('clientId', 'in', clientIds)
    .where('stepTypeCode', '=', 'outplacement')
    .where('state', '=', 'bezig')
    .execute();
  return new Map(rows.map((r) => [r.clientId, { stepId: r.id, date: r.date as CalendarDate, endDate: r.endDate as CalendarDate | null }]));
}

export type NewStep = Readonly<{
  clientId: string;
  organisationId: string;
  typeCode: string;
  date: CalendarDate;
  endDate: CalendarDate | null;
  attestId: string | null;
  fundingNumberId: string | null;
  requesterOfficeId: string;
  executorOfficeId: string;
  summary: string;
  createdBy: string;
  createdByLabel: string;
}>;

export async function insert(trx: Executor, step: NewStep, at: Date): Promise<string> {
  const row = await trx
    .insertInto('steps')
    .values({
      clientId: step.clientId,
      organisationId: step.organisationId,
      stepTypeCode: step.typeCode,
      state: 'bezig',
      date: step.date,
      startDate: step.date,
      endDate: step.endDate,
      attestId: step.attestId,
      fundingNumberId: step.fundingNumberId,
      requesterOfficeId: step.requesterOfficeId,
      executorOfficeId: step.executorOfficeId,
      summary: step.summary,
      createdBy: step.createdBy,
      updatedByLabel: step.createdByLabel,
      createdAt: at,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type StepChanges = Partial<
  Readonly<{
    state: StepState;
    date: CalendarDate;
    startDate: CalendarDate;
    fundingNumberId: string | null;
    executorOfficeId: string;
    summary: string;
    endedOn: CalendarDate | null;
    plannedStopDate: CalendarDate | null;
  }>
>;

/** Applies the changes when the line is still at `expectedVersion` (O12); false otherwise. */
export async function update(trx: Executor, stepId: string, expectedVersion: number, changes: StepChanges, by: { label: string; at: Date }): Promise<boolean> {
  const result = await trx
    .updateTable('steps')
    .set((eb) => ({
      ...(changes.state !== undefined ? { state: changes.state } : {}),
      ...(changes.date !== undefined ? { date: changes.date } : {}),
      ...(changes.startDate !== undefined ? { startDate: changes.startDate } : {}),
      ...(changes.fundingNumberId !== undefined ? { fundingNumberId: changes.fundingNumberId } : {}),
      ...(changes.executorOfficeId !== undefined ? { executorOfficeId: changes.executorOfficeId } : {}),
      ...(changes.summary !== undefined ? { summary: changes.summary } : {}),
      ...(changes.endedOn !== undefined ? { endedOn: changes.endedOn } : {}),
      // O8: a line that leaves Bezig holds no planned stop (the database checks it too).
      ...(changes.plannedStopDate !== undefined ? { plannedStopDate: changes.plannedStopDate } : changes.state !== undefined && changes.state !== 'bezig' ? { plannedStopDate: null } : {}),
      version: eb('version', '+', 1),
      updatedByLabel: by.label,
      updatedAt: by.at,
    }))
    .where('id', '=', stepId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toStep(row: StepRow): Step {
  return {
    id: row.id,
    clientId: row.clientId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    type: { code: row.typeCode, label: row.typeLabel, kind: row.typeKind },
    state: row.state,
    date: row.date as CalendarDate,
    startDate: row.startDate as CalendarDate,
    endDate: row.endDate as CalendarDate | null,
    fundingNumber:
      row.fundingNumberId !== null && row.fundingCode !== null
        ? { id: row.fundingNumberId, code: row.fundingCode, description: row.fundingDescription ?? '' }
        : null,
    requester: { id: row.requesterOfficeId, label: officeLabel({ name: row.requesterName, code: row.requesterCode }) },
    executor: { id: row.executorOfficeId, label: officeLabel({ name: row.executorName, code: row.executorCode }) },
    summary: row.summary,
    endedOn: row.endedOn as CalendarDate | null,
    plannedStopDate: row.plannedStopDate as CalendarDate | null,
    summaryClosed: row.summaryClosed,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedByLabel: row.updatedByLabel,
  };
}

/** A4: the Outplacement lines registered on an attest, rows locked until the transaction ends. */
export async function linesOfAttestForUpdate(
  trx: Executor,
  attestId: string,
): Promise<{ id: string; clientId: string; state: StepState; endDate: CalendarDate | null; version: number; typeLabel: string }[]> {
  const rows = await trx
    .selectFrom('steps as s')
    .innerJoin('step_types as t', 't.code', 's.stepTypeCode')
    .select(['s.id', 's.clientId', 's.state', 's.endDate', 's.version', 't.label'])
    .where('s.attestId', '=', attestId)
    .where('s.stepTypeCode', '=', 'outplacement')
    .orderBy('s.seq', 'desc')
    .forUpdate('s')
    .execute();
  return rows.map((r) => ({ id: r.id, clientId: r.clientId, state: r.state, endDate: r.endDate as CalendarDate | null, version: r.version, typeLabel: r.label }));
}

/** A4: the line's end date (and so its automatic completion, O9) moves with the attest; it stays Bezig. */
export async function moveEndDate(trx: Executor, stepId: string, to: CalendarDate, by: { label: string; at: Date }): Promise<boolean> {
  const result = await trx
    .updateTable('steps')
    .set((eb) => ({ endDate: to, version: eb('version', '+', 1), updatedByLabel: by.label, updatedAt: by.at }))
    .where('id', '=', stepId)
    .where('state', '=', 'bezig')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
