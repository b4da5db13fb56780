/**
 * Stappen naar werk: the overview, the step catalogue of the organisation, registering a line
 * (O1–O5, O13) and reading one line with what the user may do with it.
 */
import type { DossierPage } from '../../domain/dossier/pages.ts';
import { formatDate, type CalendarDate } from '../../domain/calendar-date.ts';
import { isPartner } from '../../domain/roles.ts';
import { automaticCompletionDate, isSummaryWindowOpen, summaryWindowLastDay } from '../../domain/steps/dates.ts';
import { choosableStates, mayEditFields, stepActorOf, type StepActor } from '../../domain/steps/state-machine.ts';
import { isEndState, STATE_LABELS, type Step, type StepState, type StepType } from '../../domain/steps/step.ts';
import { checkStartDate, checkSummary } from '../../domain/steps/validation.ts';
import type { Actor } from '../../domain/users.ts';
import type { AuditRecord } from '../../domain/audit.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { FundingNumber, OfficeWithLabel } from '../../domain/organisations.ts';
import type { StepFilter } from '../../domain/steps/step.ts';
import type { StopRequest } from '../../db/repositories/stop-requests.ts';
import { AuditAction, STEP_ACTIONS } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { isUuid, type Dossier, type DossierAccess } from '../dossiers/dossier-access.ts';
import { ForbiddenError } from '../errors.ts';
import { runningAttest, stepOfDossier } from './step-context.ts';
import { failed, type Result, type Problem } from '../../domain/result.ts';

const OFFICE_SEARCH_LIMIT = 20;

export type StepInput = Readonly<{
  date: CalendarDate;
  fundingNumberId: string | null;
  requesterOfficeId: string;
  executorOfficeId: string;
  summary: string;
}>;

export type StepFormContext = Readonly<{
  dossier: Dossier;
  type: StepType;
  /** O4 (issue 15 defect 8): the organisation's Bezig Outplacement line of this client, said before the form. */
  runningLine: { id: string } | null;
  ownOffice: OfficeWithLabel | null;
  fundingNumbers: FundingNumber[];
  attest: { startDate: CalendarDate; endDate: CalendarDate } | null;
  today: CalendarDate;
}>;

export type StepPermissions = Readonly<{
  actor: StepActor;
  canEdit: boolean;
  states: StepState[];
  canRequestStop: boolean;
  canStop: boolean;
  canAppendSummary: boolean;
  summaryWindowLastDay: CalendarDate | null;
  completionDate: CalendarDate | null;
}>;

export type StepDetail = Readonly<{
  dossier: Dossier;
  step: Step;
  history: AuditRecord[];
  stopRequests: StopRequest[];
  permissions: StepPermissions;
  fundingNumbers: FundingNumber[];
  today: CalendarDate;
}>;

