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

export type ClientSearch = { kind: 'insz'; value: string } | { kind: 'naam'; value: string };

export function createDossierService({ db, repos, clock }: ServiceContext, access: DossierAccess) {
  const record = auditRecorder({ repos, clock });
  /** A1/A5: the dossier if the actor may open it; logged either way (A6). */
  function openDossier(actor: Actor, clientId: string, page: DossierPage): Promise<Dossier> {
    return access.withDossier({ actor, clientId, page }, (_trx, dossier) => Promise.resolve(dossier));
  }

  /** "Mijn klanten": the clients the partner's organisation has access to today (A1), with its running Outplacement line. */
  async function listMyClients(actor: Actor): Promise<MyClient[]> {
    if (!isPartner(actor.role)) throw new ForbiddenError('klantenlijst van een partner');
    return db.transaction().execute(async (trx) => {
      const clients = await repos.attests.listClientsWithRunningAttest(trx, actor.organisationId, clock.today());
      const running = await repos.steps.runningOutplacementsOf(trx, actor.organisationId, clients.map((c) => c.client.id));
      return clients.map((c) => ({ ...c, runningOutplacement: running.get(c.client.id) ?? null }));
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

  return { openDossier, listMyClients, searchClients, searchLimit: SEARCH_LIMIT };
}
