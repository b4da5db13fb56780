/**
 * Partner API v1: access by the signed attest outplacement through the same service as the pages
 * (services/attests/attest-requests-service.ts): a new request with the scan (A2), its state, and
 * an extension with a new scan on a dossier with a running attest (A4). The bodies are
 * multipart/form-data, read in order with the scan streamed into the one upload service (D3, the
 * attest scan's policy); dates are ISO 8601. Creates are idempotent with an Idempotency-Key.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isRegime, type NewRequestInput, type RequestFields } from '../../../domain/attests/attest-request.ts';
import { parseIsoDate, type CalendarDate } from '../../../domain/calendar-date.ts';
import type { Problem } from '../../../domain/result.ts';
import type { UploadOutcome } from '../../../services/documents/upload-service.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { REQUEST_FIELD_ORDER, SCAN_FIELD } from '../../pages/attests/request-form.ts';
import { scanError } from '../../pages/attests/request-presenter.ts';
import { mergeErrors, textField, type FieldError as FormFieldError, type RawForm } from '../../pages/form.ts';
import { readApiMultipart, releaseAccepted } from '../../pages/shared/multipart-form.ts';
import { problemsToErrors } from '../../pages/shared/problems.ts';
import { apiActorOf } from '../../plugins/app/api-auth.ts';
import { AttestRequestParams, ExtensionForm, NewAttestRequestForm } from './attest-request-schemas.ts';
import { idempotentAnswer, problemAnswer, send, type Answer } from './http-semantics.ts';
import { attestRequestOf } from './presenters.ts';
import { ApiProblem, invalidInput, uploadRefused, type FieldError } from './problems.ts';
import { problemResponses } from './responses.ts';
import { ClientParams, IdempotencyHeaders } from './schemas.ts';

const requestPath = (requestId: string): string => `/api/v1/aanvragen/${requestId}`;

/** A date field in ISO 8601: the date, or the form's "required" message, or the API's "not a date". */
function isoDate(raw: RawForm, field: string, required: string): { date: CalendarDate } | { error: FormFieldError } {
  const text = textField(raw, field);
  const date = parseIsoDate(text);
  if (date !== undefined) return { date };
  return { error: { field, message: text === '' ? required : messages.apiFields.isoDateInvalid } };
}

type ParsedRequest = Readonly<{ fields: RequestFields; value: NewRequestInput | null; errors: FormFieldError[] }>;

/** A2: the fields of a new request as the API sends them; the forms' messages for what is missing. */
function readRequestFields(raw: RawForm): ParsedRequest {
  const m = messages.attests;
  const errors: FormFieldError[] = [];
  const text = (field: string, required: string): string => {
    const value = textField(raw, field).replace(/\s+/g, ' ');
    if (value === '') errors.push({ field, message: required });
    return value;
  };
  const date = (field: string, required: string): CalendarDate | null => {
    const parsed = isoDate(raw, field, required);
    if ('date' in parsed) return parsed.date;
    errors.push(parsed.error);
    return null;
  };
  const insz = text('insz', m.inszRequired);
  const familyName = text('familienaam', m.familyNameRequired);
  const firstName = text('voornaam', m.firstNameRequired);
  const birthDate = date('geboortedatum', m.birthDateRequired);
  const regime = textField(raw, 'regime');
  if (!isRegime(regime)) errors.push({ field: 'regime', message: m.regimeRequired });
  const startDate = date('startdatum', m.startRequired);
  const endDate = date('einddatum', m.endRequired);
  const fields = { insz, familyName, firstName, birthDate, startDate, endDate };
  const complete = errors.length === 0 && birthDate !== null && startDate !== null && endDate !== null && isRegime(regime);
  return { fields, value: complete ? { insz, familyName, firstName, birthDate, regime, startDate, endDate } : null, errors };
}

const apiErrors = (errors: readonly FormFieldError[]): FieldError[] => errors.map((e) => ({ veld: e.field, melding: e.message }));

/** The refusal of a request whose form or scan is not right: every problem at once (issue 15 defect 6), the scan's first. */
function refusal(upload: UploadOutcome | undefined, errors: readonly FormFieldError[]): ApiProblem {
  if (upload?.ok === true) return new ApiProblem(400, 'ongeldige-invoer', { fouten: apiErrors(errors) });
  const scan = scanError(upload);
  return uploadRefused(upload?.problem ?? 'geen-bestand', { veld: SCAN_FIELD, melding: scan?.message ?? messages.attests.scanRequired }, apiErrors(errors));
}

const CREATE_RESPONSES = { 201: Type.Ref('Attestaanvraag'), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429) };

