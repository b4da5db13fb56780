/**
 * "Verlenging aanvragen" (A4) on a dossier with a running attest of the partner's organisation:
 * the new end date and the new signed scan (multipart, CSRF first, see attest-multipart.ts).
 */
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../../../domain/calendar-date.ts';
import type { ExtensionContext } from '../../../services/attests/attest-requests-service.ts';
import { messages } from '../../messages.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { dateInputItems, EMPTY_DATE, parseDateParts, readDateParts, type DateParts } from '../date-input.ts';
import { presentDossierFrame, dossierPath } from '../dossier/dossier-presenter.ts';
import { errorFor, type FieldError } from '../form.ts';
import { readMultipartForm } from '../shared/multipart-form.ts';
import { ATTEST_FORM_LIMITS, SCAN_FIELD } from './request-form.ts';
import { requestProblemsToErrors, stateLabel } from './attest-problems.ts';
import { REQUEST_PATHS } from './attests-presenter.ts';
import { dateError } from './request-form.ts';
import { REGIME_LABELS } from '../../../domain/clients.ts';
import { scanError } from './request-controller.ts';

type Route = { Params: { clientId: string } };

const TEMPLATE = 'pages/attests/extension.njk';

export const extensionPath = (clientId: string): string => `/dossiers/${clientId}/verlenging`;

function presentExtension(context: ExtensionContext, input: DateParts, errors: FieldError[], chooseAgain = false) {
  const { dossier, attest } = context;
  const endError = errorFor(errors, 'einddatum');
  return {
    title: 'Verlenging aanvragen',
    errors,
    frame: presentDossierFrame(dossier, 'klantenportret'),
    attest:
      attest === null
        ? null
        : [
            { key: { text: 'Regime' }, value: { text: REGIME_LABELS[attest.regime] } },
            { key: { text: 'Startdatum' }, value: { text: formatDate(attest.startDate) } },
            { key: { text: 'Huidige einddatum' }, value: { text: formatDate(attest.endDate) } },
          ],
    lineEnded: context.lineEnded === null ? null : messages.attests.lineEnded(stateLabel(context.lineEnded)),
    action: extensionPath(dossier.client.id),
    backHref: dossierPath(dossier.client.id),
    endDate: { items: dateInputItems(input, endError !== undefined), errorMessage: endError },
    scan: { errorMessage: errorFor(errors, 'scan') },
    scanHint: `PDF, JPG of PNG, hoogstens 20 MB.${chooseAgain ? ` ${messages.documents.chooseAgain}` : ''}`,
  };
}

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
      release: async (outcome) => {
        if (outcome.ok) await uploads.release(outcome.file);
      },
    });
    const parts = readDateParts(form, 'einddatum');
    const end = parseDateParts(parts, messages.attests.newEndRequired);
    const errors: FieldError[] = end.ok ? [] : [dateError('einddatum', end.message)];
    const missingScan = scanError(upload);
    if (missingScan !== undefined) errors.push(missingScan);
    if (!end.ok || upload === undefined || !upload.ok) {
      if (upload?.ok === true) await uploads.release(upload.file);
      return reply.render(TEMPLATE, presentExtension(context, parts, errors, upload?.ok === true), 400);
    }
    const result = await attestRequests.requestExtension(actor, clientId, end.date, upload.file);
    if (!result.ok) {
      return reply.render(TEMPLATE, presentExtension(context, parts, requestProblemsToErrors(result.problems, context.attest?.endDate ?? null), true), 400);
    }
    request.flash('success', messages.attests.extensionSubmitted);
    return reply.redirect(REQUEST_PATHS.mine, 303);
  });
}
