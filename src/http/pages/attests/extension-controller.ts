/**
 * "Verlenging aanvragen" (A4) on a dossier with a running attest of the partner's organisation:
 * the new end date and the new signed scan (multipart, CSRF first, see shared/multipart-form.ts).
 */
import type { FastifyInstance } from 'fastify';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { EMPTY_DATE, parseDateParts, readDateParts } from '../date-input.ts';
import type { FieldError } from '../form.ts';
import { readMultipartForm, releaseAccepted } from '../shared/multipart-form.ts';
import { ATTEST_FORM_LIMITS, SCAN_FIELD } from './request-form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { presentExtension } from './extension-presenter.ts';
import { scanError } from './request-presenter.ts';
import { REQUEST_PATHS } from './attests-presenter.ts';
import { dateError } from './request-form.ts';

type Route = { Params: { clientId: string } };

const TEMPLATE = 'pages/attests/extension.njk';

export function extensionRoutes(app: FastifyInstance): void {
  const { attestRequests, uploads } = app.services;

  app.get<Route>('/verlenging', async (request, reply) => {
    const context = await attestRequests.extensionContext(actorOf(request), request.params.clientId);
    return reply.render(TEMPLATE, presentExtension(context, EMPTY_DATE, []));
  });

  app.post<Route>('/verlenging', async (request, reply) => {
    const actor = actorOf(request);
    // Access first (A1), before a byte of the scan is read.
    const context = await attestRequests.extensionContext(actor, request.params.clientId, false);
    const clientId = context.dossier.client.id;
    const { form, upload } = await readMultipartForm(request, reply, {
      fileField: SCAN_FIELD,
      limits: ATTEST_FORM_LIMITS,
      receive: (file) => attestRequests.receiveScan(actor, file),
      release: releaseAccepted(uploads),
    });
    const parts = readDateParts(form, 'einddatum');
    const end = parseDateParts(parts, messages.attests.newEndRequired);
    const missingScan = scanError(upload);
    if (!end.ok || upload === undefined || !upload.ok) {
      if (upload?.ok === true) await uploads.release(upload.file);
      // Issue 15 defect 6: a refused scan and the end date's problems in one answer.
      const dateErrors: FieldError[] = end.ok
        ? problemsToErrors(await attestRequests.checkExtensionEnd(actor, clientId, end.date), problemMessages.attests)
        : [dateError('einddatum', end.message)];
      const errors = [...dateErrors, ...(missingScan === undefined ? [] : [missingScan])];
      return reply.render(TEMPLATE, presentExtension(context, parts, errors, upload?.ok === true), 400);
    }
    const result = await attestRequests.requestExtension(actor, clientId, end.date, upload.file);
    if (!result.ok) {
      return reply.render(TEMPLATE, presentExtension(context, parts, problemsToErrors(result.problems, problemMessages.attests), true), 400);
    }
    request.flash('success', messages.attests.extensionSubmitted);
    return reply.redirect(REQUEST_PATHS.mine, 303);
  });
}
