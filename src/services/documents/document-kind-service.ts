/**
 * D7 (issue 15 defect 2): the organisation that added a document corrects its kind, for example
 * an action plan stored as "Ander document", so that it counts where the kind matters (the
 * Klantenportret's warnings). Anyone else gets the 404 of an unknown document. The correction
 * is made on the version the user saw (O12), and audited with the old and the new kind in the
 * same transaction; the document's history shows it.
 */
import { DOCUMENT_KIND_LABELS, mayCorrectKind, type Document, type DocumentKind } from '../../domain/documents/document.ts';
import { changedMeanwhile, failed, succeeded, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import type { ClientEvent } from '../../domain/audit.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction, DOCUMENT_ACTIONS } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { isUuid, type Dossier, type DossierAccess } from '../dossiers/dossier-access.ts';
import { DossierNotFoundError } from '../errors.ts';

export type DocumentKindForm = Readonly<{ dossier: Dossier; document: Document; history: ClientEvent[] }>;

export function createDocumentKindService({ repos, clock }: ServiceContext, access: DossierAccess) {
  /**
   * Runs `work` on a document of the dossier that the actor may correct; any other (unknown,
   * of another dossier or organisation, withdrawn) is a 404, its refusal logged (A1).
   */
  async function withOwnDocument<T>(
    visit: { actor: Actor; clientId: string; page: string | null },
    documentId: string,
    work: (trx: Executor, dossier: Dossier, document: Document) => Promise<T>,
  ): Promise<T> {
    const { actor } = visit;
    const outcome = await access.withDossier(visit, async (trx, dossier) => {
      const document = isUuid(documentId) ? await repos.documents.findById(trx, documentId) : undefined;
      if (document === undefined || document.clientId !== dossier.client.id || !mayCorrectKind(actor, document)) {
        const details = { reason: 'onbekend-document', page: 'document-soort' };
        await repos.audit.append(trx, byActor(actor, AuditAction.dossierRefused, { clientId: dossier.client.id, details }), clock.now());
        return { found: false as const };
      }
      return { found: true as const, value: await work(trx, dossier, document) };
    });
    if (!outcome.found) throw new DossierNotFoundError();
    return outcome.value;
  }

  /** "Soort wijzigen": the document, its current kind and version, and its history (D5). */
  function form(actor: Actor, clientId: string, documentId: string): Promise<DocumentKindForm> {
    return withOwnDocument({ actor, clientId, page: 'document-soort' }, documentId, async (trx, dossier, document) => ({
      dossier,
      document,
      history: await repos.audit.listForDocument(trx, dossier.client.id, document.id, DOCUMENT_ACTIONS),
    }));
  }

  /**
   * D7: the kind set to `kind` on `version`. The same kind changes nothing (`changed: false`); an
   * outdated version is refused with `gewijzigd` and who corrected it meanwhile (O12).
   */
  function correct(actor: Actor, clientId: string, documentId: string, version: number, kind: DocumentKind): Promise<Result<{ document: Document; changed: boolean }>> {
    return withOwnDocument({ actor, clientId, page: null }, documentId, async (trx, dossier, document) => {
      const stale = failed([changedMeanwhile('soort', document.kindChangedByLabel ?? '')]);
      if (document.version !== version) return stale;
      if (document.kind === kind) return succeeded({ document, changed: false });
      if (!(await repos.documents.correctKind(trx, document.id, version, { kind, byLabel: actor.displayName }))) return stale;
      await repos.audit.append(
        trx,
        byActor(actor, AuditAction.documentKindChanged, {
          clientId: dossier.client.id,
          details: {
            documentId: document.id,
            publicationName: document.publicationName,
            field: 'soort',
            old: DOCUMENT_KIND_LABELS[document.kind],
            new: DOCUMENT_KIND_LABELS[kind],
            kind: DOCUMENT_KIND_LABELS[kind],
          },
        }),
        clock.now(),
      );
      return succeeded({ document: { ...document, kind, version: version + 1, kindChangedByLabel: actor.displayName }, changed: true });
    });
  }

  return { form, correct };
}

export type DocumentKindService = ReturnType<typeof createDocumentKindService>;
