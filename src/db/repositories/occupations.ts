import type { Occupation } from '../../domain/dossier/occupations.ts';
import type { Executor } from './executor.ts';
import { changedAtVersion } from './shared.ts';

const OCCUPATION_COLUMNS = ['code', 'iscoGroup', 'title', 'source'] as const;

/** The whole catalogue (a few hundred rows), retired entries included, ordered by code. */
export async function listAll(trx: Executor): Promise<Occupation[]> {
  return trx.selectFrom('occupations').select(OCCUPATION_COLUMNS).orderBy('code').execute();
}

/** What is offered for a new choice: the catalogue without the retired entries; searching is done in the domain. */
export async function listOffered(trx: Executor): Promise<Occupation[]> {
  return trx.selectFrom('occupations').select(OCCUPATION_COLUMNS).where('retiredAt', 'is', null).orderBy('code').execute();
}

/** Also a retired entry: the desired jobs that use it still show it. */
export async function findByCode(trx: Executor, code: string): Promise<Occupation | undefined> {
  return trx.selectFrom('occupations').select(OCCUPATION_COLUMNS).where('code', '=', code).executeTakeFirst();
}

export type OccupationRecord = Occupation & Readonly<{ retiredAt: Date | null; version: number }>;

export async function findRecord(trx: Executor, code: string): Promise<OccupationRecord | undefined> {
  return trx.selectFrom('occupations').select([...OCCUPATION_COLUMNS, 'retiredAt', 'version']).where('code', '=', code).executeTakeFirst();
}

/** A beheerder's entry; false when the code was taken meanwhile. */
export async function insertAdded(trx: Executor, occupation: { code: string; iscoGroup: string; title: string; createdByLabel: string }, at: Date): Promise<boolean> {
  const row = await trx
    .insertInto('occupations')
    .values({ code: occupation.code, iscoGroup: occupation.iscoGroup, title: occupation.title, source: 'beheerder', createdByLabel: occupation.createdByLabel, createdAt: at })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .executeTakeFirst();
  return row !== undefined;
}

/** Rename or retire (`retiredAt`), only at the version the user read (O12); false when it changed meanwhile. */
export async function updateAtVersion(trx: Executor, code: string, version: number, values: { title?: string; retiredAt?: Date }): Promise<boolean> {
  return changedAtVersion(trx.updateTable('occupations').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('code', '=', code).where('version', '=', version));
}

/** The entries beheerders added, newest first. */
export async function listAdded(trx: Executor): Promise<(Occupation & { createdByLabel: string; createdAt: Date })[]> {
  const rows = await trx
    .selectFrom('occupations')
    .select([...OCCUPATION_COLUMNS, 'createdByLabel', 'createdAt'])
    .where('source', '=', 'beheerder')
    .orderBy('createdAt', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, createdByLabel: row.createdByLabel ?? '' }));
}

/** The retired entries, by code. */
export async function listRetired(trx: Executor): Promise<OccupationRecord[]> {
  return trx.selectFrom('occupations').select([...OCCUPATION_COLUMNS, 'retiredAt', 'version']).where('retiredAt', 'is not', null).orderBy('code').execute();
}
