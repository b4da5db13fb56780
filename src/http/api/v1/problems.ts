/**
 * Errors of the partner API as `application/problem+json` (RFC 9457): a stable `type` per kind of
 * error, a Dutch `title`, and for invalid input the fields with the same Dutch messages as the
 * forms (`fouten`). The services' problems go through the one mapper of the pages
 * (`problemsToErrors`), with the form's field names turned into the API's properties.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem as ServiceProblem } from '../../../domain/result.ts';
import type { UploadProblem } from '../../../domain/documents/content-check.ts';
import { DocumentContentMissingError, ForbiddenError, NotFoundError } from '../../../services/errors.ts';
import { messages, type ProblemMessages } from '../../messages/index.ts';
import type { ApiProblemType } from '../../messages/api.ts';
import { problemsToErrors } from '../../pages/shared/problems.ts';

export const PROBLEM_TYPE_BASE = '/api/problemen/';
export const PROBLEM_JSON = 'application/problem+json';

export type FieldError = Readonly<{ veld: string; melding: string }>;

export class ApiProblem extends Error {
  readonly status: number;
  readonly type: ApiProblemType;
  readonly fouten: readonly FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly extra: Readonly<Record<string, unknown>>;
  constructor(status: number, type: ApiProblemType, options: { fouten?: readonly FieldError[]; headers?: Record<string, string>; extra?: Record<string, unknown>; detail?: string } = {}) {
    super(options.detail ?? messages.apiProblems[type]);
    this.status = status;
    this.type = type;
    this.fouten = options.fouten;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

export function problemBody(request: FastifyRequest, problem: ApiProblem): Record<string, unknown> {
  return {
    type: `${PROBLEM_TYPE_BASE}${problem.type}`,
    title: messages.apiProblems[problem.type],
    status: problem.status,
    ...(problem.message !== messages.apiProblems[problem.type] ? { detail: problem.message } : {}),
    instance: request.id,
    ...(problem.fouten === undefined ? {} : { fouten: problem.fouten }),
    ...problem.extra,
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ApiProblem): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply.code(problem.status).type(PROBLEM_JSON).send(problemBody(request, problem));
}

/** The form's field name (as the services name it) → the API's property. */
const PROPERTY_OF: Readonly<Record<string, string>> = {
  datum: 'datum',
  toestand: 'toestand',
  aanvrager: 'aanvragerId',
  uitvoerder: 'uitvoerderId',
  financieringsnummer: 'financieringsnummerId',
  samenvatting: 'samenvatting',
  aanvulling: 'tekst',
  reden: 'reden',
  'voorgestelde-datum': 'voorgesteldeDatum',
  stap: 'stapId',
};

/** A service's refusal of the input: 400 with every field and its Dutch message (after `first`, a form's own errors). */
export function invalidInput(problems: readonly ServiceProblem[], texts: ProblemMessages, first: readonly FieldError[] = []): ApiProblem {
  const fouten = [...first, ...problemsToErrors(problems, texts).map((e) => ({ veld: PROPERTY_OF[e.field] ?? e.field, melding: e.message }))];
  return new ApiProblem(400, 'ongeldige-invoer', { fouten });
}

/**
 * D3 in HTTP: an upload the content check refused, with the Dutch reason the form shows at its file
 * field (`fouten`) and the stable code of the refusal (`reden`). A file of a kind that is not
 * accepted, or whose content does not match its name or type, is 415; a file over the size limit
 * 413; any other refusal (empty, macros, a zip bomb, active PDF content, the daily quota) 422.
 * Other field errors of the same request come along in `fouten`.
 */
export function uploadRefused(problem: UploadProblem, field: FieldError, others: readonly FieldError[] = []): ApiProblem {
  const fouten = [field, ...others];
  if (problem === 'geen-bestand') return new ApiProblem(400, 'ongeldige-invoer', { fouten });
  const status = problem === 'type-niet-toegelaten' || problem === 'komt-niet-overeen' ? 415 : problem === 'te-groot' ? 413 : 422;
  return new ApiProblem(status, 'bestand-geweigerd', { detail: field.melding, fouten, extra: { reden: problem } });
}

/** What a missing property is told: the form's own "required" message where the form has one. */
const REQUIRED: Readonly<Record<string, string>> = {
  datum: messages.steps.dateRequired,
  aanvragerId: messages.steps.officeRequired.aanvrager,
  uitvoerderId: messages.steps.officeRequired.uitvoerder,
  toestand: messages.steps.stateRequired,
  reden: messages.steps.reasonRequired,
  voorgesteldeDatum: messages.steps.proposedDateRequired,
  tekst: messages.steps.additionRequired,
};

type AjvError = Readonly<{ instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }>;

function fieldErrorOf(error: AjvError): FieldError {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (error.keyword === 'required') {
    const property = error.params['missingProperty'];
    const missing = typeof property === 'string' ? property : '';
    const veld = path === '' ? missing : `${path}.${missing}`;
    return { veld, melding: REQUIRED[missing] ?? messages.upkeep.requiredOther };
  }
  const veld = path === '' ? '(inhoud)' : path;
  if (error.params['format'] === 'date') return { veld, melding: messages.steps.dateInvalid };
  if (error.keyword === 'maxLength') return { veld, melding: `Hoogstens ${String(error.params['limit'])} tekens` };
  if (error.params['format'] === 'uuid') return { veld, melding: 'Vul een geldige id in (uuid)' };
  if (error.params['format'] === 'date-time') return { veld, melding: 'Vul een tijdstip in volgens ISO 8601, zoals 2026-11-29T09:00:00Z' };
  return { veld, melding: 'Deze waarde is niet geldig' };
}

/** Any error of an /api/v1 route as a problem; unexpected ones are 500 without details. */
export function problemOf(error: FastifyError & { validation?: readonly AjvError[] }): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof NotFoundError) return new ApiProblem(404, 'niet-gevonden');
  if (error instanceof ForbiddenError) return new ApiProblem(403, 'niet-toegestaan');
  // The document exists and may be read, but its file is lost: asking again will not help (as the pages' 410).
  if (error instanceof DocumentContentMissingError) return new ApiProblem(410, 'niet-beschikbaar');
  if (error.validation !== undefined) {
    const seen = new Set<string>();
    const fouten = error.validation.map(fieldErrorOf).filter((f) => (seen.has(f.veld) ? false : (seen.add(f.veld), true)));
    return new ApiProblem(400, 'ongeldige-invoer', { fouten });
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return new ApiProblem(429, 'te-veel-verzoeken');
  // ASVS 5.2.1: a multipart body announced over the limit is refused unread; the connection closes.
  if (status === 413) return new ApiProblem(413, 'te-groot', { headers: { Connection: 'close' } });
  if (status === 404) return new ApiProblem(404, 'niet-gevonden');
  if (status === 415) return new ApiProblem(415, 'ongeldige-invoer', { detail: 'Stuur de inhoud als application/json' });
  if (status >= 400 && status < 500) return new ApiProblem(status, 'ongeldige-invoer');
  return new ApiProblem(500, 'serverfout');
}
