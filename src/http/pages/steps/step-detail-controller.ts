/**
 * A line's detail (O6–O10): the Bezig line's form for its registering partner, a read-only view
 * otherwise; "Samenvatting aanvullen" after an end state; the adviseur's stop and decline.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../domain/users.ts';
import type { StepDetail } from '../../../services/steps/steps-service.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, multilineField, textField, type FieldError } from '../form.ts';
import { parseDateParts, partsOf, readDateParts } from '../date-input.ts';
import { dossierPath } from '../dossier/dossier-presenter.ts';
import { presentDossierFrame } from '../dossier/dossier-presenter.ts';
import { applyFormAction } from './step-form-actions.ts';
import { presentStepForm, type OfficeSearch } from './step-form-presenter.ts';
import { partActedOn, readStepForm, validateStepForm, type StepFormInput, type StepFormPart } from './step-form.ts';
import { presentStepExtras, presentStepReadOnly, type StepActionInput } from './step-detail-presenter.ts';
import { isConflict } from '../../../domain/result.ts';
import { problemsToErrors, statusOf } from '../shared/problems.ts';
import { readVersion } from '../shared/version.ts';
import { cancelledLinesPath, linkToExistingLine, stepPath } from './steps-overview-presenter.ts';
import { presentChangeConfirmation, presentStopConfirmation } from './step-confirm-presenter.ts';
import { readConfirmation } from '../shared/confirm.ts';
import { formatDate } from '../../../domain/calendar-date.ts';
import { isFinal, STATE_LABELS } from '../../../domain/steps/step.ts';

type Route = { Params: { clientId: string; stepId: string } };

function inputOf(detail: StepDetail): StepFormInput {
  const { step } = detail;
  return {
    toestand: step.state,
    datum: partsOf(step.date),
    financieringsnummer: step.fundingNumber?.id ?? '',
    aanvrager: step.requester.id,
    uitvoerder: step.executor.id,
    samenvatting: step.summary,
    aanvragerZoek: '',
    uitvoerderZoek: '',
    versie: String(step.version),
  };
}

export function stepDetailRoutes(app: FastifyInstance): void {
  const { steps, stepChanges, stopRequests } = app.services;

  async function show(
    reply: FastifyReply,
    actor: Actor,
    detail: StepDetail,
    extra: { input?: StepFormInput; actionInput?: StepActionInput; errors?: FieldError[]; search?: OfficeSearch | null; returnTo?: StepFormPart | null; status?: number } = {},
  ) {
    const { step, permissions, dossier } = detail;
    const errors = extra.errors ?? [];
    const extras = presentStepExtras(detail, extra.actionInput, errors);
    const backHref = dossierPath(step.clientId, 'begeleiding', 'stappen-naar-werk');
    if (permissions.canEdit) {
      const input = extra.input ?? inputOf(detail);
      const officeLabels = await steps.officeLabels([input.aanvrager, input.uitvoerder, step.requester.id, ...(actor.officeId === null ? [] : [actor.officeId])]);
      const page = presentStepForm({
        mode: 'wijzigen',
        dossier,
        typeLabel: step.type.label,
        action: stepPath(step.clientId, step.id),
        backHref,
        states: permissions.states,
        fundingNumbers: detail.fundingNumbers,
        officeLabels,
        ownOfficeId: actor.officeId,
        requesterFixed: true,
        attest: null,
        today: detail.today,
        input: { ...input, aanvrager: step.requester.id },
        errors,
        search: extra.search ?? null,
        returnTo: extra.returnTo ?? null,
      });
      return reply.render('pages/steps/step-edit.njk', { ...page, extras }, extra.status ?? 200);
    }
    return reply.render(
      'pages/steps/step-detail.njk',
      {
        title: `Stap: ${step.type.label}`,
        errors,
        frame: presentDossierFrame(dossier, 'begeleiding', 'stappen-naar-werk'),
        rows: presentStepReadOnly(detail),
        extras,
        backHref,
      },
      extra.status ?? 200,
    );
  }

  app.get<Route>('/stappen/:stepId', async (request, reply) => {
    const actor = actorOf(request);
    return show(reply, actor, await steps.detail(actor, request.params.clientId, request.params.stepId));
  });

  app.post<Route>('/stappen/:stepId', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, stepId } = request.params;
    const detail = await steps.detail(actor, clientId, stepId);
    const { action, input } = readStepForm(request.body);
    if (action !== 'bevestigen') {
      const outcome = await applyFormAction(app.services, actor, action, input, { today: detail.today, ownOfficeId: actor.officeId });
      return show(reply, actor, detail, { input: outcome.input, errors: outcome.errors, search: outcome.search, returnTo: partActedOn(action), status: outcome.errors.length > 0 ? 400 : 200 });
    }
    const confirmation = readConfirmation(asRawForm(request.body));
    // Issue 15 defect 9: "Nee, ga terug" on the confirmation page: the form again, as it was filled in.
    if (confirmation === 'nee') return show(reply, actor, detail, { input });
    const form = validateStepForm({ ...input, aanvrager: detail.step.requester.id });
    if (!form.ok) return show(reply, actor, detail, { input, errors: [...form.errors], status: 400 });
    // A final state is asked to be confirmed first, once the change passes every rule.
    const final = form.value.state !== detail.step.state && isFinal(form.value.state);
    const result = await stepChanges.change(actor, clientId, stepId, form.value, { check: final && confirmation !== 'ja' });
    if (!result.ok) {
      // O12: after a conflict the form keeps the user's input, now on the current version.
      const current = await steps.detail(actor, clientId, stepId);
      const conflict = isConflict(result.problems);
      return show(reply, actor, current, {
        input: conflict ? { ...input, versie: String(current.step.version) } : input,
        errors: problemsToErrors(result.problems, problemMessages.steps, linkToExistingLine(clientId)),
        status: statusOf(conflict),
      });
    }
    if (final && confirmation !== 'ja') {
      return reply.render('pages/steps/confirm-step.njk', presentChangeConfirmation(detail, input, form.value.state, form.value.date));
    }
    const type = detail.step.type.label;
    if (form.value.state === 'geannuleerd' && final) {
      request.flash('success', messages.steps.cancelled(type), { href: cancelledLinesPath(clientId), text: messages.steps.showCancelled });
    } else if (final) {
      request.flash('success', messages.steps.ended(type, STATE_LABELS[form.value.state]));
    } else {
      request.flash('success', result.value.changed === 0 ? messages.steps.nothingChanged : messages.steps.changed);
    }
    return reply.redirect(dossierPath(clientId, 'begeleiding', 'stappen-naar-werk'), 303);
  });

  app.post<Route>('/stappen/:stepId/samenvatting', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, stepId } = request.params;
    const form = asRawForm(request.body);
    const addition = multilineField(form, 'aanvulling');
    const result = await stepChanges.appendSummary(actor, clientId, stepId, readVersion(form), addition);
    if (!result.ok) {
      const detail = await steps.detail(actor, clientId, stepId);
      return show(reply, actor, detail, { actionInput: { aanvulling: addition }, errors: problemsToErrors(result.problems, problemMessages.steps, linkToExistingLine(clientId)), status: 400 });
    }
    request.flash('success', messages.steps.summaryAppended);
    return reply.redirect(stepPath(clientId, stepId), 303);
  });

  app.post<Route>('/stappen/:stepId/stopzetten', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, stepId } = request.params;
    const form = asRawForm(request.body);
    const parts = readDateParts(form, 'stop-datum');
    const confirmation = readConfirmation(form);
    if (confirmation === 'nee') return show(reply, actor, await steps.detail(actor, clientId, stepId), { actionInput: { stopDatum: parts } });
    const date = parseDateParts(parts);
    // Issue 15 defect 9: checked first and confirmed on a page of its own; then done.
    const result = date.ok
      ? await stopRequests.stop(actor, clientId, stepId, { version: readVersion(form), date: date.date }, { check: confirmation !== 'ja' })
      : { ok: false as const, problems: [] };
    if (!result.ok) {
      const detail = await steps.detail(actor, clientId, stepId);
      const errors: FieldError[] = date.ok
        ? problemsToErrors(result.problems, problemMessages.steps, linkToExistingLine(clientId)).map((e) => (e.field === 'datum' ? { ...e, field: 'stop-datum', href: '#stop-datum-dag' } : e))
        : [{ field: 'stop-datum', message: date.message, href: '#stop-datum-dag' }];
      return show(reply, actor, detail, { actionInput: { stopDatum: parts }, errors, status: statusOf(isConflict(result.problems)) });
    }
    const outcome = result.value;
    if (confirmation !== 'ja') {
      const detail = await steps.detail(actor, clientId, stepId);
      return reply.render('pages/steps/confirm-step.njk', presentStopConfirmation(detail, { version: String(readVersion(form)), parts }, outcome));
    }
    const shown = formatDate(outcome.date);
    request.flash('success', outcome.planned ? messages.steps.stopPlanned(outcome.typeLabel, shown) : messages.steps.stopped(outcome.typeLabel, shown));
    return reply.redirect(stepPath(clientId, stepId), 303);
  });

  app.post<Route>('/stappen/:stepId/verzoek-afwijzen', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, stepId } = request.params;
    const reason = textField(asRawForm(request.body), 'reden');
    const result = await stopRequests.decline(actor, clientId, stepId, { reason });
    if (!result.ok) {
      const detail = await steps.detail(actor, clientId, stepId);
      return show(reply, actor, detail, {
        actionInput: { afwijzingReden: reason },
        errors: problemsToErrors(result.problems, problemMessages.steps, linkToExistingLine(clientId)),
        status: 400,
      });
    }
    request.flash('success', messages.steps.requestDeclined);
    return reply.redirect(stepPath(clientId, stepId), 303);
  });
}
