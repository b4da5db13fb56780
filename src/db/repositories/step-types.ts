import type { StepType } from '../../domain/steps/step.ts';
import type { Executor } from './executor.ts';
import { changedAtVersion } from './shared.ts';
import { bump as bumpReferenceVersion } from './reference-versions.ts';

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
  await bumpReferenceVersion(trx);
}

/** O13 by the beheerder: the organisation may register exactly `codes` from now on. */
export async function setAllowed(trx: Executor, organisationId: string, codes: readonly string[]): Promise<void> {
  let removal = trx.deleteFrom('organisation_step_types').where('organisationId', '=', organisationId);
  if (codes.length > 0) removal = removal.where('stepTypeCode', 'not in', codes);
  await removal.execute();
  await allow(trx, organisationId, codes);
  await bumpReferenceVersion(trx);
}

export type StepTypeRecord = StepType & Readonly<{ sortOrder: number; version: number }>;

export async function listRecords(trx: Executor): Promise<StepTypeRecord[]> {
  return trx.selectFrom('step_types').select(['code', 'label', 'kind', 'sortOrder', 'version']).orderBy('sortOrder').orderBy('code').execute();
}

export async function findRecord(trx: Executor, code: string): Promise<StepTypeRecord | undefined> {
  return trx.selectFrom('step_types').select(['code', 'label', 'kind', 'sortOrder', 'version']).where('code', '=', code).executeTakeFirst();
}

/** The catalogue's label and order; the code stays. O12: only at the version the user read. */
export async function updateAtVersion(trx: Executor, code: string, version: number, values: { label: string; sortOrder: number }): Promise<boolean> {
  await bumpReferenceVersion(trx);
  return changedAtVersion(trx.updateTable('step_types').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('code', '=', code).where('version', '=', version));
}
