import { dateInBrussels } from '../../domain/calendar-date.ts';
import type { Document, DocumentKind } from '../../domain/documents/document.ts';
import type { Executor } from './executor.ts';

function selectDocuments(trx: Executor) {
  return trx
    .selectFrom('documents as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .selectAll('d')
    .select('o.name as organisation_name');
}

type DocumentRow = Awaited<ReturnType<ReturnType<typeof selectDocuments>['executeTakeFirstOrThrow']>>;

export type DocumentFilter = Readonly<{ kind: DocumentKind | null }>;

/** D1: the client's documents that were not withdrawn (D4), newest first. */
export async function listForClient(trx: Executor, clientId: string, filter: DocumentFilter): Promise<Document[]> {
  let query = selectDocuments(trx).where('d.client_id', '=', clientId).where('d.withdrawn_at', 'is', null);
  if (filter.kind !== null) query = query.where('d.kind', '=', filter.kind);
  const rows = await query.orderBy('d.uploaded_at', 'desc').orderBy('d.seq', 'desc').execute();
  return rows.map(toDocument);
}

export async function findById(trx: Executor, documentId: string): Promise<Document | undefined> {
  const row = await selectDocuments(trx).where('d.id', '=', documentId).executeTakeFirst();
  return row && toDocument(row);
}

/** A document as it is added: the stored fields without those the database or a withdrawal sets. */
export type NewDocument = Omit<Document, 'id' | 'organisationName' | 'uploadedOn' | 'withdrawnAt' | 'withdrawnByLabel' | 'withdrawalReason'>;

export async function insert(trx: Executor, document: NewDocument): Promise<string> {
  const row = await trx
    .insertInto('documents')
    .values({
      client_id: document.clientId,
      organisation_id: document.organisationId,
      step_id: document.stepId,
      publication_name: document.publicationName,
      kind: document.kind,
      file_name: document.fileName,
      size_bytes: document.sizeBytes,
      media_type: document.mediaType,
      sha256: document.sha256,
      uploaded_by: document.uploadedBy,
      uploaded_by_label: document.uploadedByLabel,
      uploaded_at: document.uploadedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** D4: the one change a document allows, once; false when it was already withdrawn. */
export async function withdraw(trx: Executor, documentId: string, withdrawal: { byLabel: string; at: Date; reason: string }): Promise<boolean> {
  const result = await trx
    .updateTable('documents')
    .set({ withdrawn_at: withdrawal.at, withdrawn_by_label: withdrawal.byLabel, withdrawal_reason: withdrawal.reason })
    .where('id', '=', documentId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    clientId: row.client_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    stepId: row.step_id,
    publicationName: row.publication_name,
    kind: row.kind,
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
    mediaType: row.media_type,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedByLabel: row.uploaded_by_label,
    uploadedAt: row.uploaded_at,
    uploadedOn: dateInBrussels(row.uploaded_at),
    withdrawnAt: row.withdrawn_at,
    withdrawnByLabel: row.withdrawn_by_label,
    withdrawalReason: row.withdrawal_reason,
  };
}
