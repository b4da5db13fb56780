/**
 * "Toegang aanvragen" (A2), "Attest afdrukken" and "Mijn aanvragen" for partners. The form is
 * multipart (the scan): the CSRF token is its first field, checked before the rest is read
 * (shared/multipart-form.ts); the scan streams into the one upload service.
 */
import type { FastifyInstance } from 'fastify';
import { messages, problemMessages } from '../../messages.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { problemsToErrors } from '../shared/problems.ts';
import type { FieldError } from '../form.ts';
import { dossierPath } from '../dossier/dossier-presenter.ts';
import { readMultipartForm } from '../shared/multipart-form.ts';
import { alreadyAccessClient, presentRequestPage, scanError } from './request-presenter.ts';
import { attestFileName, renderAttestPdf } from './attest-pdf.ts';
import { presentMyRequests, REQUEST_PATHS } from './attests-presenter.ts';
import { ATTEST_FORM_LIMITS, EMPTY_REQUEST_FORM, parseRequestForm, readRequestForm, SCAN_FIELD } from './request-form.ts';

const TEMPLATE = 'pages/attests/request.njk';

export function attestRequestRoutes(app: FastifyInstance): void {
  const { attestRequests, uploads } = app.services;

  app.get(REQUEST_PATHS.request, async (request, reply) => {
    attestRequests.formContext(actorOf(request));
    return reply.render(TEMPLATE, presentRequestPage(EMPTY_REQUEST_FORM, []));
  });

  app.post(REQUEST_PATHS.request, async (request, reply) => {
    const actor = actorOf(request);
    attestRequests.formContext(actor);
    const { form: raw, upload } = await readMultipartForm(request, reply, {
      fileField: SCAN_FIELD,
      limits: ATTEST_FORM_LIMITS,
      receive: (file) => attestRequests.receiveScan(actor, file),
      release: async (outcome) => {
        if (outcome.ok) await uploads.release(outcome.file);
      },
    });
    const input = readRequestForm(raw);
    const form = parseRequestForm(input);
    const errors: FieldError[] = form.ok ? [] : [...form.errors];
    const missingScan = scanError(upload);
    if (missingScan !== undefined) errors.push(missingScan);
    if (!form.ok || upload === undefined || !upload.ok) {
      if (upload?.ok === true) await uploads.release(upload.file);
      return reply.render(TEMPLATE, presentRequestPage(input, errors, { chooseAgain: upload?.ok === true }), 400);
    }
    const result = await attestRequests.submit(actor, form.value, upload.file);
    if (!result.ok) {
      const clientId = alreadyAccessClient(result.problems);
      return reply.render(
        TEMPLATE,
        presentRequestPage(input, problemsToErrors(result.problems, problemMessages.attests), { dossierHref: clientId === null ? null : dossierPath(clientId), chooseAgain: true }),
        400,
      );
    }
    request.flash('success', messages.attests.submitted);
    return reply.redirect(REQUEST_PATHS.mine, 303);
  });

  // "Attest afdrukken": the same form, posted to here; the scan (if any) is read and discarded.
  app.post(REQUEST_PATHS.print, async (request, reply) => {
    const actor = actorOf(request);
    attestRequests.formContext(actor);
    const { form: raw } = await readMultipartForm(request, reply, {
      fileField: SCAN_FIELD,
      limits: ATTEST_FORM_LIMITS,
      receive: undefined,
      release: () => Promise.resolve(),
    });
    const input = readRequestForm(raw);
    const form = parseRequestForm(input);
    const errors: FieldError[] = form.ok ? problemsToErrors(attestRequests.checkFields(actor, form.value), problemMessages.attests) : [...form.errors];
    if (!form.ok || errors.length > 0) return reply.render(TEMPLATE, presentRequestPage(input, errors), 400);
    const pdf = await renderAttestPdf({ ...form.value, organisationName: actor.organisationName, officeLabel: actor.officeLabel });
    return reply
      .type('application/pdf')
      .header('Content-Disposition', `inline; filename="${attestFileName(form.value)}"`)
      .header('Cache-Control', 'no-store')
      .send(Buffer.from(pdf));
  });

  app.get(REQUEST_PATHS.mine, async (request, reply) => {
    const requests = await attestRequests.mine(actorOf(request));
    return reply.render('pages/attests/my-requests.njk', presentMyRequests(requests));
  });
}
