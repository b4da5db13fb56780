/**
 * HTTP's own words for the partner API's rules (issue 17): the ETag is a resource's version
 * (O12), a change needs `If-Match` (428 without, 412 when stale), and a create with an
 * `Idempotency-Key` gives the first answer again for the same key and body within 24 hours.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDEMPOTENCY_KEY_MAX_LENGTH, requestHash, type StoredResponse } from '../../../services/api/idempotency-service.ts';
import { apiClientOf } from '../../plugins/app/api-auth.ts';
import { ApiProblem, PROBLEM_JSON, problemBody } from './problems.ts';

export const etagOf = (version: number): string => `"${String(version)}"`;

/** The version `If-Match` names; 428 without it, 412 when it names no version (`*` included: a change is made on a version read). */
export function requiredVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '') throw new ApiProblem(428, 'if-match-vereist');
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (match === null) throw new ApiProblem(412, 'gewijzigd', { detail: 'If-Match noemt geen versie van deze stap' });
  return Number(match[1]);
}

/** An answer as a route computes it, before it is sent (so that an idempotent create can keep it). */
export type Answer = Readonly<{ status: number; body: unknown; headers?: Readonly<Record<string, string>>; problem?: boolean }>;

export function send(reply: FastifyReply, answer: Answer): FastifyReply {
  for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
  if (answer.problem === true) reply.type(PROBLEM_JSON);
  return reply.code(answer.status).send(answer.body);
}

/** A refusal as an answer (kept by an idempotent create like any other answer below 500). */
export function problemAnswer(request: FastifyRequest, problem: ApiProblem): Answer {
  return { status: problem.status, body: problemBody(request, problem), headers: problem.headers, problem: true };
}

/**
 * Runs a create once per `Idempotency-Key`: the same key and body within 24 hours gives the first
 * answer again (with `Idempotent-Replayed: true`), another body 422, a first request still
 * running 409. Without the header the create simply runs. `fingerprint` is what "the same body"
 * compares: the parsed JSON body, or for a multipart upload its fields and the file's SHA-256.
 */
export async function idempotent(request: FastifyRequest, reply: FastifyReply, create: () => Promise<Answer>, fingerprint: unknown = request.body): Promise<FastifyReply> {
  return send(reply, await idempotentAnswer(request, create, fingerprint));
}

/** `idempotent` without sending: for a route that has work left before the answer leaves (an upload's temporary file to drop). */
export async function idempotentAnswer(request: FastifyRequest, create: () => Promise<Answer>, fingerprint: unknown = request.body): Promise<Answer> {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return create();
  const key = Array.isArray(header) ? '' : header;
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new ApiProblem(400, 'ongeldige-invoer', { fouten: [{ veld: 'Idempotency-Key', melding: `Gebruik een sleutel van 1 tot ${String(IDEMPOTENCY_KEY_MAX_LENGTH)} tekens` }] });
  }
  const { idempotency } = request.server.services;
  const tokenId = apiClientOf(request).tokenId;
  const start = await idempotency.begin(tokenId, key, requestHash(request.method, request.url, fingerprint));
  if (start.kind === 'other-request') throw new ApiProblem(422, 'idempotency-sleutel-hergebruikt');
  if (start.kind === 'in-progress') throw new ApiProblem(409, 'verzoek-loopt');
  if (start.kind === 'replay') {
    const stored = start.response;
    return { status: start.status, body: stored.body, headers: { ...stored.headers, 'Idempotent-Replayed': 'true' }, problem: stored.headers['content-type'] === PROBLEM_JSON };
  }
  let answer: Answer;
  try {
    answer = await create();
  } catch (error) {
    await idempotency.abandon(tokenId, key);
    throw error;
  }
  const stored: StoredResponse = { body: answer.body, headers: { ...(answer.headers ?? {}), ...(answer.problem === true ? { 'content-type': PROBLEM_JSON } : {}) } };
  await idempotency.finish(tokenId, key, answer.status, stored);
  return answer;
}
