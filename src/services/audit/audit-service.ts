import type { AuditRecord } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';

/** Reading the audit log is for the tests and, later, the log pages (each with its own access check). */
export function createAuditQueries({ db, repos }: ServiceContext) {
  return {
    forClient(clientId: string): Promise<AuditRecord[]> {
      return repos.audit.listByClient(db, clientId);
    },
    byActions(actions: readonly string[]): Promise<AuditRecord[]> {
      return repos.audit.listByActions(db, actions);
    },
  };
}
