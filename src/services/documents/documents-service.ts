/**
 * Documents in the dossier (D1–D6): the overview, adding a document, downloading it, withdrawing
 * it and its full log. Every use case goes through withDossier: the access check (A1, A5), its
 * refusal logged, and the audit record in the same transaction as the change (A6).
 */
import type { DossierPage } from '../../domain/dossier/pages.ts';
import { DOCUMENT_UPLOADS } from '../../domain/documents/content-check.ts';
import {
  checkPublicationName,
  checkWithdrawalReason,
  DOCUMENT_KIND_LABELS,
  type Document,
  type DocumentKind,
} from '../../domain/documents/document.ts';
import { kindDueOnTraject } from '../../domain/dossier/portrait.ts';
import { failed, type Problem, type Result } from '../../domain/result.ts';
import { OUTPLACEMENT } from '../../domain/steps/step.ts';
import { isPartner } from '../../domain/roles.ts';
import type { Actor } from '../../domain/users.ts';
import type { DocumentLogEvent } from '../../domain/audit.ts';
import type { DocumentFilter } from '../../db/repositories/documents.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { BlobNotFoundError, type BlobContent, type BlobStore } from '../../storage/blob-store.ts';
import { AuditAction, DOCUMENT_ACTIONS } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { isUuid, type Dossier, type DossierAccess } from '../dossiers/dossier-access.ts';
import { DocumentContentMissingError, DossierNotFoundError, ForbiddenError } from '../errors.ts';
import type { IncomingFile, ReceivedFile, UploadOutcome, UploadService } from './upload-service.ts';

/** D5: lines per page of "Volledige logging". */
export const LOG_PAGE_SIZE = 25;

/** `correctsKindOf`: the organisation whose documents the user may correct the kind of (D7), null for none. */
export type DocumentPermissions = Readonly<{ canAdd: boolean; canWithdraw: boolean; correctsKindOf: string | null }>;

export type DocumentsOverview = Readonly<{ dossier: Dossier; documents: Document[]; permissions: DocumentPermissions }>;

export type NewDocumentInput = Readonly<{ publicationName: string; kind: DocumentKind; stepId: string | null }>;



export type DocumentLog = Readonly<{ dossier: Dossier; events: DocumentLogEvent[]; total: number; page: number; pageCount: number }>;

export type Download = Readonly<{ document: Document; content: BlobContent }>;

/** D2: partners add documents; D4: a beheerder withdraws them; D7: a partner corrects the kind of its own organisation's. */
export function documentPermissions(actor: Actor): DocumentPermissions {
  return { canAdd: isPartner(actor.role), canWithdraw: actor.role === 'beheerder', correctsKindOf: isPartner(actor.role) ? actor.organisationId : null };
}

