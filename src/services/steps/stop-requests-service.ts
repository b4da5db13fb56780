/**
 * O8: ending an Outplacement line early. The partner sends a "Verzoek tot stopzetting"; the
 * interventieadviseur sees it in "Te behandelen verzoeken", then sets Stopgezet with a date
 * or declines the request with a reason. The adviseur can also stop a line directly.
 */
import { formatDate, type CalendarDate } from '../../domain/calendar-date.ts';
import { stepActorOf } from '../../domain/steps/state-machine.ts';
import { STATE_LABELS } from '../../domain/steps/step.ts';
import { checkEndingDate, checkStopDate, isPlannedStop } from '../../domain/steps/validation.ts';
import type { Actor } from '../../domain/users.ts';
import type { OpenStopRequest } from '../../db/repositories/stop-requests.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import type { DossierAccess } from '../dossiers/dossier-access.ts';
import { ForbiddenError } from '../errors.ts';
import { stepOfDossier } from './step-context.ts';
import { changedMeanwhile, failed, succeeded, type Result, type Problem } from '../../domain/result.ts';
import type { createStepChangesService } from './step-changes-service.ts';
import { permissionsFor } from './steps-service.ts';
import type { EmitEvents } from '../webhooks/webhook-events.ts';

export const REASON_MAX_LENGTH = 1000;

/** What a stop did (or, checked, would do): stopped on `date`, or planned for it. */
export type StopOutcome = Readonly<{ stepId: string; typeLabel: string; date: CalendarDate; planned: boolean }>;

