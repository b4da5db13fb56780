import type { Selectable } from 'kysely';
import type { AttestRequest, AttestRequestKind } from '../../domain/attests/attest-request.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Insz } from '../../domain/insz.ts';
import type { AttestRequestsTable } from '../schema/clients.ts';
import type { Executor } from './executor.ts';

type Row = Selectable<AttestRequestsTable> & { organisation_name: string };

function selectRequests(trx: Executor) {
  return trx.selectFrom('attest_requests as r').innerJoin('organisations as o', 'o.id', 'r.organisation_id').selectAll('r').select('o.name as organisation_name');
}

/** A request as the partner submits it: what it typed, the scan, who and when. */
export type NewAttestRequest = Pick<
  AttestRequest,
  | 'kind'
  | 'organisationId'
  | 'insz'
  | 'familyName'
  | 'firstName'
  | 'birthDate'
  | 'regime'
  | 'startDate'
  | 'endDate'
  | 'attestId'
  | 'previousEndDate'
  | 'clientId'
  | 'scan'
  | 'submittedByLabel'
  | 'submittedAt'
> &
  Readonly<{ submittedBy: string }>;

/** Inserts the request; undefined when the organisation already has an open request for this INSZ. */
export async function insert(trx: Executor, request: NewAttestRequest): Promise<string | undefined> {
  const row = await trx
    .insertInto('attest_requests')
    .values({
      kind: request.kind,
      organisation_id: request.organisationId,
      insz: request.insz,
      family_name: request.familyName,
      first_name: request.firstName,
      birth_date: request.birthDate,
      regime: request.regime,
      start_date: request.startDate,
      end_date: request.endDate,
      attest_id: request.attestId,
      previous_end_date: request.previousEndDate,
      client_id: request.clientId,
      scan_sha256: request.scan.sha256,
      scan_file_name: request.scan.fileName,
      scan_media_type: request.scan.mediaType,
      scan_size_bytes: request.scan.sizeBytes,
      submitted_by: request.submittedBy,
      submitted_by_label: request.submittedByLabel,
      submitted_at: request.submittedAt,
    })
    // The only unique index besides the key: one open request per organisation and INSZ.
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findById(trx: Executor, id: string): Promise<AttestRequest | undefined> {
  const row = await selectRequests(trx).where('r.id', '=', id).executeTakeFirst();
  return row && toRequest(row);
}

export async function findOpen(trx: Executor, organisationId: string, insz: Insz): Promise<AttestRequest | undefined> {
  const row = await selectRequests(trx).where('r.organisation_id', '=', organisationId).where('r.insz', '=', insz).where('r.state', '=', 'ingediend').executeTakeFirst();
  return row && toRequest(row);
}

/** "Mijn aanvragen": the organisation's requests, newest first. */
export async function listForOrganisation(trx: Executor, organisationId: string, limit: number): Promise<AttestRequest[]> {
  const rows = await selectRequests(trx).where('r.organisation_id', '=', organisationId).orderBy('r.submitted_at', 'desc').orderBy('r.seq', 'desc').limit(limit).execute();
  return rows.map(toRequest);
}

/** "Te behandelen attesten": open requests of the given kinds, oldest first. */
export async function listOpen(trx: Executor, kinds: readonly AttestRequestKind[], limit: number): Promise<AttestRequest[]> {
  if (kinds.length === 0) return [];
  const rows = await selectRequests(trx).where('r.state', '=', 'ingediend').where('r.kind', 'in', kinds).orderBy('r.submitted_at', 'asc').orderBy('r.seq', 'asc').limit(limit).execute();
  return rows.map(toRequest);
}

export type Decision =
  | Readonly<{ state: 'goedgekeurd'; clientId: string; attestId: string }>
  | Readonly<{ state: 'afgewezen'; reason: string }>;

/**
 * Decides the request when it is still open and at the version the handler saw; false when it
 * was decided or changed meanwhile. The state check in the UPDATE makes a second handler wait
 * for the first one's row lock and then find nothing to update: nothing happens twice.
 */
export async function decide(
  trx: Executor,
  id: string,
  expectedVersion: number,
  decision: Decision,
  by: { userId: string; label: string; at: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('attest_requests')
    .set((eb) => ({
      state: decision.state,
      rejection_reason: decision.state === 'afgewezen' ? decision.reason : null,
      client_id: decision.state === 'goedgekeurd' ? decision.clientId : eb.ref('client_id'),
      attest_id: decision.state === 'goedgekeurd' ? decision.attestId : eb.ref('attest_id'),
      decided_by: by.userId,
      decided_by_label: by.label,
      decided_at: by.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('state', '=', 'ingediend')
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Claims an open request for a decision: locks the row and checks state and version; false when taken. */
export async function claim(trx: Executor, id: string, expectedVersion: number): Promise<boolean> {
  const row = await trx
    .selectFrom('attest_requests')
    .select('id')
    .where('id', '=', id)
    .where('state', '=', 'ingediend')
    .where('version', '=', expectedVersion)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** "Origineel ontvangen": recorded once; false when it was already recorded. */
export async function markOriginalReceived(trx: Executor, id: string, by: { label: string; at: Date }): Promise<boolean> {
  const result = await trx
    .updateTable('attest_requests')
    .set((eb) => ({ original_received_by_label: by.label, original_received_at: by.at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('original_received_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}


export function toRequest(row: Row): AttestRequest {
  return {
    id: row.id,
    kind: row.kind,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    insz: row.insz as Insz,
    familyName: row.family_name,
    firstName: row.first_name,
    birthDate: row.birth_date as CalendarDate,
    regime: row.regime,
    startDate: row.start_date as CalendarDate,
    endDate: row.end_date as CalendarDate,
    attestId: row.attest_id,
    previousEndDate: row.previous_end_date as CalendarDate | null,
    clientId: row.client_id,
    scan: { sha256: row.scan_sha256, fileName: row.scan_file_name, mediaType: row.scan_media_type, sizeBytes: row.scan_size_bytes },
    state: row.state,
    rejectionReason: row.rejection_reason,
    originalReceived: row.original_received_at === null || row.original_received_by_label === null ? null : { byLabel: row.original_received_by_label, at: row.original_received_at },
    submittedByLabel: row.submitted_by_label,
    submittedAt: row.submitted_at,
    decidedByLabel: row.decided_by_label,
    decidedAt: row.decided_at,
    version: row.version,
  };
}
