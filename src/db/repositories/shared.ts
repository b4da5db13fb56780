/** Small shapes that several repositories share. */
import type { UpdateResult } from 'kysely';
import type { DB } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/**
 * O12: runs an update that is limited to the version the user read (`where version = read`) and
 * says whether it changed the row; false when someone changed it meanwhile.
 */
export async function changedAtVersion(update: { executeTakeFirst(): Promise<UpdateResult> }): Promise<boolean> {
  const result = await update.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How many rows the table holds. */
export async function countRows(trx: Executor, table: keyof DB): Promise<number> {
  const row = await trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}
