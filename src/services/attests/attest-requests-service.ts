/**
 * The partner's side of access by the signed attest outplacement: "Toegang aanvragen" (A2),
 * "Mijn aanvragen", and "Verlenging aanvragen" on a dossier with a running attest (A4). The scan
 * comes through the one upload service (D3 checks, ATTEST_SCAN_UPLOADS: PDF, JPG or PNG).
 *
 * A request never tells whether the INSZ is known elsewhere: the only checks against stored data
 * are the organisation's own running attest and its own open request. Everything else about the
 * registry is decided by the secretariaat on approval.
 */
import { attestGivesAccess } from '../../domain/access.ts';
import {
  checkExtension,
  checkNewRequest,
  checkRequestFields,
  type AttestRequest,
  type NewRequestInput,
  type RequestFields,
} from '../../domain/attests/attest-request.ts';
import { parseInsz, type Insz } from '../../domain/insz.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { ATTEST_SCAN_UPLOADS } from '../../domain/documents/content-check.ts';
import { failed, succeeded, type Problem, type Result } from '../../domain/result.ts';
import { isPartner } from '../../domain/roles.ts';
import type { Actor } from '../../domain/users.ts';
import type { AttestOfOrganisation } from '../../db/repositories/attests.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import type { IncomingFile, ReceivedFile, UploadOutcome, UploadService } from '../documents/upload-service.ts';
import { isUuid, type Dossier, type DossierAccess } from '../dossiers/dossier-access.ts';
import { AttestRequestNotFoundError, ForbiddenError } from '../errors.ts';

/** "Mijn aanvragen" shows this many, newest first. */
export const MY_REQUESTS_LIMIT = 200;

/** A4: what "Verlenging aanvragen" needs: the running attest of the organisation, if any. */
export type ExtensionContext = Readonly<{ dossier: Dossier; attest: AttestOfOrganisation | null; lineEnded: string | null }>;

const END_STATES: readonly string[] = ['uitgevoerd', 'stopgezet'];

