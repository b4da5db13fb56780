/**
 * Opening a client's dossier (A1, A5, A6) and the lists that lead to it.
 * Every dossier route goes through `openDossier`: no access answers exactly as an unknown id.
 */
import { mayOpenDossier } from '../../domain/access.ts';
import type { Client } from '../../domain/clients.ts';
import type { AttestOfOrganisation } from '../../db/repositories/attests.ts';
import { parseInsz } from '../../domain/insz.ts';
import { isPartner, isServiceStaff } from '../../domain/roles.ts';
import type { Actor } from '../../domain/users.ts';
import type { ClientWithPeriod } from '../../db/repositories/clients.ts';
import { AuditAction } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { DossierNotFoundError, ForbiddenError } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEARCH_LIMIT = 50;

export type Dossier = Readonly<{
  client: Client;
  /** The attests the actor may see: its own organisation's, or all of them for service staff. */
  attests: readonly AttestOfOrganisation[];
}>;

export type ClientSearch = { kind: 'insz'; value: string } | { kind: 'naam'; value: string };

export function createDossierService({ db, repos, clock }: ServiceContext) {
  /** A1/A5: the dossier if the actor may open it; logged either way (A6). */
  async function openDossier(actor: Actor, clientId: string, page: string): Promise<Dossier> {
    return db.transaction().execute(async (trx) => {
      const refuse = async (reason: 'onbekend' | 'geen-toegang'): Promise<never> => {
        await repos.audit.append(
          trx,
          byActor(actor, AuditAction.dossierRefused, { clientId: reason === 'onbekend' ? null : clientId, details: { reason, page } }),
        );
        throw new DossierNotFoundError();
      };

      if (!UUID.test(clientId)) return refuse('onbekend');
      const client = await repos.clients.findById(trx, clientId);
      if (client === undefined) return refuse('onbekend');

      const attests = await repos.attests.listForClient(trx, client.id, isServiceStaff(actor.role) ? null : actor.organisationId);
      if (!mayOpenDossier(actor.role, attests, clock.today())) return refuse('geen-toegang');

      await repos.audit.append(trx, byActor(actor, AuditAction.dossierOpened, { clientId: client.id, details: { page } }));
      return { client, attests };
    });
  }

  /** "Mijn klanten": the clients the partner's organisation has access to today (A1). */
  async function listMyClients(actor: Actor): Promise<ClientWithPeriod[]> {
    if (!isPartner(actor.role)) throw new ForbiddenError('klantenlijst van een partner');
    return repos.attests.listClientsWithRunningAttest(db, actor.organisationId, clock.today());
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
        const words = search.value.split(/\s+/).filter((w) => w !== '');
        found = words.length === 0 ? [] : await repos.clients.searchByName(trx, words, SEARCH_LIMIT);
      }
      await repos.audit.append(trx, byActor(actor, AuditAction.clientsSearched, { details: { kind: search.kind, results: found.length } }));
      return found;
    });
  }

  return { openDossier, listMyClients, searchClients, searchLimit: SEARCH_LIMIT };
}
