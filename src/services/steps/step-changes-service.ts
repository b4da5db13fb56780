/**
 * Changing a line (O6, O7, O10, O11, O12): the partner's edits while Bezig, changingState, and
 * supplementing the Samenvatting in the 14 days after an end state. Every changed field gets
 * its own audit record with old and new value, in the same transaction as the change.
 */
import { formatDate, type CalendarDate } from '../../domain/calendar-date.ts';
import { mayTransition, stepActorOf } from '../../domain/steps/state-machine.ts';
import { isEndState, STATE_LABELS, SUMMARY_TOTAL_MAX_LENGTH, type Step, type StepState } from '../../domain/steps/step.ts';
import { appendToSummary, checkEndingDate, checkStartDate, checkSummary } from '../../domain/steps/validation.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { StepChanges } from '../../db/repositories/steps.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import type { DossierAccess } from '../dossiers/dossier-access.ts';
import { ForbiddenError } from '../errors.ts';
import { runningAttest, stepOfDossier } from './step-context.ts';
import { changedMeanwhile, failed, type Result, type Problem } from '../../domain/result.ts';
import { permissionsFor, type createStepsService } from './steps-service.ts';

export type StepChangeInput = Readonly<{
  version: number;
  state: StepState;
  date: CalendarDate;
  fundingNumberId: string | null;
  executorOfficeId: string;
  summary: string;
}>;

type FieldChange = Readonly<{ field: string; old: string; new: string }>;
type MutableChanges = { -readonly [K in keyof StepChanges]: StepChanges[K] };

