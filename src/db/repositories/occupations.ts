import type { Occupation } from '../../domain/dossier/occupations.ts';
import type { Executor } from './executor.ts';

/** The whole catalogue (a few hundred rows), ordered by code; searching is done in the domain. */
export async function listAll(trx: Executor): Promise<Occupation[]> {
  const rows = await trx.selectFrom('occupations').select(['code', 'iscoGroup', 'title', 'source']).orderBy('code').execute();
  return rows.map((row) => ({ code: row.code, iscoGroup: row.iscoGroup, title: row.title, source: row.source }));
}

export async function findByCode(trx: Executor, code: string): Promise<Occupation | undefined> {
  const row = await trx.selectFrom('occupations').select(['code', 'iscoGroup', 'title', 'source']).where('code', '=', code).executeTakeFirst();
  return row && { code: row.code, iscoGroup: row.iscoGroup, title: row.title, source: row.source };
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
    .select(['code', 'iscoGroup', 'title', 'source', 'createdByLabel', 'createdAt'])
    .where('source', '=', 'beheerder')
    .orderBy('createdAt', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    iscoGroup: row.iscoGroup,
    title: row.title,
    source: row.source,
    createdByLabel: row.createdByLabel ?? '',
    createdAt: row.createdAt,
  }));
}