export function createStopRequestsService(
  { db, repos, clock }: ServiceContext,
  access: DossierAccess,
  changes: Pick<ReturnType<typeof createStepChangesService>, 'writeChanges'>,
  emit: EmitEvents,
) {
  const record = auditRecorder({ repos, clock });
  function checkReason(reason: string): Problem[] {
    if (reason.trim() === '') return [{ field: 'reden', code: 'verplicht' }];
    if (reason.length > REASON_MAX_LENGTH) return [{ field: 'reden', code: 'te-lang', params: { max: String(REASON_MAX_LENGTH) } }];
    return [];
  }

  /** The partner asks the adviseur to stop the line. */
  function request(actor: Actor, clientId: string, stepId: string, input: { reason: string; proposedDate: CalendarDate }): Promise<Result<{ requestId: string }>> {
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const step = await stepOfDossier(repos, trx, dossier, stepId, true);
      const open = await repos.stopRequests.findOpenForStep(trx, step.id);
      const permissions = permissionsFor(step, stepActorOf(actor, step.organisationId), open === undefined ? [] : [open], clock.today());
      if (open !== undefined && stepActorOf(actor, step.organisationId) === 'partner') return failed([{ field: 'reden', code: 'verzoek-loopt' }]);
      if (step.plannedStopDate !== null && stepActorOf(actor, step.organisationId) === 'partner' && step.state === 'bezig') {
        return failed([{ field: 'reden', code: 'stop-gepland', params: { date: step.plannedStopDate } }]);
      }
      if (!permissions.canRequestStop) throw new ForbiddenError('een verzoek tot stopzetting indienen');
      const problems = [...checkReason(input.reason), ...checkEndingDate('voorgestelde-datum', input.proposedDate, step.startDate, clock.today())];
      if (problems.length > 0) return failed(problems);
      const requestId = await repos.stopRequests.insert(trx, {
        stepId: step.id,
        organisationId: step.organisationId,
        requestedBy: actor.userId,
        requestedByLabel: actor.displayName,
        reason: input.reason.trim(),
        proposedDate: input.proposedDate,
      }, clock.now());
      await record(trx, actor, AuditAction.stopRequested, {
        clientId: step.clientId,
        details: { stepId: step.id, stepType: step.type.label, requestId, reason: input.reason.trim(), proposedDate: formatDate(input.proposedDate) },
      });
      return { ok: true as const, value: { requestId } };
    });
  }

  /**
   * O8: the adviseur stops the line with the date of the stop; an open request is thereby granted.
   * A date up to today stops it now (Stopgezet); a later date within the line's period plans the
   * stop: the line stays Bezig and the sweep (J1) sets Stopgezet on that day. `check` only says
   * what would happen (for the confirmation page) and changes nothing.
   */
  function stop(
    actor: Actor,
    clientId: string,
    stepId: string,
    input: { version: number; date: CalendarDate },
    options: { check?: boolean } = {},
  ): Promise<Result<StopOutcome>> {
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const step = await stepOfDossier(repos, trx, dossier, stepId, true);
      const today = clock.today();
      const who = stepActorOf(actor, step.organisationId);
      if (who === 'adviseur' && step.version !== input.version) return failed([changedMeanwhile('toestand', step.updatedByLabel)]);
      if (!permissionsFor(step, who, [], today).canStop) throw new ForbiddenError('deze stap stopzetten');
      const problems = checkStopDate(input.date, step, today);
      if (problems.length > 0) return failed(problems);
      const planned = isPlannedStop(input.date, today);
      const outcome: StopOutcome = { stepId: step.id, typeLabel: step.type.label, date: input.date, planned };
      if (options.check === true) return succeeded(outcome);

      const written = planned
        ? await changes.writeChanges(trx, actor, step, input.version, { plannedStopDate: input.date }, [
            { field: 'geplande-stopzetting', old: step.plannedStopDate === null ? '' : formatDate(step.plannedStopDate), new: formatDate(input.date) },
          ])
        : await changes.writeChanges(trx, actor, step, input.version, { state: 'stopgezet', date: input.date, endedOn: today }, [
            { field: 'toestand', old: STATE_LABELS[step.state], new: STATE_LABELS.stopgezet },
            ...(input.date !== step.date ? [{ field: 'datum', old: formatDate(step.date), new: formatDate(input.date) }] : []),
          ]);
      if (!written) return failed([changedMeanwhile('toestand', step.updatedByLabel)]);

      const open = await repos.stopRequests.findOpenForStep(trx, step.id);
      if (open !== undefined) {
        await repos.stopRequests.decide(trx, open.id, { state: 'aanvaard', byLabel: actor.displayName, at: clock.now(), reason: null });
        await record(trx, actor, AuditAction.stopRequestAccepted, { clientId: step.clientId, details: { stepId: step.id, stepType: step.type.label, requestId: open.id } });
      }
      // Issue 17: a stop that takes effect now is told to the organisation's webhooks; a planned one when the sweep sets it.
      if (!planned) {
        await emit(trx, {
          type: 'stap.stopgezet',
          organisationId: step.organisationId,
          clientId: step.clientId,
          data: { stepId: step.id, attestId: await repos.webhooks.attestOfStep(trx, step.id), state: 'stopgezet', date: input.date, stopRequestId: open?.id ?? null, automatic: false },
        });
      }
      return succeeded(outcome);
    });
  }

  /** The adviseur declines a request, with a reason the partner sees on the line. */
  function decline(actor: Actor, clientId: string, stepId: string, input: { reason: string }): Promise<Result<{ requestId: string }>> {
    if (actor.role !== 'interventieadviseur') return Promise.reject(new ForbiddenError('verzoeken behandelen'));
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const step = await stepOfDossier(repos, trx, dossier, stepId, true);
      const open = await repos.stopRequests.findOpenForStep(trx, step.id);
      if (open === undefined) return failed([changedMeanwhile('reden', step.updatedByLabel)]);
      const problems = checkReason(input.reason);
      if (problems.length > 0) return failed(problems);
      await repos.stopRequests.decide(trx, open.id, { state: 'afgewezen', byLabel: actor.displayName, at: clock.now(), reason: input.reason.trim() });
      await record(trx, actor, AuditAction.stopRequestDeclined, {
        clientId: step.clientId,
        details: { stepId: step.id, stepType: step.type.label, requestId: open.id, reason: input.reason.trim() },
      });
      await emit(trx, {
        type: 'stopverzoek.afgewezen',
        organisationId: step.organisationId,
        clientId: step.clientId,
        data: { stepId: step.id, stopRequestId: open.id, state: 'afgewezen', stepState: step.state },
      });
      return { ok: true as const, value: { requestId: open.id } };
    });
  }

  /** "Te behandelen verzoeken": the adviseur's work list, oldest first. */
  async function workList(actor: Actor): Promise<OpenStopRequest[]> {
    if (actor.role !== 'interventieadviseur') throw new ForbiddenError('verzoeken behandelen');
    return repos.stopRequests.listOpen(db);
  }

  return { request, stop, decline, workList };
}
