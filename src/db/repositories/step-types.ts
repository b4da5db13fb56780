import type { StepType } from '../../domain/steps/step.ts';
import type { Executor } from './executor.ts';

export async function listAll(trx: Executor): Promise<StepType[]> {
  return trx.selectFrom('step_types').select(['code', 'label', 'kind']).orderBy('sortOrder').execute();
}

/** O13: the types an organisation may register. */
export async function listAllowedFor(trx: Executor, organisationId: string): Promise<StepType[]> {
  return trx
    .selectFrom('step_types as t')
    .innerJoin('organisation_step_types as ot', 'ot.stepTypeCode', 't.code')
    .select(['t.code', 't.label', 't.kind'])
    .where('ot.organisationId', '=', organisationId)
    .orderBy('t.sortOrder')
    .execute();
}

/** The whole catalogue, each type marked whether the organisation may register it (O13). */
export async function listWithAllowance(trx: Executor, organisationId: string): Promise<(StepType & { allowed: boolean })[]> {
  const rows = await trx
    .selectFrom('step_types as t')
    .leftJoin('organisation_step_types as ot', (join) => join.onRef('ot.stepTypeCode', '=', 't.code').on('ot.organisationId', '=', organisationId))
    .select(['t.code', 't.label', 't.kind', (eb) => eb('ot.organisationId', 'is not', null).as('allowed')])
    .orderBy('t.sortOrder')
    .execute();
  return rows.map((row) => ({ code: row.code, label: row.label, kind: row.kind, allowed: row.allowed === true }));
}

export async function allow(trx: Executor, organisationId: string, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await trx
    .insertInto('organisation_step_types')
    .values(codes.map((code) => ({ organisationId: organisationId, stepTypeCode: code })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