export function createAttestRequestsService({ db, repos, clock }: ServiceContext, access: DossierAccess, uploads: UploadService) {
  const record = auditRecorder({ repos, clock });
  function requirePartner(actor: Actor): void {
    if (!isPartner(actor.role)) throw new ForbiddenError('toegang aanvragen');
  }

  /** A2: the scan of the signed attest, streamed and checked (PDF, JPG or PNG). */
  function receiveScan(actor: Actor, file: IncomingFile): Promise<UploadOutcome> {
    requirePartner(actor);
    return uploads.receive(file, ATTEST_SCAN_UPLOADS, actor);
  }

  /** A2: only partners request access; the form itself has no data to load. */
  function formContext(actor: Actor): void {
    requirePartner(actor);
  }

  /** A2: the field rules alone, for "Attest afdrukken" (before there is a scan); dates not yet given are null. */
  function checkFields(actor: Actor, input: RequestFields): Problem[] {
    requirePartner(actor);
    return checkRequestFields(input);
  }

  /** A2: the organisation's own running attest and own open request for this INSZ, the checks against stored data. */
  async function checkOwn(trx: Executor, actor: Actor, insz: Insz): Promise<Problem[]> {
    const known = await repos.clients.findByInsz(trx, insz);
    if (known !== undefined) {
      // Only the organisation's own attests are looked at: nothing tells about others.
      const own = await repos.attests.listForClient(trx, known.id, actor.organisationId);
      if (own.some((a) => attestGivesAccess(a, clock.today()))) return [{ field: 'insz', code: 'al-toegang', params: { clientId: known.id } }];
    }
    if ((await repos.attestRequests.findOpen(trx, actor.organisationId, insz)) !== undefined) return [{ field: 'insz', code: 'al-ingediend' }];
    return [];
  }

  /**
   * A2 (issue 15 defect 6): every problem of a request that cannot be submitted as it is (a field
   * missing, or the scan refused): the field rules and, for a valid INSZ, the checks against the
   * organisation's own attests and requests, so that one answer names them all. Stores nothing.
   */
  async function check(actor: Actor, input: RequestFields): Promise<Problem[]> {
    const problems = checkFields(actor, input);
    const insz = parseInsz(input.insz);
    if (!insz.ok) return problems;
    return [...problems, ...(await db.transaction().execute((trx) => checkOwn(trx, actor, insz.insz)))];
  }

  /**
   * A2: stores the request (state Ingediend) with its scan, in one transaction with its audit
   * record. The temporary scan is released in every case; it stays only when kept.
   */
  async function submit(actor: Actor, input: NewRequestInput, scan: ReceivedFile): Promise<Result<{ requestId: string }>> {
    try {
      requirePartner(actor);
      const checked = checkNewRequest(input);
      if (!checked.ok) return failed(checked.problems);
      const insz = checked.insz;
      return await db.transaction().execute(async (trx): Promise<Result<{ requestId: string }>> => {
        const refused = await checkOwn(trx, actor, insz);
        if (refused.length > 0) return failed(refused);
        await uploads.keep(scan);
        const requestId = await repos.attestRequests.insert(trx, {
          kind: 'nieuw',
          organisationId: actor.organisationId,
          insz,
          familyName: input.familyName.trim(),
          firstName: input.firstName.trim(),
          birthDate: input.birthDate,
          regime: input.regime,
          startDate: input.startDate,
          endDate: input.endDate,
          attestId: null,
          previousEndDate: null,
          clientId: null,
          scan: scanOf(scan),
          submittedBy: actor.userId,
          submittedByLabel: actor.displayName,
          submittedAt: clock.now(),
        });
        // A second submission racing this one: the unique index of open requests refused it.
        if (requestId === undefined) return failed([{ field: 'insz', code: 'al-ingediend' }]);
        // No client id: the request is not linked to a dossier before the secretariaat approves it.
        await record(trx, actor, AuditAction.attestRequested, { details: { requestId, kind: 'nieuw', fileName: scan.fileName, sha256: scan.sha256 } });
        return succeeded({ requestId });
      });
    } finally {
      await uploads.release(scan);
    }
  }

  /**
   * One request of the actor's own organisation, as "Mijn aanvragen" shows it (the partner API's
   * state of a request). Another organisation's, an unknown or a malformed id: not found, alike.
   */
  async function one(actor: Actor, requestId: string): Promise<AttestRequest> {
    requirePartner(actor);
    const found = isUuid(requestId) ? await repos.attestRequests.findById(db, requestId) : undefined;
    if (found === undefined || found.organisationId !== actor.organisationId) throw new AttestRequestNotFoundError();
    return found;
  }

  /** "Mijn aanvragen": the organisation's requests, newest first, with state and reason. */
  async function mine(actor: Actor): Promise<AttestRequest[]> {
    requirePartner(actor);
    return repos.attestRequests.listForOrganisation(db, actor.organisationId, MY_REQUESTS_LIMIT);
  }

  async function contextIn(trx: Executor, actor: Actor, dossier: Dossier): Promise<ExtensionContext> {
    const today = clock.today();
    const attest = dossier.attests.filter((a) => a.organisationId === actor.organisationId && attestGivesAccess(a, today)).sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0];
    if (attest === undefined) return { dossier, attest: null, lineEnded: null };
    const lines = await repos.steps.linesOfAttestForUpdate(trx, attest.id);
    const ended = lines.length > 0 && lines.every((l) => l.state !== 'bezig') ? lines.find((l) => END_STATES.includes(l.state)) : undefined;
    return { dossier, attest, lineEnded: ended?.state ?? null };
  }

  /** A4: the form "Verlenging aanvragen"; the opening is logged (A6). */
  /** `logOpening` false for a post: the use case that follows writes its own record (A6). */
  function extensionContext(actor: Actor, clientId: string, logOpening = true): Promise<ExtensionContext> {
    requirePartner(actor);
    return access.withDossier({ actor, clientId, page: logOpening ? 'verlenging-aanvragen' : null }, (trx, dossier) => contextIn(trx, actor, dossier));
  }

  /** A4: the rules of an extension on its end date, against the running attest and the open requests. */
  async function extensionProblems(trx: Executor, actor: Actor, dossier: Dossier, newEnd: CalendarDate): Promise<{ attest: AttestOfOrganisation; problems: Problem[] }> {
    const { attest, lineEnded } = await contextIn(trx, actor, dossier);
    if (attest === null) throw new ForbiddenError('verlenging zonder lopend attest');
    if (lineEnded !== null) return { attest, problems: [{ field: 'einddatum', code: 'eindtoestand', params: { state: lineEnded } }] };
    const problems = checkExtension(attest.startDate, attest.endDate, newEnd);
    if (problems.length > 0) return { attest, problems };
    if ((await repos.attestRequests.findOpen(trx, actor.organisationId, dossier.client.insz)) !== undefined) return { attest, problems: [{ field: 'insz', code: 'al-ingediend' }] };
    return { attest, problems: [] };
  }

  /** A4 (issue 15 defect 6): the problems of the end date when the scan was refused, so both show at once. Stores nothing. */
  function checkExtensionEnd(actor: Actor, clientId: string, newEnd: CalendarDate): Promise<Problem[]> {
    requirePartner(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => (await extensionProblems(trx, actor, dossier, newEnd)).problems);
  }

  /** A4: the new end date (after the current one) and the new signed scan; refused once the line has an end state. */
  async function requestExtension(actor: Actor, clientId: string, newEnd: CalendarDate, scan: ReceivedFile): Promise<Result<{ requestId: string }>> {
    try {
      requirePartner(actor);
      return await access.withDossier({ actor, clientId, page: null }, async (trx, dossier): Promise<Result<{ requestId: string }>> => {
        const { attest, problems } = await extensionProblems(trx, actor, dossier, newEnd);
        if (problems.length > 0) return failed(problems);
        const { client } = dossier;
        await uploads.keep(scan);
        const requestId = await repos.attestRequests.insert(trx, {
          kind: 'verlenging',
          organisationId: actor.organisationId,
          insz: client.insz,
          familyName: client.familyName,
          firstName: client.firstName,
          birthDate: client.birthDate,
          regime: attest.regime,
          startDate: attest.startDate,
          endDate: newEnd,
          attestId: attest.id,
          previousEndDate: attest.endDate,
          clientId: client.id,
          scan: scanOf(scan),
          submittedBy: actor.userId,
          submittedByLabel: actor.displayName,
          submittedAt: clock.now(),
        });
        if (requestId === undefined) return failed([{ field: 'insz', code: 'al-ingediend' }]);
        await record(trx, actor, AuditAction.extensionRequested, {
          clientId: client.id,
          details: { requestId, attestId: attest.id, currentEndDate: attest.endDate, newEndDate: newEnd, fileName: scan.fileName, sha256: scan.sha256 },
        });
        return succeeded({ requestId });
      });
    } finally {
      await uploads.release(scan);
    }
  }

  return { formContext, receiveScan, checkFields, check, submit, one, mine, extensionContext, checkExtensionEnd, requestExtension };
}

function scanOf(file: ReceivedFile): AttestRequest['scan'] {
  return { sha256: file.sha256, fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes };
}

export type AttestRequestsService = ReturnType<typeof createAttestRequestsService>;
