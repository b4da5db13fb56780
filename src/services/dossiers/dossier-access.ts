/**
 * The one way into a client's dossier (A1, A5, A6). Use cases run their work through
 * `withDossier`: the access check, the audit record and the work share one transaction, and a
 * refusal is committed to the audit log before the caller sees the same 404 as for an unknown id.
 */
import { mayOpenDossier } from '../../domain/access.ts';
import type { Client } from '../../domain/clients.ts';
import type { DossierPage } from '../../domain/dossier/pages.ts';
import { isServiceStaff } from '../../domain/roles.ts';
import type { Actor } from '../../domain/users.ts';
import type { AttestOfOrganisation } from '../../db/repositories/attests.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder, byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { DossierNotFoundError } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export type Dossier = Readonly<{
  client: Client;
  /** The attests the actor may see: its own organisation's, or all of them for service staff. */
  attests: readonly AttestOfOrganisation[];
}>;

/**
 * `page` names the dossier page being opened (logged as an opening, A6); null for a change,
 * whose use case writes its own audit record.
 */
export type DossierVisit = Readonly<{ actor: Actor; clientId: string; page: DossierPage | null }>;

export function createDossierAccess({ db, repos, clock }: ServiceContext) {
  const record = auditRecorder({ repos, clock });
  async function check(trx: Executor, visit: DossierVisit): Promise<Dossier | undefined> {
    const { actor, clientId, page } = visit;
    const refuse = async (reason: 'onbekend' | 'geen-toegang'): Promise<undefined> => {
      await record(trx, actor, AuditAction.dossierRefused, { clientId: reason === 'onbekend' ? null : clientId, details: { reason, page } });
      return undefined;
    };

    if (!isUuid(clientId)) return refuse('onbekend');
    const found = await repos.attests.findClientWithAttests(trx, clientId, isServiceStaff(actor.role) ? null : actor.organisationId);
    if (found === undefined) return refuse('onbekend');
    const { client, attests } = found;
    if (!mayOpenDossier(actor.role, attests, clock.today())) return refuse('geen-toegang');

    // A6: the opening is recorded in this transaction, which commits without waiting for the WAL
    // flush (issue 16); a refusal above, and every change, keeps the full durability.
    if (page !== null) await repos.audit.append(trx, byActor(actor, AuditAction.dossierOpened, { clientId: client.id, details: { page } }), clock.now(), { durable: false });
    return { client, attests };
  }

  /** Runs `work` inside the dossier, in one transaction; DossierNotFoundError when refused. */
  async function withDossier<T>(visit: DossierVisit, work: (trx: Executor, dossier: Dossier) => Promise<T>): Promise<T> {
    let outcome: { refused: true } | { refused: false; value: T };
    try {
      outcome = await db.transaction().execute(async (trx) => {
        const dossier = await check(trx, visit);
        if (dossier === undefined) return { refused: true as const };
        return { refused: false as const, value: await work(trx, dossier) };
      });
    } catch (error) {
      // The work found no such item in this dossier (a line, a document, a note of another
      // dossier): its transaction is rolled back, and the refusal is logged on its own (A6).
      if (error instanceof DossierNotFoundError) {
        await record(db, visit.actor, AuditAction.dossierRefused, { clientId: isUuid(visit.clientId) ? visit.clientId : null, details: { reason: 'onbekend-onderdeel', page: visit.page } });
      }
      throw error;
    }
    if (outcome.refused) throw new DossierNotFoundError();
    return outcome.value;
  }

  return { withDossier };
}

export type DossierAccess = ReturnType<typeof createDossierAccess>;
