/**
 * "Toegang aanvragen" (A2), "Attest afdrukken" and "Mijn aanvragen" for partners. The form is
 * multipart (the scan): the CSRF token is its first field, checked before the rest is read
 * (shared/multipart-form.ts); the scan streams into the one upload service.
 */
import type { FastifyInstance } from 'fastify';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { asRawForm, mergeErrors, type RawForm } from '../form.ts';
import type { Actor } from '../../../domain/users.ts';
import { dossierPath } from '../dossier/dossier-presenter.ts';
import { readMultipartForm, releaseAccepted } from '../shared/multipart-form.ts';
import { alreadyAccessClient, presentRequestPage, scanError } from './request-presenter.ts';
import { attestFileName, renderAttestPdf } from './attest-pdf.ts';
import { presentMyRequests, REQUEST_PATHS } from './attests-presenter.ts';
import { ATTEST_FORM_LIMITS, EMPTY_REQUEST_FORM, parseRequestForm, readRequestForm, REQUEST_FIELD_ORDER, requestFieldsOf, SCAN_FIELD } from './request-form.ts';

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
      release: releaseAccepted(uploads),
    });
    const input = readRequestForm(raw);
    const form = parseRequestForm(input);
    const missingScan = scanError(upload);
    if (!form.ok || upload === undefined || !upload.ok) {
      if (upload?.ok === true) await uploads.release(upload.file);
      // Issue 15 defect 6: every problem in one answer: the form's, the rules on the fields
      // given (INSZ, names, dates), the organisation's own attests and requests, and the scan.
      const problems = await attestRequests.check(actor, requestFieldsOf(input));
      const errors = mergeErrors(
        REQUEST_FIELD_ORDER,
        form.ok ? [] : form.errors,
        problemsToErrors(problems, problemMessages.attests),
        missingScan === undefined ? [] : [missingScan],
      );
      const clientId = alreadyAccessClient(problems);
      return reply.render(
        TEMPLATE,
        presentRequestPage(input, errors, { chooseAgain: upload?.ok === true, dossierHref: clientId === null ? null : dossierPath(clientId) }),
        400,
      );
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

  /** The request's fields checked for printing: the value, or every error at once (defect 6). */
  function checkForPrint(actor: Actor, raw: RawForm) {
    const input = readRequestForm(raw);
    const form = parseRequestForm(input);
    const errors = mergeErrors(REQUEST_FIELD_ORDER, form.ok ? [] : form.errors, problemsToErrors(attestRequests.checkFields(actor, requestFieldsOf(input)), problemMessages.attests));
    return { input, value: form.ok && errors.length === 0 ? form.value : null, errors };
  }

  // "Attest afdrukken": the same form, posted here in the same tab; the scan (if any) is read and
  // discarded. Issue 15 defect 7: missing or wrong data come back on the form, in this tab; good
  // data bring the same form back with "Open het attest", which opens the PDF in a new tab. (A
  // form has one target, chosen before the answer is known: without JavaScript, the only way to
  // keep errors in this tab and the PDF in a new one is this second, checked step.)
  app.post(REQUEST_PATHS.print, async (request, reply) => {
    const actor = actorOf(request);
    attestRequests.formContext(actor);
    const { form: raw } = await readMultipartForm(request, reply, {
      fileField: SCAN_FIELD,
      limits: ATTEST_FORM_LIMITS,
      receive: undefined,
      release: () => Promise.resolve(),
    });
    const { input, value, errors } = checkForPrint(actor, raw);
    if (value === null) return reply.render(TEMPLATE, presentRequestPage(input, errors), 400);
    return reply.render(TEMPLATE, presentRequestPage(input, [], { printReady: true }));
  });

  // "Open het attest": the checked data again (a plain form with its CSRF token), the PDF inline.
  app.post(REQUEST_PATHS.printPdf, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    attestRequests.formContext(actor);
    const { input, value, errors } = checkForPrint(actor, asRawForm(request.body));
    if (value === null) return reply.render(TEMPLATE, presentRequestPage(input, errors), 400);
    const pdf = await renderAttestPdf({ ...value, organisationName: actor.organisationName, officeLabel: actor.officeLabel });
    return reply
      .type('application/pdf')
      .header('Content-Disposition', `inline; filename="${attestFileName(value)}"`)
      .header('Cache-Control', 'no-store')
      .send(Buffer.from(pdf));
  });

  app.get(REQUEST_PATHS.mine, async (request, reply) => {
    const requests = await attestRequests.mine(actorOf(request));
    return reply.render('pages/attests/my-requests.njk', presentMyRequests(requests));
  });
}
