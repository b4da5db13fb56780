/**
 * Opening a client's dossier (A1, A5, A6) and the lists that lead to it.
 * Every dossier route goes through `openDossier`: no access answers exactly as an unknown id.
 */
import type { DossierPage } from '../../domain/dossier/pages.ts';
import type { Client } from '../../domain/clients.ts';
import { nameQuery } from '../../domain/client-search.ts';
import { parseInsz } from '../../domain/insz.ts';
import { isPartner, isServiceStaff } from '../../domain/roles.ts';
import type { Actor } from '../../domain/users.ts';
import type { MyClient } from '../../domain/clients.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import type { Dossier, DossierAccess } from './dossier-access.ts';

export type { Dossier } from './dossier-access.ts';

const SEARCH_LIMIT = 50;
/** "Mijn klanten" shows this many clients a page (issue 16). */
export const MY_CLIENTS_PAGE_SIZE = 50;

export type MyClientsPage = Readonly<{ clients: MyClient[]; page: number; pageSize: number; total: number; requestedPage: number; requestedPageMissing: boolean }>;

export type ClientSearch = { kind: 'insz'; value: string } | { kind: 'naam'; value: string };

export function createDossierService({ db, repos, clock }: ServiceContext, access: DossierAccess) {
  const record = auditRecorder({ repos, clock });
  /** A1/A5: the dossier if the actor may open it; logged either way (A6). */
  function openDossier(actor: Actor, clientId: string, page: DossierPage): Promise<Dossier> {
    return access.withDossier({ actor, clientId, page }, (_trx, dossier) => Promise.resolve(dossier));
  }

  /** All clients of "Mijn klanten" (the partner API's caseload): the clients the partner's organisation has access to today (A1), with its running Outplacement line. */
  async function listMyClients(actor: Actor): Promise<MyClient[]> {
    if (!isPartner(actor.role)) throw new ForbiddenError('klantenlijst van een partner');
    return db.transaction().execute(async (trx) => {
      const clients = await repos.attests.listClientsWithRunningAttest(trx, actor.organisationId, clock.today());
      const running = await repos.steps.runningOutplacementsOf(trx, actor.organisationId, clients.map((c) => c.client.id));
      return clients.map((c) => ({ ...c, runningOutplacement: running.get(c.client.id) ?? null }));
    });
  }

  /**
   * "Mijn klanten": one page of the clients the partner's organisation has access to today (A1),
   * with its running Outplacement line. A page past the last one gives the last page, marked
   * `requestedPageMissing` (issue 16).
   */
  async function listMyClientsPage(actor: Actor, requestedPage: number): Promise<MyClientsPage> {
    if (!isPartner(actor.role)) throw new ForbiddenError('klantenlijst van een partner');
    const today = clock.today();
    return db.transaction().execute(async (trx) => {
      const read = (page: number) => repos.attests.pageClientsWithRunningAttest(trx, actor.organisationId, today, { limit: MY_CLIENTS_PAGE_SIZE, offset: (page - 1) * MY_CLIENTS_PAGE_SIZE });
      let page = Math.max(1, Math.floor(requestedPage));
      let found = await read(page);
      let requestedPageMissing = false;
      if (found.clients.length === 0 && page > 1) {
        requestedPageMissing = true;
        const total = await repos.attests.countClientsWithRunningAttest(trx, actor.organisationId, today);
        page = Math.max(1, Math.ceil(total / MY_CLIENTS_PAGE_SIZE));
        found = total === 0 ? { clients: [], total: 0 } : await read(page);
      }
      const running = await repos.steps.runningOutplacementsOf(trx, actor.organisationId, found.clients.map((c) => c.client.id));
      const clients = found.clients.map((c) => ({ ...c, runningOutplacement: running.get(c.client.id) ?? null }));
      return { clients, page, pageSize: MY_CLIENTS_PAGE_SIZE, total: found.total, requestedPage, requestedPageMissing };
    });
  }

  /** Service staff find a client by INSZ or name. The search term is never logged. */
  async function searchClients(actor: Actor, search: ClientSearch): Promise<Client[]> {
    if (!isServiceStaff(actor.role)) throw new ForbiddenError('klanten zoeken');
    return db.transaction().execute(async (trx) => {
      let found: Client[];
      if (search.kind === 'insz') {
        const parsed = parseInsz(search.value);
        const client = parsed.ok ? await repos.clients.findByInsz(trx, parsed.insz) : undefined;
        found = client ? [client] : [];
      } else {
        const query = nameQuery(search.value);
        found = query === undefined ? [] : await repos.clients.searchByName(trx, query, SEARCH_LIMIT);
      }
      await record(trx, actor, AuditAction.clientsSearched, { details: { kind: search.kind, results: found.length } });
      return found;
    });
  }

  return { openDossier, listMyClients, listMyClientsPage, searchClients, searchLimit: SEARCH_LIMIT };
}
