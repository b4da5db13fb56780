import type { AttestRequest, AttestRequestKind } from '../../domain/attests/attest-request.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Insz } from '../../domain/insz.ts';
import type { Executor } from './executor.ts';

/** What a request shows: every column but the ids of who submitted and decided, and `seq`. */
const REQUEST_COLUMNS = [
  ...(['id', 'kind', 'organisationId', 'insz', 'familyName', 'firstName', 'birthDate', 'regime', 'startDate', 'endDate', 'attestId', 'previousEndDate', 'clientId'] as const),
  ...(['scanSha256', 'scanFileName', 'scanMediaType', 'scanSizeBytes', 'state', 'rejectionReason', 'originalReceivedByLabel', 'originalReceivedAt'] as const),
  ...(['submittedByLabel', 'submittedAt', 'decidedByLabel', 'decidedAt', 'version'] as const),
].map((column) => `r.${column}` as const);

function selectRequests(trx: Executor) {
  return trx.selectFrom('attest_requests as r').innerJoin('organisations as o', 'o.id', 'r.organisationId').select([...REQUEST_COLUMNS, 'o.name as organisationName']);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRequests>['executeTakeFirstOrThrow']>>;

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
      organisationId: request.organisationId,
      insz: request.insz,
      familyName: request.familyName,
      firstName: request.firstName,
      birthDate: request.birthDate,
      regime: request.regime,
      startDate: request.startDate,
      endDate: request.endDate,
      attestId: request.attestId,
      previousEndDate: request.previousEndDate,
      clientId: request.clientId,
      scanSha256: request.scan.sha256,
      scanFileName: request.scan.fileName,
      scanMediaType: request.scan.mediaType,
      scanSizeBytes: request.scan.sizeBytes,
      submittedBy: request.submittedBy,
      submittedByLabel: request.submittedByLabel,
      submittedAt: request.submittedAt,
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
  const row = await selectRequests(trx).where('r.organisationId', '=', organisationId).where('r.insz', '=', insz).where('r.state', '=', 'ingediend').executeTakeFirst();
  return row && toRequest(row);
}

/** "Mijn aanvragen": the organisation's requests, newest first. */
export async function listForOrganisation(trx: Executor, organisationId: string, limit: number): Promise<AttestRequest[]> {
  const rows = await selectRequests(trx).where('r.organisationId', '=', organisationId).orderBy('r.submittedAt', 'desc').orderBy('r.seq', 'desc').limit(limit).execute();
  return rows.map(toRequest);
}

/** "Te behandelen attesten": open requests of the given kinds, oldest first. */
export async function listOpen(trx: Executor, kinds: readonly AttestRequestKind[], limit: number): Promise<AttestRequest[]> {
  if (kinds.length === 0) return [];
  const rows = await selectRequests(trx).where('r.state', '=', 'ingediend').where('r.kind', 'in', kinds).orderBy('r.submittedAt', 'asc').orderBy('r.seq', 'asc').limit(limit).execute();
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
      rejectionReason: decision.state === 'afgewezen' ? decision.reason : null,
      clientId: decision.state === 'goedgekeurd' ? decision.clientId : eb.ref('clientId'),
      attestId: decision.state === 'goedgekeurd' ? decision.attestId : eb.ref('attestId'),
      decidedBy: by.userId,
      decidedByLabel: by.label,
      decidedAt: by.at,
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
    .set((eb) => ({ originalReceivedByLabel: by.label, originalReceivedAt: by.at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('originalReceivedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The row with the domain's dates, its scan and "Origineel ontvangen" as one value each. */
function toRequest({ scanSha256, scanFileName, scanMediaType, scanSizeBytes, originalReceivedByLabel, originalReceivedAt, ...row }: Row): AttestRequest {
  return {
    ...row,
    insz: row.insz as Insz,
    birthDate: row.birthDate as CalendarDate,
    startDate: row.startDate as CalendarDate,
    endDate: row.endDate as CalendarDate,
    previousEndDate: row.previousEndDate as CalendarDate | null,
    scan: { sha256: scanSha256, fileName: scanFileName, mediaType: scanMediaType, sizeBytes: scanSizeBytes },
    originalReceived: originalReceivedAt === null || originalReceivedByLabel === null ? null : { byLabel: originalReceivedByLabel, at: originalReceivedAt },
  };
}
