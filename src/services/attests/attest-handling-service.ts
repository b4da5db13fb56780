/**
 * The service's side (A3, A4): "Te behandelen attesten", the detail with the scan, "Origineel
 * ontvangen", "Goedkeuren" and "Afwijzen". The secretariaat handles every request, an
 * interventieadviseur the extensions. Each decision is one transaction: the request is locked and
 * checked (still Ingediend, at the version the handler saw) before anything else, so a second
 * handler of the same request finds it decided and nothing happens twice.
 */
import { mayOpenDossier } from '../../domain/access.ts';
import { accessPeriodEnd, automaticCompletionDate } from '../../domain/access.ts';
import { checkApproval, checkRejectionReason, mayHandle, mayHandleAny, type AttestRequest, type AttestRequestKind } from '../../domain/attests/attest-request.ts';
import { daysBetween, dateInBrussels, formatDate } from '../../domain/calendar-date.ts';
import type { Client } from '../../domain/clients.ts';
import { changedMeanwhile, failed, succeeded, type Problem, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { BlobContent, BlobStore } from '../../storage/blob-store.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { isUuid } from '../dossiers/dossier-access.ts';
import { AttestRequestNotFoundError, ForbiddenError } from '../errors.ts';
import type { EmitEvents } from '../webhooks/webhook-events.ts';

/** The queue shows at most this many, oldest first. */
export const QUEUE_LIMIT = 500;

export type QueueItem = AttestRequest & Readonly<{ ageDays: number }>;

export type RequestDetail = Readonly<{
  request: AttestRequest;
  ageDays: number;
  /** The client the registry knows under this INSZ (service staff see every dossier, A5). */
  registryClient: Client | null;
  mayDecide: boolean;
}>;

export type Decision =
  | Readonly<{ action: 'goedkeuren'; version: number; originalReceived: boolean }>
  | Readonly<{ action: 'afwijzen'; version: number; originalReceived: boolean; reason: string }>
  | Readonly<{ action: 'origineel'; version: number }>;

/** What a decision did: the request as it was, and the client it is about (created on approval). */
export type Decided = Readonly<{ request: AttestRequest; clientId: string | null }>;

const END_STATES: readonly string[] = ['uitgevoerd', 'stopgezet'];

export function createAttestHandlingService({ db, repos, clock }: ServiceContext, storage: BlobStore, emit: EmitEvents) {
  const record = auditRecorder({ repos, clock });
  function kindsFor(actor: Actor): AttestRequestKind[] {
    if (!mayHandleAny(actor.role)) throw new ForbiddenError('attesten behandelen');
    return actor.role === 'secretariaat' ? ['nieuw', 'verlenging'] : ['verlenging'];
  }

  const ageOf = (request: AttestRequest): number => daysBetween(dateInBrussels(request.submittedAt), clock.today());

  /** The request when the actor may see it: a handler of its kind, or the partner that made it. */
  async function visibleRequest(trx: Executor, actor: Actor, requestId: string): Promise<AttestRequest> {
    const request = isUuid(requestId) ? await repos.attestRequests.findById(trx, requestId) : undefined;
    if (request === undefined) throw new AttestRequestNotFoundError();
    if (mayHandle(actor.role, request.kind)) return request;
    if (request.organisationId !== actor.organisationId) throw new AttestRequestNotFoundError();
    // The partner that sent it sees its scan while the request is open or refused, and after
    // approval only while its organisation still has access to the client (A1).
    if (request.state !== 'goedgekeurd' || request.clientId === null) return request;
    const found = await repos.attests.findClientWithAttests(trx, request.clientId, actor.organisationId);
    if (found === undefined || !mayOpenDossier(actor.role, found.attests, clock.today())) throw new AttestRequestNotFoundError();
    return request;
  }

  /** A3: "Te behandelen attesten", oldest first, with their age in days. */
  async function queue(actor: Actor): Promise<QueueItem[]> {
    const kinds = kindsFor(actor);
    const open = await repos.attestRequests.listOpen(db, kinds, QUEUE_LIMIT);
    return open.map((request) => ({ ...request, ageDays: ageOf(request) }));
  }

  /** A3: the detail of a request for its handler. */
  async function detail(actor: Actor, requestId: string): Promise<RequestDetail> {
    kindsFor(actor);
    return db.transaction().execute(async (trx) => {
      const request = await visibleRequest(trx, actor, requestId);
      if (!mayHandle(actor.role, request.kind)) throw new AttestRequestNotFoundError();
      const registryClient = request.clientId !== null ? await repos.clients.findById(trx, request.clientId) : await repos.clients.findByInsz(trx, request.insz);
      return { request, ageDays: ageOf(request), registryClient: registryClient ?? null, mayDecide: request.state === 'ingediend' };
    });
  }

  /** A3: the scan, for its handler or the partner that sent it; every download is logged (A6). */
  async function downloadScan(actor: Actor, requestId: string): Promise<{ request: AttestRequest; content: BlobContent }> {
    let content: BlobContent | undefined;
    try {
      const request = await db.transaction().execute(async (trx) => {
        const found = await visibleRequest(trx, actor, requestId);
        content = await storage.open(found.scan.sha256);
        await record(trx, actor, AuditAction.attestScanDownloaded, { clientId: found.clientId, details: { requestId: found.id, fileName: found.scan.fileName } });
        return found;
      });
      if (content === undefined) throw new Error('the scan was found without its content');
      return { request, content };
    } catch (error) {
      content?.stream.destroy();
      throw error;
    }
  }

  /**
   * A3/A4: Goedkeuren, Afwijzen or only "Origineel ontvangen", in one transaction. `check` runs
   * the decision's own rules (reason, original received, still open at this version) without
   * deciding: the page asks to confirm a decision only when it would be taken (issue 15 defect 9).
   */
  async function decide(actor: Actor, requestId: string, decision: Decision, options: { check?: boolean } = {}): Promise<Result<Decided>> {
    kindsFor(actor);
    if (decision.action === 'afwijzen') {
      const problems = checkRejectionReason(decision.reason);
      if (problems.length > 0) return failed(problems);
    }
    return db.transaction().execute(async (trx): Promise<Result<Decided>> => {
      const request = await visibleRequest(trx, actor, requestId);
      if (!mayHandle(actor.role, request.kind)) throw new AttestRequestNotFoundError();
      const now = clock.now();
      if (decision.action === 'goedkeuren') {
        const problems = checkApproval(decision.originalReceived || request.originalReceived !== null);
        if (problems.length > 0) return failed(problems);
      }
      if (options.check === true) {
        if (decision.action === 'origineel') return succeeded({ request, clientId: request.clientId });
        if (request.state !== 'ingediend') return failed([changedMeanwhile('beslissing', request.decidedByLabel ?? '', { state: request.state })]);
        if (request.version !== decision.version) return failed([changedMeanwhile('beslissing', '')]);
        return succeeded({ request, clientId: request.clientId });
      }

      if (decision.action === 'origineel') {
        if (request.version !== decision.version) return failed([changedMeanwhile('beslissing', '')]);
        if (await repos.attestRequests.markOriginalReceived(trx, request.id, { label: actor.displayName, at: now })) {
          await record(trx, actor, AuditAction.originalReceived, { clientId: request.clientId, details: { requestId: request.id } });
        }
        return succeeded({ request, clientId: request.clientId });
      }

      // Claim the request: the row lock makes a concurrent handler wait, then find it decided.
      if (!(await repos.attestRequests.claim(trx, request.id, decision.version))) {
        const current = await repos.attestRequests.findById(trx, request.id);
        if (current !== undefined && current.state !== 'ingediend') {
          return failed([changedMeanwhile('beslissing', current.decidedByLabel ?? '', { state: current.state })]);
        }
        return failed([changedMeanwhile('beslissing', '')]);
      }
      let version = decision.version;
      if (decision.originalReceived && request.originalReceived === null) {
        await repos.attestRequests.markOriginalReceived(trx, request.id, { label: actor.displayName, at: now });
        version += 1;
      }
      const by = { userId: actor.userId, label: actor.displayName, at: now };

      if (decision.action === 'afwijzen') {
        await repos.attestRequests.decide(trx, request.id, version, { state: 'afgewezen', reason: decision.reason.trim() }, by);
        await appendOriginal(trx, actor, request, decision.originalReceived);
        await record(trx, actor, AuditAction.attestRejected, { clientId: request.clientId, details: { requestId: request.id, kind: request.kind, reason: decision.reason.trim() } });
        // Issue 17: the reason is free text and stays out of the webhook; the receiver reads it through the API.
        const data = { attestRequestId: request.id, kind: request.kind, attestId: request.attestId, state: 'afgewezen' as const };
        await emit(trx, { type: 'attest.afgewezen', organisationId: request.organisationId, clientId: request.clientId, data });
        return succeeded({ request, clientId: request.clientId });
      }

      const outcome = request.kind === 'nieuw' ? await approveNew(trx, actor, request) : await approveExtension(trx, actor, request);
      if (!outcome.ok) {
        // Nothing of this transaction may stay: the request remains Ingediend.
        throw new RolledBack(outcome.problems);
      }
      await repos.attestRequests.decide(trx, request.id, version, { state: 'goedgekeurd', clientId: outcome.value.clientId, attestId: outcome.value.attestId }, by);
      await appendOriginal(trx, actor, request, decision.originalReceived, outcome.value.clientId);
      return succeeded({ request, clientId: outcome.value.clientId });
    }).catch((error: unknown) => {
      if (error instanceof RolledBack) return failed(error.problems);
      throw error;
    });
  }

  async function appendOriginal(trx: Executor, actor: Actor, request: AttestRequest, received: boolean, clientId = request.clientId): Promise<void> {
    if (!received || request.originalReceived !== null) return;
    await record(trx, actor, AuditAction.originalReceived, { clientId, details: { requestId: request.id } });
  }

  type Approval = Result<{ clientId: string; attestId: string }>;

  /** A3: the client from the request's data when the registry does not know the INSZ; the attest approved today. */
  async function approveNew(trx: Executor, actor: Actor, request: AttestRequest): Promise<Approval> {
    const today = clock.today();
    let client = await repos.clients.findByInsz(trx, request.insz);
    if (client === undefined) {
      const clientId = await repos.clients.insertIfAbsent(trx, {
        insz: request.insz,
        familyName: request.familyName,
        firstName: request.firstName,
        birthDate: request.birthDate,
        email: null,
        phone: null,
        street: null,
        postcode: null,
        city: null,
      }, clock.now());
      if (clientId !== undefined) {
        await record(trx, actor, AuditAction.clientCreated, { clientId, details: { requestId: request.id, source: 'attest outplacement' } });
      }
      client = await repos.clients.findByInsz(trx, request.insz);
      if (client === undefined) throw new Error('the client was neither found nor created');
    }
    const attestId = await repos.attests.insert(trx, {
      clientId: client.id,
      organisationId: request.organisationId,
      regime: request.regime,
      startDate: request.startDate,
      endDate: request.endDate,
      state: 'goedgekeurd',
      approvedOn: today,
      rejectionReason: null,
      submittedBy: null,
      decidedBy: actor.userId,
    }, clock.now());
    await record(trx, actor, AuditAction.attestApproved, {
      clientId: client.id,
      details: {
        requestId: request.id,
        attestId,
        organisation: request.organisationName,
        period: `${formatDate(request.startDate)} – ${formatDate(request.endDate)}`,
        accessUntil: formatDate(accessPeriodEnd(request.endDate)),
      },
    });
    const data = { attestRequestId: request.id, attestId, state: 'goedgekeurd' as const, startDate: request.startDate, endDate: request.endDate, accessUntil: accessPeriodEnd(request.endDate) };
    await emit(trx, { type: 'attest.goedgekeurd', organisationId: request.organisationId, clientId: client.id, data });
    return succeeded({ clientId: client.id, attestId });
  }

  /**
   * A4: the attest's end, its access period (A1), and the Bezig Outplacement line's end date and
   * automatic completion (O9) move together; the line stays Bezig. Refused once the line ended.
   */
  async function approveExtension(trx: Executor, actor: Actor, request: AttestRequest): Promise<Approval> {
    const attestId = request.attestId;
    const from = request.previousEndDate;
    if (attestId === null || from === null || request.clientId === null) throw new Error('an extension without its attest');
    const attest = await repos.attests.findByIdForUpdate(trx, attestId);
    if (attest === undefined || attest.state !== 'goedgekeurd' || attest.endDate !== from) return failed([{ field: 'beslissing', code: 'attest-gewijzigd' }]);
    const lines = await repos.steps.linesOfAttestForUpdate(trx, attestId);
    const running = lines.find((l) => l.state === 'bezig');
    const ended = lines.find((l) => END_STATES.includes(l.state));
    if (running === undefined && ended !== undefined) return failed([{ field: 'beslissing', code: 'eindtoestand', params: { state: ended.state } }]);

    const to = request.endDate;
    if (!(await repos.attests.moveEndDate(trx, attestId, from, to))) return failed([{ field: 'beslissing', code: 'attest-gewijzigd' }]);
    const now = clock.now();
    const details: Record<string, unknown> = {
      requestId: request.id,
      attestId,
      oldEndDate: formatDate(from),
      newEndDate: formatDate(to),
      oldAccessUntil: formatDate(accessPeriodEnd(from)),
      newAccessUntil: formatDate(accessPeriodEnd(to)),
    };
    if (running !== undefined) {
      if (!(await repos.steps.moveEndDate(trx, running.id, to, { label: actor.displayName, at: now }))) throw new Error('the running line could not be moved');
      const oldLineEnd = running.endDate;
      details['stepId'] = running.id;
      details['oldLineEndDate'] = oldLineEnd === null ? null : formatDate(oldLineEnd);
      details['oldCompletionDate'] = oldLineEnd === null ? null : formatDate(automaticCompletionDate(oldLineEnd));
      details['newCompletionDate'] = formatDate(automaticCompletionDate(to));
      // O11: the line's own history shows the moved end date.
      await record(trx, actor, AuditAction.stepChanged, {
        clientId: running.clientId,
        details: { stepId: running.id, stepType: running.typeLabel, field: 'einddatum', old: oldLineEnd === null ? '' : formatDate(oldLineEnd), new: formatDate(to), attestRequestId: request.id },
      });
    }
    await record(trx, actor, AuditAction.attestExtended, { clientId: request.clientId, details });
    const data = { attestRequestId: request.id, attestId, state: 'goedgekeurd' as const, previousEndDate: from, endDate: to, accessUntil: accessPeriodEnd(to), stepId: running?.id ?? null };
    await emit(trx, { type: 'attest.verlengd', organisationId: request.organisationId, clientId: request.clientId, data });
    return succeeded({ clientId: request.clientId, attestId });
  }

  return { queue, detail, downloadScan, decide };
}

/** Carries a refusal out of a transaction so that it rolls back. */
class RolledBack extends Error {
  override name = 'RolledBack';
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super('decision refused');
    this.problems = problems;
  }
}

export type AttestHandlingService = ReturnType<typeof createAttestHandlingService>;

