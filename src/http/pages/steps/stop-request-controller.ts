/** O8: the partner's "Verzoek tot stopzetting" and the adviseur's "Te behandelen verzoeken". */
import type { FastifyInstance } from 'fastify';
import { dateInBrussels, formatDate } from '../../../domain/calendar-date.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, errorFor, textField, type FieldError } from '../form.ts';
import { dateInputItems, EMPTY_DATE, parseDateParts, readDateParts, type DateParts } from '../date-input.ts';
import { presentDossierFrame } from '../dossier/dossier-presenter.ts';
import type { StepDetail } from '../../../services/steps/steps-service.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { linkToExistingLine, stepPath } from './steps-overview-presenter.ts';

type Route = { Params: { clientId: string; stepId: string } };

function presentRequestForm(detail: StepDetail, input: { reason: string; date: DateParts }, errors: FieldError[]) {
  const path = stepPath(detail.step.clientId, detail.step.id);
  const dateError = errorFor(errors, 'voorgestelde-datum');
  return {
    title: 'Verzoek tot stopzetting',
    errors,
    frame: presentDossierFrame(detail.dossier, 'begeleiding', 'stappen-naar-werk'),
    stepLabel: detail.step.type.label,
    startDate: formatDate(detail.step.startDate),
    action: `${path}/stopzetting`,
    backHref: path,
    reason: { value: input.reason, errorMessage: errorFor(errors, 'reden') },
    date: { items: dateInputItems(input.date, dateError !== undefined), errorMessage: dateError },
  };
}

export function stopRequestRoutes(app: FastifyInstance): void {
  const { steps, stopRequests } = app.services;
  const template = 'pages/steps/stop-request.njk';

  app.get<Route>('/stappen/:stepId/stopzetting', async (request, reply) => {
    const detail = await steps.detail(actorOf(request), request.params.clientId, request.params.stepId);
    if (!detail.permissions.canRequestStop) return reply.redirect(stepPath(detail.step.clientId, detail.step.id), 303);
    return reply.render(template, presentRequestForm(detail, { reason: '', date: EMPTY_DATE }, []));
  });

  app.post<Route>('/stappen/:stepId/stopzetting', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, stepId } = request.params;
    const form = asRawForm(request.body);
    const reason = textField(form, 'reden');
    const parts = readDateParts(form, 'voorgestelde-datum');
    const date = parseDateParts(parts, messages.steps.proposedDateRequired);
    const errors: FieldError[] = [];
    if (reason === '') errors.push({ field: 'reden', message: messages.steps.reasonRequired });
    if (!date.ok) errors.push({ field: 'voorgestelde-datum', message: date.message, href: '#voorgestelde-datum-dag' });
    if (errors.length === 0 && date.ok) {
      const result = await stopRequests.request(actor, clientId, stepId, { reason, proposedDate: date.date });
      if (result.ok) {
        request.flash('success', messages.steps.stopRequested);
        return reply.redirect(stepPath(clientId, stepId), 303);
      }
      errors.push(...problemsToErrors(result.problems, problemMessages.steps, linkToExistingLine(clientId)));
    }
    const detail = await steps.detail(actor, clientId, stepId);
    return reply.render(template, presentRequestForm(detail, { reason, date: parts }, errors), 400);
  });
}

/** "Te behandelen verzoeken" (O8): the adviseur's work list, across dossiers. */
export function workListRoutes(app: FastifyInstance): void {
  const { stopRequests } = app.services;

  app.get('/verzoeken', async (request, reply) => {
    const requests = await stopRequests.workList(actorOf(request));
    return reply.render('pages/steps/work-list.njk', {
      title: 'Te behandelen verzoeken',
      rows: requests.map((r) => ({
        client: r.clientName,
        href: stepPath(r.clientId, r.stepId),
        organisation: r.organisationName,
        requestedBy: r.requestedByLabel,
        requestedOn: formatDate(dateInBrussels(r.requestedAt)),
        proposedDate: formatDate(r.proposedDate),
        reason: r.reason,
      })),
    });
  });
}
