import type { CalendarDate } from '../../domain/calendar-date.ts';
import { officeLabel } from '../../domain/organisations.ts';
import type { Step, StepFilter, StepLine, StepState } from '../../domain/steps/step.ts';
import type { Executor } from './executor.ts';

function selectSteps(trx: Executor) {
  return trx
    .selectFrom('steps as s')
    .innerJoin('step_types as t', 't.code', 's.step_type_code')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .innerJoin('offices as rq', 'rq.id', 's.requester_office_id')
    .innerJoin('offices as ex', 'ex.id', 's.executor_office_id')
    .leftJoin('funding_numbers as fn', 'fn.id', 's.funding_number_id')
    .select([
      's.id',
      's.client_id',
      's.organisation_id',
      'o.name as organisation_name',
      't.code as type_code',
      't.label as type_label',
      't.kind as type_kind',
      's.state',
      's.date',
      's.start_date',
      's.end_date',
      's.funding_number_id',
      'fn.code as funding_code',
      'fn.description as funding_description',
      's.requester_office_id',
      'rq.name as requester_name',
      'rq.code as requester_code',
      's.executor_office_id',
      'ex.name as executor_name',
      'ex.code as executor_code',
      's.summary',
      's.ended_on',
      's.summary_closed',
      's.version',
      's.updated_at',
      's.updated_by_label',
    ]);
}

type StepRow = Awaited<ReturnType<ReturnType<typeof selectSteps>['executeTakeFirstOrThrow']>>;

/** The client's steps for the overview: newest Datum first (O5). */
export async function listForClient(trx: Executor, clientId: string, filter: StepFilter): Promise<Step[]> {
  if (filter.states.length === 0 || filter.typeCodes?.length === 0) return [];
  let query = selectSteps(trx).where('s.client_id', '=', clientId).where('s.state', 'in', filter.states);
  if (filter.typeCodes !== null) query = query.where('s.step_type_code', 'in', filter.typeCodes);
  const rows = await query.orderBy('s.date', 'desc').orderBy('s.seq', 'desc').execute();
  return rows.map(toStep);
}

/** O5: the client's lines for the overview, newest Datum first. */
export async function listLinesForClient(trx: Executor, clientId: string, filter: StepFilter): Promise<StepLine[]> {
  if (filter.states.length === 0 || filter.typeCodes?.length === 0) return [];
  let query = trx
    .selectFrom('steps as s')
    .innerJoin('step_types as t', 't.code', 's.step_type_code')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.client_id', 'o.name as organisation_name', 't.code', 't.label', 't.kind', 's.state', 's.date'])
    .where('s.client_id', '=', clientId)
    .where('s.state', 'in', filter.states);
  if (filter.typeCodes !== null) query = query.where('s.step_type_code', 'in', filter.typeCodes);
  const rows = await query.orderBy('s.date', 'desc').orderBy('s.seq', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    organisationName: row.organisation_name,
    type: { code: row.code, label: row.label, kind: row.kind },
    state: row.state,
    date: row.date as CalendarDate,
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
    .where('client_id', '=', clientId)
    .where('organisation_id', '=', organisationId)
    .where('step_type_code', '=', 'outplacement')
    .where('state', '=', 'bezig')
    .executeTakeFirst();
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
      client_id: step.clientId,
      organisation_id: step.organisationId,
      step_type_code: step.typeCode,
      state: 'bezig',
      date: step.date,
      start_date: step.date,
      end_date: step.endDate,
      attest_id: step.attestId,
      funding_number_id: step.fundingNumberId,
      requester_office_id: step.requesterOfficeId,
      executor_office_id: step.executorOfficeId,
      summary: step.summary,
      created_by: step.createdBy,
      updated_by_label: step.createdByLabel,
      created_at: at,
      updated_at: at,
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
  }>
>;

/** Applies the changes when the line is still at `expectedVersion` (O12); false otherwise. */
export async function update(trx: Executor, stepId: string, expectedVersion: number, changes: StepChanges, by: { label: string; at: Date }): Promise<boolean> {
  const result = await trx
    .updateTable('steps')
    .set((eb) => ({
      ...(changes.state !== undefined ? { state: changes.state } : {}),
      ...(changes.date !== undefined ? { date: changes.date } : {}),
      ...(changes.startDate !== undefined ? { start_date: changes.startDate } : {}),
      ...(changes.fundingNumberId !== undefined ? { funding_number_id: changes.fundingNumberId } : {}),
      ...(changes.executorOfficeId !== undefined ? { executor_office_id: changes.executorOfficeId } : {}),
      ...(changes.summary !== undefined ? { summary: changes.summary } : {}),
      ...(changes.endedOn !== undefined ? { ended_on: changes.endedOn } : {}),
      version: eb('version', '+', 1),
      updated_by_label: by.label,
      updated_at: by.at,
    }))
    .where('id', '=', stepId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toStep(row: StepRow): Step {
  return {
    id: row.id,
    clientId: row.client_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    type: { code: row.type_code, label: row.type_label, kind: row.type_kind },
    state: row.state,
    date: row.date as CalendarDate,
    startDate: row.start_date as CalendarDate,
    endDate: row.end_date as CalendarDate | null,
    fundingNumber:
      row.funding_number_id !== null && row.funding_code !== null
        ? { id: row.funding_number_id, code: row.funding_code, description: row.funding_description ?? '' }
        : null,
    requester: { id: row.requester_office_id, label: officeLabel({ name: row.requester_name, code: row.requester_code }) },
    executor: { id: row.executor_office_id, label: officeLabel({ name: row.executor_name, code: row.executor_code }) },
    summary: row.summary,
    endedOn: row.ended_on as CalendarDate | null,
    summaryClosed: row.summary_closed,
    version: row.version,
    updatedAt: row.updated_at,
    updatedByLabel: row.updated_by_label,
  };
}

/** A4: the Outplacement lines registered on an attest, rows locked until the transaction ends. */
export async function linesOfAttestForUpdate(
  trx: Executor,
  attestId: string,
): Promise<{ id: string; clientId: string; state: StepState; endDate: CalendarDate | null; version: number; typeLabel: string }[]> {
  const rows = await trx
    .selectFrom('steps as s')
    .innerJoin('step_types as t', 't.code', 's.step_type_code')
    .select(['s.id', 's.client_id', 's.state', 's.end_date', 's.version', 't.label'])
    .where('s.attest_id', '=', attestId)
    .where('s.step_type_code', '=', 'outplacement')
    .orderBy('s.seq', 'desc')
    .forUpdate('s')
    .execute();
  return rows.map((r) => ({ id: r.id, clientId: r.client_id, state: r.state, endDate: r.end_date as CalendarDate | null, version: r.version, typeLabel: r.label }));
}

/** A4: the line's end date (and so its automatic completion, O9) moves with the attest; it stays Bezig. */
export async function moveEndDate(trx: Executor, stepId: string, to: CalendarDate, by: { label: string; at: Date }): Promise<boolean> {
  const result = await trx
    .updateTable('steps')
    .set((eb) => ({ end_date: to, version: eb('version', '+', 1), updated_by_label: by.label, updated_at: by.at }))
    .where('id', '=', stepId)
    .where('state', '=', 'bezig')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
