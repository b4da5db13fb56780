/**
 * "Te behandelen attesten" (A3, A4) for the secretariaat (every request) and the adviseurs
 * (extensions): the queue, the detail with the scan, and the decision (Goedkeuren, Afwijzen,
 * Origineel ontvangen). Post/redirect/get; a concurrent decision is answered 409 with the
 * current state and nothing done twice.
 */
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../../../domain/calendar-date.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { sendAttachment } from '../shared/content-disposition.ts';
import { asRawForm, type FieldError } from '../form.ts';
import { problemsToErrors, statusOf } from '../shared/problems.ts';
import { readDecisionForm } from './handling-form.ts';
import { presentDetail, presentQueue, REQUEST_PATHS, requestPath } from './attests-presenter.ts';
import { presentDecisionConfirmation } from './decision-confirm-presenter.ts';
import { readConfirmation } from '../shared/confirm.ts';

type Route = { Params: { requestId: string } };

const TEMPLATE = 'pages/attests/detail.njk';

export function attestHandlingRoutes(app: FastifyInstance): void {
  const { attestHandling } = app.services;

  app.get(REQUEST_PATHS.queue, async (request, reply) => {
    return reply.render('pages/attests/queue.njk', presentQueue(await attestHandling.queue(actorOf(request))));
  });

  app.get<Route>(`${REQUEST_PATHS.queue}/:requestId`, async (request, reply) => {
    const detail = await attestHandling.detail(actorOf(request), request.params.requestId);
    return reply.render(TEMPLATE, presentDetail(detail, { reason: '', originalReceived: false }, []));
  });

  app.post<Route>(`${REQUEST_PATHS.queue}/:requestId`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { requestId } = request.params;
    const form = asRawForm(request.body);
    const { input, decision } = readDecisionForm(form);
    const confirmation = readConfirmation(form);
    // Issue 15 defect 9: "Nee, ga terug" on the confirmation page: the detail again, with the input kept.
    if (confirmation === 'nee') return reply.render(TEMPLATE, presentDetail(await attestHandling.detail(actor, requestId), input, []));

    let errors: FieldError[];
    let status: 400 | 409 = 400;
    if (decision === undefined) {
      errors = [{ field: 'beslissing', message: messages.attests.nothingChosen }];
    } else {
      // Goedkeuren and Afwijzen are final: checked first, confirmed on a page of their own, then done.
      const confirmFirst = confirmation !== 'ja';
      const result = await attestHandling.decide(actor, requestId, decision, { check: confirmFirst && decision.action !== 'origineel' });
      if (result.ok && confirmFirst && decision.action !== 'origineel') {
        return reply.render('pages/attests/confirm-decision.njk', presentDecisionConfirmation(result.value.request, decision));
      }
      if (result.ok) {
        const decided = result.value.request;
        const name = `${decided.firstName} ${decided.familyName}`;
        const m = messages.attests;
        if (decision.action === 'origineel') request.flash('success', m.originalRecorded);
        else if (decision.action === 'afwijzen') request.flash('success', m.rejected(name));
        else request.flash('success', decided.kind === 'verlenging' ? m.extended(name, formatDate(decided.endDate)) : m.approved(name));
        return reply.redirect(decision.action === 'origineel' ? requestPath(requestId) : REQUEST_PATHS.queue, 303);
      }
      errors = problemsToErrors(result.problems, problemMessages.attests);
      status = statusOf(result.problems);
    }
    const detail = await attestHandling.detail(actor, requestId);
    return reply.render(TEMPLATE, presentDetail(detail, input, errors), status);
  });

  // The scan: always as an attachment, never rendered inline or sniffed (as D6).
  app.get<Route>(`${REQUEST_PATHS.queue}/:requestId/scan`, async (request, reply) => {
    const { request: found, content } = await attestHandling.downloadScan(actorOf(request), request.params.requestId);
    return sendAttachment(reply, found.scan, content);
  });
}
