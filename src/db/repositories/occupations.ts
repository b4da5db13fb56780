import type { Occupation } from '../../domain/dossier/occupations.ts';
import type { Executor } from './executor.ts';

const OCCUPATION_COLUMNS = ['code', 'iscoGroup', 'title', 'source'] as const;

/** The whole catalogue (a few hundred rows), ordered by code; searching is done in the domain. */
export async function listAll(trx: Executor): Promise<Occupation[]> {
  return trx.selectFrom('occupations').select(OCCUPATION_COLUMNS).orderBy('code').execute();
}

export async function findByCode(trx: Executor, code: string): Promise<Occupation | undefined> {
  return trx.selectFrom('occupations').select(OCCUPATION_COLUMNS).where('code', '=', code).executeTakeFirst();
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
