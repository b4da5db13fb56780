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

export async function allow(trx: Executor, organisationId: string, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await trx
    .insertInto('organisation_step_types')
    .values(codes.map((code) => ({ organisation_id: organisationId, step_type_code: code })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
