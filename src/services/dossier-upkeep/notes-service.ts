/**
 * Interne opmerking (K3): notes visible only inside the writing organisation. Reading filters
 * on the actor's organisation in the query itself; service staff see their own organisation's
 * notes, never the partners'. The note's text stays out of the audit log, which other
 * organisations' staff may read.
 */
import { checkNote, type InternalNote } from '../../domain/dossier/notes.ts';
import type { Actor } from '../../domain/users.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import type { Dossier, DossierAccess } from '../dossiers/dossier-access.ts';
import { requireUpkeepRight } from './upkeep-context.ts';
import { failed, type Result, succeeded } from '../../domain/result.ts';

export function createNotesService({ repos, clock }: ServiceContext, access: DossierAccess) {
  const record = auditRecorder({ repos, clock });
  function list(actor: Actor, clientId: string): Promise<{ dossier: Dossier; notes: InternalNote[] }> {
    return access.withDossier({ actor, clientId, page: 'interne-opmerking' }, async (trx, dossier) => ({
      dossier,
      notes: await repos.internalNotes.listForOrganisation(trx, dossier.client.id, actor.organisationId),
    }));
  }

  async function add(actor: Actor, clientId: string, text: string): Promise<Result<{ noteId: string }>> {
    // Reading is for everyone with access; writing is for those who keep the dossier up to date.
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const trimmed = text.trim();
      const problems = checkNote(trimmed);
      if (problems.length > 0) return failed(problems);
      const noteId = await repos.internalNotes.insert(trx, { clientId: dossier.client.id, author: actor, text: trimmed, at: clock.now() });
      await record(trx, actor, AuditAction.internalNoteAdded, { clientId: dossier.client.id, details: { noteId, length: trimmed.length } });
      return succeeded({ noteId });
    });
  }

  return { list, add };
}