export function createStepsService({ db, repos, clock }: ServiceContext, access: DossierAccess) {
  const record = auditRecorder({ repos, clock });
  function requirePartner(actor: Actor): void {
    if (!isPartner(actor.role)) throw new ForbiddenError('stappen registreren');
  }

  async function ownOffice(trx: Executor, actor: Actor): Promise<OfficeWithLabel | null> {
    return actor.officeId === null ? null : ((await repos.offices.findById(trx, actor.officeId)) ?? null);
  }

  /** O5: the client's lines, newest first, filtered by state and type. */
  function list(actor: Actor, clientId: string, filter: StepFilter, page: DossierPage) {
    return access.withDossier({ actor, clientId, page }, async (trx, dossier) => {
      const types = await repos.stepTypes.listWithAllowance(trx, actor.organisationId);
      return {
        dossier,
        steps: await repos.steps.listLinesForClient(trx, dossier.client.id, filter),
        allTypes: types.map(({ code, label, kind }) => ({ code, label, kind })),
        allowedTypes: isPartner(actor.role) ? types.filter((t) => t.allowed).map(({ code, label, kind }) => ({ code, label, kind })) : [],
        // O4 (issue 15 defect 8): "Voeg een stap toe" says it before the form, with a link to the line.
        runningOutplacement: isPartner(actor.role) ? ((await repos.steps.findRunningOutplacement(trx, dossier.client.id, actor.organisationId)) ?? null) : null,
      };
    });
  }

  /** O1/O2: what the form "Stap: <type>" needs. */
  async function formContext(actor: Actor, clientId: string, typeCode: string): Promise<StepFormContext> {
    requirePartner(actor);
    return access.withDossier({ actor, clientId, page: 'stap-toevoegen' }, async (trx, dossier) => {
      const type = (await repos.stepTypes.listAllowedFor(trx, actor.organisationId)).find((t) => t.code === typeCode);
      if (type === undefined) throw new ForbiddenError(`stap ${typeCode}`);
      const today = clock.today();
      return {
        dossier,
        type,
        runningLine: type.kind === 'outplacement' ? ((await repos.steps.findRunningOutplacement(trx, dossier.client.id, actor.organisationId)) ?? null) : null,
        ownOffice: await ownOffice(trx, actor),
        // Issue 12: only the numbers valid today are offered.
        fundingNumbers: await repos.fundingNumbers.listValidOn(trx, actor.organisationId, today),
        attest: type.kind === 'outplacement' ? runningAttest(dossier, actor.organisationId, today) : null,
        today,
      };
    });
  }

  /** O2–O5, O13: registers a line in state Bezig, or says what is wrong and stores nothing. */
  async function register(actor: Actor, clientId: string, typeCode: string, input: StepInput): Promise<Result<{ stepId: string }>> {
    requirePartner(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const type = (await repos.stepTypes.listAllowedFor(trx, actor.organisationId)).find((t) => t.code === typeCode);
      if (type === undefined) throw new ForbiddenError(`stap ${typeCode}`);
      const today = clock.today();
      const attest = type.kind === 'outplacement' ? runningAttest(dossier, actor.organisationId, today) : null;

      if (type.kind === 'outplacement') {
        // O4 under concurrency: registrations for one client wait for each other here, so the
        // second sees the first line instead of running into the unique index.
        await repos.clients.lockForUpdate(trx, dossier.client.id);
        const existing = await repos.steps.findRunningOutplacement(trx, dossier.client.id, actor.organisationId);
        if (existing !== undefined) return failed([{ field: 'toestand', code: 'al-bezig', params: { stepId: existing.id } }]);
      }
      const problems = [
        ...checkStartDate(input.date, today, attest),
        ...(await checkReferences(trx, actor, input)),
        ...checkSummary('samenvatting', input.summary),
      ];
      if (problems.length > 0) return failed(problems);

      const stepId = await repos.steps.insert(trx, {
        clientId: dossier.client.id,
        organisationId: actor.organisationId,
        typeCode: type.code,
        date: input.date,
        endDate: attest?.endDate ?? null,
        attestId: attest?.id ?? null,
        fundingNumberId: input.fundingNumberId,
        requesterOfficeId: input.requesterOfficeId,
        executorOfficeId: input.executorOfficeId,
        summary: input.summary,
        createdBy: actor.userId,
        createdByLabel: actor.displayName,
      }, clock.now());
      const step = await repos.steps.findById(trx, stepId);
      await record(trx, actor, AuditAction.stepRegistered, {
        clientId: dossier.client.id,
        details: {
          stepId,
          stepType: type.label,
          fields: {
            toestand: STATE_LABELS.bezig,
            datum: formatDate(input.date),
            financieringsnummer: step?.fundingNumber?.code ?? '',
            aanvrager: step?.requester.label ?? '',
            uitvoerder: step?.executor.label ?? '',
            samenvatting: input.summary,
          },
        },
      });
      return { ok: true as const, value: { stepId } };
    });
  }

  /**
   * Offices must exist; a funding number must be one of the actor's organisation (O3) valid today
   * (issue 12), or the one the line already has (`keptFundingId`): an old line keeps its number.
   */
  async function checkReferences(
    trx: Executor,
    actor: Actor,
    input: Pick<StepInput, 'fundingNumberId' | 'requesterOfficeId' | 'executorOfficeId'>,
    keptFundingId: string | null = null,
  ): Promise<Problem[]> {
    const problems: Problem[] = [];
    if ((await repos.offices.findById(trx, input.requesterOfficeId)) === undefined) problems.push({ field: 'aanvrager', code: 'onbekende-vestiging' });
    if ((await repos.offices.findById(trx, input.executorOfficeId)) === undefined) problems.push({ field: 'uitvoerder', code: 'onbekende-vestiging' });
    if (input.fundingNumberId !== null && input.fundingNumberId !== keptFundingId) {
      const offered = await repos.fundingNumbers.listValidOn(trx, actor.organisationId, clock.today());
      if (!offered.some((f) => f.id === input.fundingNumberId)) problems.push({ field: 'financieringsnummer', code: 'onbekend-financieringsnummer' });
    }
    return problems;
  }

  /** The numbers the edit form offers: those valid today, and the line's own even when it is no longer valid. */
  async function fundingNumbersForLine(trx: Executor, actor: Actor, step: Step): Promise<FundingNumber[]> {
    const offered = await repos.fundingNumbers.listValidOn(trx, actor.organisationId, clock.today());
    const own = step.fundingNumber;
    if (own === null || offered.some((f) => f.id === own.id) || step.organisationId !== actor.organisationId) return offered;
    return [...offered, { id: own.id, organisationId: step.organisationId, code: own.code, description: own.description }];
  }

  /** O6–O10: one line with its history and what this user may do with it. */
  function detail(actor: Actor, clientId: string, stepId: string): Promise<StepDetail> {
    return access.withDossier({ actor, clientId, page: 'stap' }, async (trx, dossier) => {
      const step = await stepOfDossier(repos, trx, dossier, stepId);
      const today = clock.today();
      const stopRequests = await repos.stopRequests.listForStep(trx, step.id);
      const stepActor = stepActorOf(actor, step.organisationId);
      return {
        dossier,
        step,
        history: await repos.audit.listForStep(trx, dossier.client.id, step.id),
        stopRequests,
        permissions: permissionsFor(step, stepActor, stopRequests, today),
        fundingNumbers: stepActor === 'partner' ? await fundingNumbersForLine(trx, actor, step) : [],
        today,
      };
    });
  }

  /** Offices by name or code for Aanvrager and Uitvoerder. */
  async function searchOffices(actor: Actor, query: string): Promise<OfficeWithLabel[]> {
    requirePartner(actor);
    const trimmed = query.trim();
    if (trimmed.length < 2) return [];
    return repos.offices.search(db, trimmed.slice(0, 100), OFFICE_SEARCH_LIMIT);
  }

  /** The offices of the actor's own organisation, by name (partner API: ids for Aanvrager and Uitvoerder). */
  async function ownOffices(actor: Actor): Promise<OfficeWithLabel[]> {
    requirePartner(actor);
    return repos.offices.listOfOrganisation(db, actor.organisationId);
  }

  /** Labels `NAAM (code)` of the offices a form refers to; unknown or malformed ids are left out. */
  async function officeLabels(ids: readonly string[]): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    for (const id of new Set(ids)) {
      if (!isUuid(id)) continue;
      const office = await repos.offices.findById(db, id);
      if (office !== undefined) labels.set(id, office.label);
    }
    return labels;
  }

  /** The dossier's log of the steps: every registration, change and request, oldest first (O11). */
  function log(actor: Actor, clientId: string) {
    return access.withDossier({ actor, clientId, page: 'logboek' }, async (trx, dossier) => ({
      dossier,
      events: await repos.audit.listByClientAndActions(trx, dossier.client.id, STEP_ACTIONS),
    }));
  }

  return { list, formContext, register, detail, log, searchOffices, ownOffices, checkReferences, officeLabels };
}

export function permissionsFor(step: Step, actor: StepActor, stopRequests: readonly StopRequest[], today: CalendarDate): StepPermissions {
  const outplacement = step.type.kind === 'outplacement';
  const openRequest = stopRequests.some((r) => r.state === 'open');
  const windowOpen = isEndState(step.state) && !step.summaryClosed && step.endedOn !== null && isSummaryWindowOpen(step.endedOn, today);
  return {
    actor,
    canEdit: mayEditFields(actor, step.state),
    states: mayEditFields(actor, step.state) ? choosableStates(step.type.kind, actor, step.state) : [step.state],
    // O8: no request while one is open or a stop is already planned.
    canRequestStop: outplacement && actor === 'partner' && step.state === 'bezig' && !openRequest && step.plannedStopDate === null,
    canStop: outplacement && actor === 'adviseur' && step.state === 'bezig',
    canAppendSummary: windowOpen && (actor === 'partner' || actor === 'adviseur'),
    summaryWindowLastDay: step.endedOn !== null && isEndState(step.state) ? summaryWindowLastDay(step.endedOn) : null,
    completionDate: outplacement && step.state === 'bezig' && step.endDate !== null ? automaticCompletionDate(step.endDate) : null,
  };
}