export const attestRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { attestRequests, uploads } = app.services;
  const scope = 'aanvragen:write' as const;

  /** Reads the multipart body (the scan streamed and checked), runs `create` idempotently, and drops a scan that was not kept. */
  async function withScan(request: FastifyRequest, reply: FastifyReply, create: (raw: RawForm, upload: UploadOutcome | undefined) => Promise<Answer>) {
    const actor = apiActorOf(request);
    const { form: raw, upload } = await readApiMultipart(request, reply, {
      fileField: SCAN_FIELD,
      receive: (file) => attestRequests.receiveScan(actor, file),
      release: releaseAccepted(uploads),
    });
    let answer: Answer;
    try {
      const fingerprint = { ...raw, [SCAN_FIELD]: upload?.ok === true ? upload.file.sha256 : (upload?.problem ?? null) };
      answer = await idempotentAnswer(request, () => create(raw, upload), fingerprint);
    } finally {
      // A scan not kept (refused, replayed, failed) goes before the answer leaves.
      if (upload?.ok === true) await uploads.release(upload.file);
    }
    return send(reply, answer);
  }

  async function created(request: FastifyRequest, requestId: string): Promise<Answer> {
    const stored = await attestRequests.one(apiActorOf(request), requestId);
    return { status: 201, body: attestRequestOf(stored), headers: { Location: requestPath(stored.id) } };
  }

  const rejected = (request: FastifyRequest, problems: readonly Problem[]): Answer => problemAnswer(request, invalidInput(problems, problemMessages.attests));

  app.post('/aanvragen', {
    config: { scope, multipartBody: NewAttestRequestForm },
    schema: {
      summary: 'Toegang aanvragen met de scan van het ondertekende attest (A2); idempotent met Idempotency-Key',
      description: 'multipart/form-data: de velden, dan de scan in `scan`. Het secretariaat behandelt de aanvraag; volg ze met GET /aanvragen/{aanvraagId} of de webhook `attest.goedgekeurd`.',
      tags: ['aanvragen'],
      headers: IdempotencyHeaders,
      response: CREATE_RESPONSES,
    },
  }, async (request, reply) => {
    const actor = apiActorOf(request);
    attestRequests.formContext(actor);
    return withScan(request, reply, async (raw, upload) => {
      const parsed = readRequestFields(raw);
      if (parsed.value === null || upload === undefined || !upload.ok) {
        // Every problem at once: the form's, the rules on the fields given, the organisation's own attests and requests.
        const problems = await attestRequests.check(actor, parsed.fields);
        return problemAnswer(request, refusal(upload, mergeErrors(REQUEST_FIELD_ORDER, parsed.errors, problemsToErrors(problems, problemMessages.attests))));
      }
      const result = await attestRequests.submit(actor, parsed.value, upload.file);
      return result.ok ? created(request, result.value.requestId) : rejected(request, result.problems);
    });
  });

  app.get('/aanvragen/:aanvraagId', {
    config: { scope },
    schema: {
      summary: 'Een aanvraag van uw organisatie met haar toestand (ingediend, goedgekeurd, afgewezen) en, na afwijzing, de reden',
      tags: ['aanvragen'],
      params: AttestRequestParams,
      response: { 200: Type.Ref('Attestaanvraag'), ...problemResponses(401, 403, 404, 429) },
    },
  }, async (request) => attestRequestOf(await attestRequests.one(apiActorOf(request), request.params.aanvraagId)));

  app.post('/klanten/:klantId/verlengingen', {
    config: { scope, multipartBody: ExtensionForm },
    schema: {
      summary: 'Verlenging aanvragen (A4): de nieuwe einddatum en de nieuwe scan; idempotent met Idempotency-Key',
      description: 'multipart/form-data: `einddatum`, dan de scan in `scan`. Enkel voor een dossier met een lopend attest van uw organisatie en een lijn die nog niet afgesloten is.',
      tags: ['aanvragen'],
      params: ClientParams,
      headers: IdempotencyHeaders,
      response: CREATE_RESPONSES,
    },
  }, async (request, reply) => {
    const actor = apiActorOf(request);
    // Access first (A1), before a byte of the scan is read.
    const context = await attestRequests.extensionContext(actor, request.params.klantId, false);
    const clientId = context.dossier.client.id;
    return withScan(request, reply, async (raw, upload) => {
      const end = isoDate(raw, 'einddatum', messages.attests.newEndRequired);
      if (!('date' in end) || upload === undefined || !upload.ok) {
        const dateErrors = 'date' in end ? problemsToErrors(await attestRequests.checkExtensionEnd(actor, clientId, end.date), problemMessages.attests) : [end.error];
        return problemAnswer(request, refusal(upload, dateErrors));
      }
      const result = await attestRequests.requestExtension(actor, clientId, end.date, upload.file);
      return result.ok ? created(request, result.value.requestId) : rejected(request, result.problems);
    });
  });
};
