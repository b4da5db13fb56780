import { sql } from 'kysely';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Liveness and readiness (issue 14): the instance is ready when its database and its blob store
 * answer and it is not draining. On SIGTERM it drains at once (`startDraining`): the load
 * balancer sends no new requests while those in flight finish.
 */
export function createHealthService({ db }: Pick<ServiceContext, 'db'>, storage: Pick<BlobStore, 'isReachable'>) {
  let draining = false;
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
    /** True when the blob store answers (no write). */
    storageIsUp(): Promise<boolean> {
      return storage.isReachable();
    },
    isDraining(): boolean {
      return draining;
    },
    startDraining(): void {
      draining = true;
    },
  };
}
