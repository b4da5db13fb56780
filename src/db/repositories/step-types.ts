import type { StepType } from '../../domain/steps/step.ts';
import type { Executor } from './executor.ts';

export async function listAll(trx: Executor): Promise<StepType[]> {
  return trx.selectFrom('step_types').select(['code', 'label', 'kind']).orderBy('sort_order').execute();
}

/** O13: the types an organisation may register. */
export async function listAllowedFor(trx: Executor, organisationId: string): Promise<StepType[]> {
  return trx
    .selectFrom('step_types as t')
    .innerJoin('organisation_step_types as ot', 'ot.step_type_code', 't.code')
    .select(['t.code', 't.label', 't.kind'])
    .where('ot.organisation_id', '=', organisationId)
    .orderBy('t.sort_order')
    .execute();
}

/** The whole catalogue, each type marked whether the organisation may register it (O13). */
export async function listWithAllowance(trx: Executor, organisationId: string): Promise<(StepType & { allowed: boolean })[]> {
  const rows = await trx
    .selectFrom('step_types as t')
    .leftJoin('organisation_step_types as ot', (join) => join.onRef('ot.step_type_code', '=', 't.code').on('ot.organisation_id', '=', organisationId))
    .select(['t.code', 't.label', 't.kind', (eb) => eb('ot.organisation_id', 'is not', null).as('allowed')])
    .orderBy('t.sort_order')
    .execute();
  return rows.map((row) => ({ code: row.code, label: row.label, kind: row.kind, allowed: row.allowed === true }));
}

export async function allow(trx: Executor, organisationId: string, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await trx
    .insertInto('organisation_step_types')
    .values(codes.map((code) => ({ organisation_id: organisationId, step_type_code: code })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