export function createStepChangesService(
  { repos, clock }: ServiceContext,
  access: DossierAccess,
  steps: Pick<ReturnType<typeof createStepsService>, 'checkReferences'>,
) {
  const record = auditRecorder({ repos, clock });
  const conflict = (step: Step): Problem => changedMeanwhile('toestand', step.updatedByLabel);

  async function writeChanges(
    trx: Executor,
    actor: Actor,
    step: Step,
    version: number,
    changes: StepChanges,
    fields: FieldChange[],
    action: typeof AuditAction.stepChanged | typeof AuditAction.summaryAppended = AuditAction.stepChanged,
  ): Promise<boolean> {
    const now = clock.now();
    if (!(await repos.steps.update(trx, step.id, version, changes, { label: actor.displayName, at: now }))) return false;
    for (const change of fields) {
      await record(trx, actor, action, { clientId: step.clientId, details: { stepId: step.id, stepType: step.type.label, ...change } });
    }
    return true;
  }

  /**
   * O6/O7: the registering partner changes the fields of a Bezig line, or cancels it. `check`
   * runs every rule and says how many fields would change, without changing anything: the page
   * asks to confirm a final state (issue 15 defect 9) only for a change that would be accepted.
   */
  function change(actor: Actor, clientId: string, stepId: string, input: StepChangeInput, options: { check?: boolean } = {}): Promise<Result<{ changed: number }>> {
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const step = await stepOfDossier(repos, trx, dossier, stepId, true);
      const who = stepActorOf(actor, step.organisationId);
      const today = clock.today();
      // O12 first: a line changed (or ended) meanwhile gets the clear message, with the input kept.
      if (who === 'partner' && step.version !== input.version) return failed([conflict(step)]);
      if (!permissionsFor(step, who, [], today).canEdit) throw new ForbiddenError('deze stap wijzigen');

      const changingState = input.state !== step.state;
      if (changingState && !mayTransition(step.type.kind, who, step.state, input.state)) return failed([{ field: 'toestand', code: 'niet-toegestaan' }]);

      const problems = [
        ...(changingState
          ? checkEndingDate('datum', input.date, step.startDate, today)
          : checkStartDate(input.date, today, step.type.kind === 'outplacement' ? runningAttest(dossier, step.organisationId, today) : null)),
        ...(await steps.checkReferences(trx, actor, { ...input, requesterOfficeId: step.requester.id }, step.fundingNumber?.id ?? null)),
        ...checkSummary('samenvatting', input.summary),
      ];
      if (problems.length > 0) return failed(problems);

      const executor = await repos.offices.findById(trx, input.executorOfficeId);
      const funding = (await repos.fundingNumbers.listOfOrganisation(trx, actor.organisationId)).find((f) => f.id === input.fundingNumberId);
      const changes: MutableChanges = {};
      const fields: FieldChange[] = [];
      const noteChange = (field: string, old: string, now: string): void => {
        if (old !== now) fields.push({ field, old, new: now });
      };
      if (changingState) {
        // O7: the line's Datum becomes the date of cancellation (or, O13, of the end); the start date stays known.
        changes.state = input.state;
        changes.date = input.date;
        if (isEndState(input.state)) changes.endedOn = today;
        noteChange('toestand', STATE_LABELS[step.state], STATE_LABELS[input.state]);
      } else if (input.date !== step.date) {
        changes.date = input.date;
        changes.startDate = input.date;
      }
      noteChange('datum', formatDate(step.date), formatDate(input.date));
      if (input.fundingNumberId !== (step.fundingNumber?.id ?? null)) {
        changes.fundingNumberId = input.fundingNumberId;
        noteChange('financieringsnummer', step.fundingNumber?.code ?? '', funding?.code ?? '');
      }
      if (input.executorOfficeId !== step.executor.id) {
        changes.executorOfficeId = input.executorOfficeId;
        noteChange('uitvoerder', step.executor.label, executor?.label ?? '');
      }
      if (input.summary !== step.summary) {
        changes.summary = input.summary;
        noteChange('samenvatting', step.summary, input.summary);
      }
      if (fields.length === 0 || options.check === true) return { ok: true as const, value: { changed: fields.length } };
      if (!(await writeChanges(trx, actor, step, input.version, changes, fields))) return failed([conflict(step)]);
      // O8: a request to stop a line that ended otherwise has nothing left to decide.
      if (changingState) {
        const lapsed = await repos.stopRequests.lapseOpen(trx, step.id, { byLabel: actor.displayName, at: clock.now() });
        if (lapsed !== undefined) {
          await record(trx, actor, AuditAction.stopRequestLapsed, { clientId: step.clientId, details: { stepId: step.id, stepType: step.type.label, requestId: lapsed } });
        }
      }
      return { ok: true as const, value: { changed: fields.length } };
    });
  }

  /** O10: text appended to the Samenvatting of an end-state line, within its 14-day window. */
  function appendSummary(actor: Actor, clientId: string, stepId: string, version: number, addition: string): Promise<Result<{ changed: number }>> {
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const step = await stepOfDossier(repos, trx, dossier, stepId, true);
      const today = clock.today();
      const permissions = permissionsFor(step, stepActorOf(actor, step.organisationId), [], today);
      if (!permissions.canAppendSummary) {
        if (permissions.summaryWindowLastDay !== null) return failed([{ field: 'aanvulling', code: 'venster-gesloten' }]);
        throw new ForbiddenError('de samenvatting aanvullen');
      }
      if (step.version !== version) return failed([conflict(step)]);
      const text = addition.trim();
      if (text === '') return failed([{ field: 'aanvulling', code: 'verplicht' }]);
      const problems = checkSummary('aanvulling', text);
      if (problems.length > 0) return failed(problems);

      const summary = appendToSummary(step.summary, text, formatDate(today), actor.displayName);
      if (summary.length > SUMMARY_TOTAL_MAX_LENGTH) return failed([{ field: 'aanvulling', code: 'te-lang', params: { max: String(SUMMARY_TOTAL_MAX_LENGTH - step.summary.length) } }]);
      const fields = [{ field: 'samenvatting', old: step.summary, new: summary }];
      if (!(await writeChanges(trx, actor, step, version, { summary }, fields, AuditAction.summaryAppended))) return failed([conflict(step)]);
      return { ok: true as const, value: { changed: 1 } };
    });
  }

  return { change, appendSummary, writeChanges };
}
