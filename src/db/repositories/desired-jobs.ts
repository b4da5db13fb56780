import { isRegion, type DesiredJob, type DesiredJobInput } from '../../domain/dossier/desired-jobs.ts';
import type { ChangedBy } from './client-profiles.ts';
import type { Executor } from './executor.ts';

function selectJobs(trx: Executor) {
  return trx
    .selectFrom('desired_jobs as j')
    .innerJoin('occupations as o', 'o.code', 'j.occupationCode')
    .select(['j.id', 'j.clientId', 'j.occupationCode', 'o.title', 'j.experience', 'j.regions', 'j.regime', 'j.version', 'j.updatedByLabel']);
}

type JobRow = Awaited<ReturnType<ReturnType<typeof selectJobs>['executeTakeFirstOrThrow']>>;

/** The client's desired jobs in the order they were added. */
export async function listForClient(trx: Executor, clientId: string): Promise<DesiredJob[]> {
  const rows = await selectJobs(trx).where('j.clientId', '=', clientId).orderBy('j.createdAt').orderBy('o.title').execute();
  return rows.map(toDesiredJob);
}

export async function findById(trx: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<DesiredJob | undefined> {
  let query = selectJobs(trx).where('j.id', '=', id);
  if (options.forUpdate === true) query = query.forUpdate('j');
  const row = await query.executeTakeFirst();
  return row && toDesiredJob(row);
}

/** The stored columns of a job, and who changed it when. */
function columns(job: DesiredJobInput, by: ChangedBy) {
  return { occupationCode: job.occupationCode, experience: job.experience, regions: [...job.regions], regime: job.regime, updatedByLabel: by.label, updatedAt: by.at };
}

export async function insert(trx: Executor, clientId: string, job: DesiredJobInput, by: ChangedBy): Promise<string> {
  const row = await trx.insertInto('desired_jobs').values({ clientId, ...columns(job, by), createdAt: by.at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Applies the change when the job is still at `expectedVersion` (O12); false otherwise. */
export async function update(trx: Executor, id: string, expectedVersion: number, job: DesiredJobInput, by: ChangedBy): Promise<boolean> {
  const result = await trx
    .updateTable('desired_jobs')
    .set((eb) => ({ ...columns(job, by), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function remove(trx: Executor, id: string, expectedVersion: number): Promise<boolean> {
  const result = await trx.deleteFrom('desired_jobs').where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

function toDesiredJob({ title, regions, ...job }: JobRow): DesiredJob {
  return { ...job, occupationTitle: title, regions: regions.filter(isRegion) };
}
