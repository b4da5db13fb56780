import { sql } from 'kysely';
import type { ServiceContext } from '../context.ts';

export function createHealthService({ db }: ServiceContext) {
  return {
    /** True when the database answers a trivial query. */
    async databaseIsUp(): Promise<boolean> {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
  };
}
