/**
 * Issue 17: the caseload of the partner API, the clients the organisation has access to today
 * (A1, through `listMyClients`: the rule is not written again here), in pages by cursor, and
 * optionally only those with a change recorded after a moment (the audit log's changes: steps,
 * documents, profile and CV, attests; openings and refusals do not count).
 */
import type { MyClient } from '../../domain/clients.ts';
import type { Actor } from '../../domain/users.ts';
import { AuditAction, VIEW_ACTIONS } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import type { createDossierService } from '../dossiers/dossier-service.ts';

export const CASELOAD_PAGE_MAX = 200;

const NOT_CHANGES: readonly string[] = [...VIEW_ACTIONS, AuditAction.dossierRefused, AuditAction.clientsSearched, AuditAction.viewersExported];

export type CaseloadEntry = MyClient & Readonly<{ lastChangeAt: Date | null }>;
export type CaseloadPage = Readonly<{ clients: CaseloadEntry[]; next: string | null }>;
export type CaseloadQuery = Readonly<{ changedSince: Date | null; after: string | null; limit: number }>;

export function createCaseloadService({ db, repos }: ServiceContext, dossiers: Pick<ReturnType<typeof createDossierService>, 'listMyClients'>) {
  /** One page, ordered by client id; `next` is the cursor of the following page (null at the end). */
  async function page(actor: Actor, query: CaseloadQuery): Promise<CaseloadPage> {
    const all = (await dossiers.listMyClients(actor)).toSorted((a, b) => (a.client.id < b.client.id ? -1 : a.client.id > b.client.id ? 1 : 0));
    const changes = await repos.audit.lastChangesOf(db, all.map((c) => c.client.id), NOT_CHANGES);
    const since = query.changedSince;
    const wanted = all
      .map((c) => ({ ...c, lastChangeAt: changes.get(c.client.id) ?? null }))
      .filter((c) => since === null || (c.lastChangeAt !== null && c.lastChangeAt.getTime() > since.getTime()))
      .filter((c) => query.after === null || c.client.id > query.after);
    const limit = Math.min(Math.max(1, query.limit), CASELOAD_PAGE_MAX);
    const clients = wanted.slice(0, limit);
    return { clients, next: wanted.length > limit ? (clients.at(-1)?.client.id ?? null) : null };
  }

  return { page };
}
