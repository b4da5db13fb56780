/**
 * "Te behandelen attesten" (A3, A4) for the secretariaat (every request) and the adviseurs
 * (extensions): the queue, the detail with the scan, and the decision (Goedkeuren, Afwijzen,
 * Origineel ontvangen). Post/redirect/get; a concurrent decision is answered 409 with the
 * current state and nothing done twice.
 */
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../../../domain/calendar-date.ts';
import type { Decision } from '../../../services/attests/attest-handling-service.ts';
import { messages } from '../../messages.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { attachmentDisposition } from '../shared/content-disposition.ts';
import { asRawForm, textField, type FieldError } from '../form.ts';
import { decisionProblemsToErrors } from './attest-problems.ts';
import { presentDetail, presentQueue, REQUEST_PATHS, requestPath } from './attests-presenter.ts';

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
    const reason = textField(form, 'reden');
    const originalReceived = textField(form, 'origineel') === 'ja';
    const version = /^\d{1,9}$/.test(textField(form, 'versie')) ? Number(textField(form, 'versie')) : 0;
    const action = textField(form, 'actie');
    let decision: Decision | undefined;
    if (action === 'goedkeuren') decision = { action, version, originalReceived };
    else if (action === 'afwijzen') decision = { action, version, originalReceived, reason };
    else if (originalReceived) decision = { action: 'origineel', version };

    let errors: FieldError[];
    let status = 400;
    if (decision === undefined) {
      errors = [{ field: 'beslissing', message: messages.attests.nothingChosen }];
    } else {
      const result = await attestHandling.decide(actor, requestId, decision);
      if (result.ok) {
        const name = `${result.request.firstName} ${result.request.familyName}`;
        const m = messages.attests;
        if (decision.action === 'origineel') request.flash('success', m.originalRecorded);
        else if (decision.action === 'afwijzen') request.flash('success', m.rejected(name));
        else request.flash('success', result.request.kind === 'verlenging' ? m.extended(name, formatDate(result.request.endDate)) : m.approved(name));
        return reply.redirect(decision.action === 'origineel' ? requestPath(requestId) : REQUEST_PATHS.queue, 303);
      }
      errors = decisionProblemsToErrors(result.problems);
      if (result.problems.some((p) => p.code === 'al-behandeld' || p.code === 'gewijzigd')) status = 409;
    }
    const detail = await attestHandling.detail(actor, requestId);
    return reply.render(TEMPLATE, presentDetail(detail, { reason, originalReceived }, errors), status);
  });

  // The scan: always as an attachment, never rendered inline or sniffed (as D6).
  app.get<Route>(`${REQUEST_PATHS.queue}/:requestId/scan`, async (request, reply) => {
    const { request: found, content } = await attestHandling.downloadScan(actorOf(request), request.params.requestId);
    return reply
      .header('Content-Type', found.scan.mediaType)
      .header('Content-Length', String(content.size))
      .header('Content-Disposition', attachmentDisposition(found.scan.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'no-store')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(content.stream);
  });
}
