import { dateInBrussels } from '../../domain/calendar-date.ts';
import type { Document, DocumentKind } from '../../domain/documents/document.ts';
import type { Executor } from './executor.ts';

function selectDocuments(trx: Executor) {
  return trx
    .selectFrom('documents as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisationId')
    .selectAll('d')
    .select('o.name as organisationName');
}

type DocumentRow = Awaited<ReturnType<ReturnType<typeof selectDocuments>['executeTakeFirstOrThrow']>>;

export type DocumentFilter = Readonly<{ kind: DocumentKind | null }>;

/** D1: the client's documents that were not withdrawn (D4), newest first. */
export async function listForClient(trx: Executor, clientId: string, filter: DocumentFilter): Promise<Document[]> {
  let query = selectDocuments(trx).where('d.clientId', '=', clientId).where('d.withdrawnAt', 'is', null);
  if (filter.kind !== null) query = query.where('d.kind', '=', filter.kind);
  const rows = await query.orderBy('d.uploadedAt', 'desc').orderBy('d.seq', 'desc').execute();
  return rows.map(toDocument);
}

export async function findById(trx: Executor, documentId: string): Promise<Document | undefined> {
  const row = await selectDocuments(trx).where('d.id', '=', documentId).executeTakeFirst();
  return row && toDocument(row);
}

/** A document as it is added: the stored fields without those the database or a withdrawal sets. */
export type NewDocument = Omit<Document, 'id' | 'organisationName' | 'uploadedOn' | 'withdrawnAt' | 'withdrawnByLabel' | 'withdrawalReason' | 'version' | 'kindChangedByLabel'>;

export async function insert(trx: Executor, document: NewDocument): Promise<string> {
  const row = await trx
    .insertInto('documents')
    .values({
      clientId: document.clientId,
      organisationId: document.organisationId,
      stepId: document.stepId,
      publicationName: document.publicationName,
      kind: document.kind,
      fileName: document.fileName,
      sizeBytes: document.sizeBytes,
      mediaType: document.mediaType,
      sha256: document.sha256,
      uploadedBy: document.uploadedBy,
      uploadedByLabel: document.uploadedByLabel,
      uploadedAt: document.uploadedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** D4: the one change a document allows, once; false when it was already withdrawn. */
export async function withdraw(trx: Executor, documentId: string, withdrawal: { byLabel: string; at: Date; reason: string }): Promise<boolean> {
  const result = await trx
    .updateTable('documents')
    .set({ withdrawnAt: withdrawal.at, withdrawnByLabel: withdrawal.byLabel, withdrawalReason: withdrawal.reason })
    .where('id', '=', documentId)
    .where('withdrawnAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * D7: the kind corrected on the version the user saw; false when that version is no longer the
 * current one or the document was withdrawn meanwhile (O12).
 */
export async function correctKind(trx: Executor, documentId: string, expectedVersion: number, correction: { kind: DocumentKind; byLabel: string }): Promise<boolean> {
  const result = await trx
    .updateTable('documents')
    .set((eb) => ({ kind: correction.kind, kindChangedByLabel: correction.byLabel, version: eb('version', '+', 1) }))
    .where('id', '=', documentId)
    .where('version', '=', expectedVersion)
    .where('withdrawnAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    clientId: row.clientId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    stepId: row.stepId,
    publicationName: row.publicationName,
    kind: row.kind,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    mediaType: row.mediaType,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    uploadedByLabel: row.uploadedByLabel,
    uploadedAt: row.uploadedAt,
    uploadedOn: dateInBrussels(row.uploadedAt),
    withdrawnAt: row.withdrawnAt,
    withdrawnByLabel: row.withdrawnByLabel,
    withdrawalReason: row.withdrawalReason,
    version: row.version,
    kindChangedByLabel: row.kindChangedByLabel,
  };
}
