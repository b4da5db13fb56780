/**
 * The version of the reference data that processes cache (issue 16, migration 0019). Every
 * repository function that changes cached reference data calls `bump` in its own transaction,
 * so the new version becomes visible exactly when the change does.
 */
import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/** The scalar sub-select that reads the version inside another statement (the session's). */
export const referenceVersionColumn = sql<number>`(select version from reference_versions where id = 1)`;

export async function current(trx: Executor): Promise<number> {
  const row = await trx.selectFrom('reference_versions').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.version;
}

export async function bump(trx: Executor): Promise<void> {
  await trx
    .updateTable('reference_versions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}
