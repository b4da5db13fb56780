/**
 * "Voeg een stap toe" > "Toevoegen" opens "Stap: <type>" (O1); "Bevestigen" registers the
 * line (O2–O5) and returns to Stappen naar werk; "Terug zonder bevestigen" stores nothing.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { STATE_LABELS } from '../../../domain/steps/step.ts';
import type { Actor } from '../../../domain/users.ts';
import type { StepFormContext } from '../../../services/steps/steps-service.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import type { FieldError } from '../form.ts';
import { EMPTY_DATE } from '../date-input.ts';
import { dossierPath, presentDossierFrame } from '../dossier/dossier-presenter.ts';
import { applyFormAction } from './step-form-actions.ts';
import { presentStepForm, type OfficeSearch } from './step-form-presenter.ts';
import { partActedOn, readStepForm, validateStepForm, type StepFormInput, type StepFormPart } from './step-form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { linkToExistingLine, presentRunningLine } from './steps-overview-presenter.ts';

type Route = { Params: { clientId: string }; Querystring: { stap?: string } };

export function newStepRoutes(app: FastifyInstance): void {
  const { steps } = app.services;

  async function show(
    reply: FastifyReply,
    actor: Actor,
    context: StepFormContext,
    input: StepFormInput,
    extra: { errors?: FieldError[]; search?: OfficeSearch | null; returnTo?: StepFormPart | null; status?: number } = {},
  ) {
    const clientId = context.dossier.client.id;
    const officeLabels = await steps.officeLabels([input.aanvrager, input.uitvoerder, ...(actor.officeId === null ? [] : [actor.officeId])]);
    const page = presentStepForm({
      mode: 'nieuw',
      dossier: context.dossier,
      typeLabel: context.type.label,
      action: `/dossiers/${clientId}/stappen/nieuw?stap=${encodeURIComponent(context.type.code)}`,
      backHref: dossierPath(clientId, 'begeleiding', 'stappen-naar-werk'),
      states: ['bezig'],
      fundingNumbers: context.fundingNumbers,
      officeLabels,
      ownOfficeId: context.ownOffice?.id ?? null,
      requesterFixed: false,
      attest: context.attest,
      today: context.today,
      input,
      errors: extra.errors ?? [],
      search: extra.search ?? null,
      returnTo: extra.returnTo ?? null,
    });
    return reply.render('pages/steps/step-form.njk', page, extra.status ?? 200);
  }

  app.get<Route>('/stappen/nieuw', async (request, reply) => {
    const actor = actorOf(request);
    const context = await steps.formContext(actor, request.params.clientId, request.query.stap ?? '');
    if (context.runningLine !== null) {
      // O4 (issue 15 defect 8): said before the form, with the link to the line; the service still refuses a second line.
      const clientId = context.dossier.client.id;
      return reply.render('pages/steps/step-running.njk', {
        title: `Stap: ${context.type.label}`,
        frame: presentDossierFrame(context.dossier, 'begeleiding', 'stappen-naar-werk'),
        runningLine: presentRunningLine(clientId, context.runningLine),
        backHref: dossierPath(clientId, 'begeleiding', 'stappen-naar-werk'),
      });
    }
    const own = context.ownOffice?.id ?? '';
    return show(reply, actor, context, {
      toestand: 'bezig',
      datum: EMPTY_DATE,
      financieringsnummer: '',
      aanvrager: own,
      uitvoerder: own,
      samenvatting: '',
      aanvragerZoek: '',
      uitvoerderZoek: '',
      versie: '0',
    });
  });

  app.post<Route>('/stappen/nieuw', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const context = await steps.formContext(actor, request.params.clientId, request.query.stap ?? '');
    const { action, input } = readStepForm(request.body);
    const fixed = { ...input, toestand: 'bezig' };
    if (action !== 'bevestigen') {
      const outcome = await applyFormAction(app.services, actor, action, fixed, { today: context.today, ownOfficeId: context.ownOffice?.id ?? null });
      return show(reply, actor, context, outcome.input, { errors: outcome.errors, search: outcome.search, returnTo: partActedOn(action), status: outcome.errors.length > 0 ? 400 : 200 });
    }
    const form = validateStepForm(fixed);
    if (!form.ok) return show(reply, actor, context, fixed, { errors: [...form.errors], status: 400 });
    const clientId = context.dossier.client.id;
    const result = await steps.register(actor, clientId, context.type.code, form.value);
    if (!result.ok) {
      return show(reply, actor, context, fixed, { errors: problemsToErrors(result.problems, problemMessages.steps, linkToExistingLine(clientId)), status: 400 });
    }
    request.flash('success', `${messages.steps.registered(context.type.label)} Toestand: ${STATE_LABELS.bezig}.`);
    return reply.redirect(dossierPath(clientId, 'begeleiding', 'stappen-naar-werk'), 303);
  });
}