export function createDocumentsService({ repos, clock }: ServiceContext, access: DossierAccess, uploads: UploadService, storage: BlobStore) {
  const record = auditRecorder({ repos, clock });
  function requirePartner(actor: Actor): void {
    if (!documentPermissions(actor).canAdd) throw new ForbiddenError('documenten toevoegen');
  }

  function requireWithdrawer(actor: Actor): void {
    if (!documentPermissions(actor).canWithdraw) throw new ForbiddenError('documenten intrekken');
  }

  /** The document when it belongs to the dossier and was not withdrawn; otherwise the refusal is logged. */
  async function documentOfDossier(trx: Executor, actor: Actor, dossier: Dossier, documentId: string, page: DossierPage): Promise<Document | undefined> {
    const document = isUuid(documentId) ? await repos.documents.findById(trx, documentId) : undefined;
    if (document !== undefined && document.clientId === dossier.client.id && document.withdrawnAt === null) return document;
    await record(trx, actor, AuditAction.dossierRefused, { clientId: dossier.client.id, details: { reason: 'onbekend-document', page } });
    return undefined;
  }

  /**
   * Runs `work` on a document of the dossier; an unknown, foreign or withdrawn one is a 404, logged.
   * `opening` logs the page as an opening of the dossier (A6); a download logs itself.
   */
  async function withDocument<T>(
    visit: { actor: Actor; clientId: string; page: DossierPage; opening: boolean },
    documentId: string,
    work: (trx: Executor, dossier: Dossier, document: Document) => Promise<T>,
  ): Promise<T> {
    const { actor, clientId, page } = visit;
    const outcome = await access.withDossier({ actor, clientId, page: visit.opening ? page : null }, async (trx, dossier) => {
      const document = await documentOfDossier(trx, actor, dossier, documentId, page);
      return document === undefined ? { found: false as const } : { found: true as const, value: await work(trx, dossier, document) };
    });
    if (!outcome.found) throw new DossierNotFoundError();
    return outcome.value;
  }

  /**
   * D1: the client's documents, newest first, without the withdrawn ones. `page` null when the
   * caller's page already logged the opening (the Traject page shows the steps too).
   */
  function list(actor: Actor, clientId: string, filter: DocumentFilter, page: DossierPage | null): Promise<DocumentsOverview> {
    return access.withDossier({ actor, clientId, page }, async (trx, dossier) => ({
      dossier,
      documents: await repos.documents.listForClient(trx, dossier.client.id, filter),
      permissions: documentPermissions(actor),
    }));
  }

  /**
   * D2: what "Document toevoegen" needs; only partners add documents. `kindDue`: the Soort that
   * "Voeg toe" on Traject chooses in advance (Actieplan while the organisation's running
   * Outplacement line has none; see kindDueOnTraject), null when the user must choose.
   */
  function formContext(actor: Actor, clientId: string, page: DossierPage | null): Promise<{ dossier: Dossier; kindDue: DocumentKind | null }> {
    requirePartner(actor);
    return access.withDossier({ actor, clientId, page }, async (trx, dossier) => {
      const lines = await repos.steps.listForClient(trx, dossier.client.id, { states: ['bezig'], typeCodes: [OUTPLACEMENT] });
      const documents = await repos.documents.listForClient(trx, dossier.client.id, { kind: 'actieplan' });
      const kindDue = kindDueOnTraject(
        actor.organisationId,
        lines.map((s) => ({ organisationId: s.organisationId, organisationName: s.organisationName, state: s.state, startDate: s.startDate, endDate: s.endDate })),
        documents.map((d) => ({ kind: d.kind, addedOn: d.uploadedOn, organisationId: d.organisationId })),
      );
      return { dossier, kindDue };
    });
  }

  /** D3: the file of "Document toevoegen", streamed and checked. */
  function receiveUpload(actor: Actor, file: IncomingFile): Promise<UploadOutcome> {
    return uploads.receive(file, DOCUMENT_UPLOADS, actor);
  }

  /** D2: the form's fields; the rules the database does not need. */
  function checkInput(input: NewDocumentInput): Problem[] {
    return checkPublicationName(input.publicationName);
  }

  /**
   * D2, D3: adds the received file to the dossier. The blob is moved into place first, then the
   * row and its audit record are written in one transaction; the temporary file is gone after.
   */
  async function add(actor: Actor, clientId: string, input: NewDocumentInput, file: ReceivedFile): Promise<Result<{ documentId: string }>> {
    try {
      requirePartner(actor);
      return await access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
        const problems = checkInput(input);
        if (input.stepId !== null) {
          const step = isUuid(input.stepId) ? await repos.steps.findById(trx, input.stepId) : undefined;
          if (step?.clientId !== dossier.client.id) problems.push({ field: 'stap', code: 'onbekend' });
        }
        if (problems.length > 0) return failed(problems);

        await uploads.keep(file);
        const documentId = await repos.documents.insert(trx, {
          clientId: dossier.client.id,
          organisationId: actor.organisationId,
          stepId: input.stepId,
          publicationName: input.publicationName,
          kind: input.kind,
          fileName: file.fileName,
          sizeBytes: file.sizeBytes,
          mediaType: file.mediaType,
          sha256: file.sha256,
          uploadedBy: actor.userId,
          uploadedByLabel: actor.displayName,
          uploadedAt: clock.now(),
        });
        await record(trx, actor, AuditAction.documentAdded, {
          clientId: dossier.client.id,
          details: {
            documentId,
            publicationName: input.publicationName,
            kind: DOCUMENT_KIND_LABELS[input.kind],
            fileName: file.fileName,
            sizeBytes: file.sizeBytes,
            mediaType: file.mediaType,
            sha256: file.sha256,
          },
        });
        return { ok: true as const, value: { documentId } };
      });
    } finally {
      await uploads.release(file);
    }
  }

  /** The stored bytes, or undefined when the file is missing from the storage. */
  async function openContent(sha256: string): Promise<BlobContent | undefined> {
    try {
      return await storage.open(sha256);
    } catch (error) {
      if (error instanceof BlobNotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * D6, A6: the document's bytes for a user with access to the dossier; every download is logged.
   * A document whose file is missing is recorded as such (`document.bestand-ontbreekt`, with its
   * id and digest, for whoever looks after the storage) and refused with DocumentContentMissingError.
   */
  async function download(actor: Actor, clientId: string, documentId: string): Promise<Download> {
    let content: BlobContent | undefined;
    try {
      const document = await withDocument({ actor, clientId, page: 'document', opening: false }, documentId, async (trx, dossier, found) => {
        content = await openContent(found.sha256);
        if (content === undefined) {
          await record(trx, actor, AuditAction.documentContentMissing, { clientId: dossier.client.id, details: { documentId: found.id, sha256: found.sha256 } });
          return found;
        }
        await record(trx, actor, AuditAction.documentDownloaded, {
          clientId: dossier.client.id,
          details: { documentId: found.id, publicationName: found.publicationName, kind: DOCUMENT_KIND_LABELS[found.kind], fileName: found.fileName },
        });
        return found;
      });
      if (content === undefined) throw new DocumentContentMissingError(document.id, document.sha256);
      return { document, content };
    } catch (error) {
      content?.stream.destroy();
      throw error;
    }
  }

  /** D4: the document a beheerder is about to withdraw. */
  function withdrawContext(actor: Actor, clientId: string, documentId: string): Promise<{ dossier: Dossier; document: Document }> {
    requireWithdrawer(actor);
    return withDocument({ actor, clientId, page: 'document-intrekken', opening: true }, documentId, (_trx, dossier, document) => Promise.resolve({ dossier, document }));
  }

  /** D4: withdrawn with a reason, logged; the row and the file are kept. */
  function withdraw(actor: Actor, clientId: string, documentId: string, reason: string): Promise<Result<{ document: Document }>> {
    requireWithdrawer(actor);
    return withDocument({ actor, clientId, page: 'document-intrekken', opening: false }, documentId, async (trx, dossier, document) => {
      const problems = checkWithdrawalReason(reason);
      if (problems.length > 0) return failed(problems);
      const withdrawn = await repos.documents.withdraw(trx, document.id, { byLabel: actor.displayName, at: clock.now(), reason });
      if (!withdrawn) return failed([{ field: 'reden', code: 'al-ingetrokken' }]);
      await record(trx, actor, AuditAction.documentWithdrawn, {
        clientId: dossier.client.id,
        details: { documentId: document.id, publicationName: document.publicationName, kind: DOCUMENT_KIND_LABELS[document.kind], reason },
      });
      return { ok: true as const, value: { document } };
    });
  }

  /** D5: who added, downloaded or withdrew which document, when; newest first, a page at a time. */
  function log(actor: Actor, clientId: string, page: number): Promise<DocumentLog> {
    return access.withDossier({ actor, clientId, page: 'documenten-logging' }, async (trx, dossier) => {
      const wanted = Number.isInteger(page) && page >= 1 ? page : 1;
      const first = await repos.audit.pageOfClient(trx, dossier.client.id, DOCUMENT_ACTIONS, { limit: LOG_PAGE_SIZE, offset: (wanted - 1) * LOG_PAGE_SIZE });
      const pageCount = Math.max(1, Math.ceil(first.total / LOG_PAGE_SIZE));
      if (wanted <= pageCount) return { dossier, ...first, page: wanted, pageCount };
      // Past the last page: the last page.
      const last = await repos.audit.pageOfClient(trx, dossier.client.id, DOCUMENT_ACTIONS, { limit: LOG_PAGE_SIZE, offset: (pageCount - 1) * LOG_PAGE_SIZE });
      return { dossier, ...last, page: pageCount, pageCount };
    });
  }

  return { list, formContext, receiveUpload, add, download, withdrawContext, withdraw, log };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
