/**
 * Partner API v1: the steps of a client (O1–O13) through the same services as the pages: list,
 * register (idempotent), read, change or cancel (If-Match), stop request (O8, idempotent) and
 * supplementing the Samenvatting of an ended line (O10, If-Match).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import type { CalendarDate } from '../../../domain/calendar-date.ts';
import { isConflict, type Problem, type Result } from '../../../domain/result.ts';
import type { StepDetail } from '../../../services/steps/steps-service.ts';
import { problemMessages } from '../../messages/index.ts';
import { apiActorOf } from '../../plugins/app/api-auth.ts';
import { etagOf, idempotent, problemAnswer, requiredVersion, type Answer } from './http-semantics.ts';
import { stepLineOf, stepOfDetail } from './presenters.ts';
import { ApiProblem, invalidInput } from './problems.ts';
import { problemResponses } from './responses.ts';
import { ClientParams, IdempotencyHeaders, IfMatchHeaders, NewStep, StepChange, StepParams, StopRequest, SummaryAddition, ref } from './schemas.ts';
import { STEP_STATES } from '../../../domain/steps/step.ts';

/** A create with an Idempotency-Key: 201 with `created`, the first answer again on a repeat (409 while it runs). */
const idempotentCreate = <P extends TSchema, B extends TSchema>(summary: string, params: P, body: B, created: Parameters<typeof ref>[0]) => ({
  summary,
  tags: ['stappen'],
  params,
  headers: IdempotencyHeaders,
  body,
  response: { 201: ref(created), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
});

/** An If-Match write on one step (O12): 200 with the step as it is now, 412 when it changed meanwhile. */
const ifMatchWrite = <B extends TSchema>(summary: string, body: B) => ({
  summary,
  tags: ['stappen'],
  params: StepParams,
  headers: IfMatchHeaders,
  body,
  response: { 200: ref('Stap'), ...problemResponses(400, 401, 403, 404, 412, 428, 429) },
});

/** The step with its version as ETag. */
const sendStep = (reply: FastifyReply, detail: StepDetail) => reply.header('ETag', etagOf(detail.step.version)).send(stepOfDetail(detail));

type StepIds = Readonly<{ klantId: string; stapId: string }>;

const stepPath = (clientId: string, stepId: string): string => `/api/v1/klanten/${clientId}/stappen/${stepId}`;

export const stepRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { steps, stepChanges, stopRequests, clock } = app.services;
  const read = { scope: 'dossiers:read' as const };
  const write = { scope: 'stappen:write' as const };

  const current = (request: FastifyRequest, clientId: string, stepId: string): Promise<StepDetail> => steps.detail(apiActorOf(request), clientId, stepId);
  const stepAnswer = (detail: StepDetail, status = 200, headers: Record<string, string> = {}): Answer => ({ status, body: stepOfDetail(detail), headers: { ETag: etagOf(detail.step.version), ...headers } });

  /** O12 in HTTP: 412 with the line as it is now; other refusals 400 with every field. */
  async function refused(request: FastifyRequest, problems: Problem[], clientId: string, stepId: string): Promise<ApiProblem> {
    if (!isConflict(problems)) return invalidInput(problems, problemMessages.steps);
    const now = await current(request, clientId, stepId);
    return new ApiProblem(412, 'gewijzigd', { headers: { ETag: etagOf(now.step.version) }, extra: { huidig: stepOfDetail(now) } });
  }

  /** An If-Match write (O12): `write` with the version asked for; refused 400 or 412, else 200 with the step as it is now. */
  async function changedStep(request: FastifyRequest, reply: FastifyReply, { klantId, stapId }: StepIds, write: (version: number) => Promise<Result<unknown>>) {
    const result = await write(requiredVersion(request));
    if (!result.ok) throw await refused(request, result.problems, klantId, stapId);
    return sendStep(reply, await current(request, klantId, stapId));
  }

  app.get('/klanten/:klantId/stappen', {
    config: read,
    schema: { summary: 'De stappen naar werk van de klant (O5), nieuwste eerst, alle toestanden', tags: ['stappen'], params: ClientParams, response: { 200: ref('Stappen'), ...problemResponses(401, 403, 404, 429) } },
  }, async (request) => {
    const list = await steps.list(apiActorOf(request), request.params.klantId, { states: STEP_STATES, typeCodes: null }, 'stappen-naar-werk');
    return { stappen: list.steps.map(stepLineOf) };
  });

  app.post('/klanten/:klantId/stappen', {
    config: write,
    schema: idempotentCreate('Een stap registreren, zoals de lijn Outplacement (O2–O4, O13), in toestand Bezig', ClientParams, NewStep, 'Stap'),
  }, async (request, reply) => idempotent(request, reply, async () => {
    const actor = apiActorOf(request);
    const { klantId } = request.params;
    const body = request.body;
    const result = await steps.register(actor, klantId, body.stapType, {
      date: body.datum as CalendarDate,
      fundingNumberId: body.financieringsnummerId ?? null,
      requesterOfficeId: body.aanvragerId,
      executorOfficeId: body.uitvoerderId,
      summary: body.samenvatting ?? '',
    });
    if (!result.ok) return problemAnswer(request, invalidInput(result.problems, problemMessages.steps));
    const detail = await current(request, klantId, result.value.stepId);
    return stepAnswer(detail, 201, { Location: stepPath(klantId, detail.step.id) });
  }));

  app.get('/klanten/:klantId/stappen/:stapId', {
    config: read,
    schema: { summary: 'Eén stap met zijn versie (ETag)', tags: ['stappen'], params: StepParams, response: { 200: ref('Stap'), ...problemResponses(401, 403, 404, 429) } },
  }, async (request, reply) => {
    return sendStep(reply, await current(request, request.params.klantId, request.params.stapId));
  });

  app.patch('/klanten/:klantId/stappen/:stapId', {
    config: write,
    schema: ifMatchWrite('Een lopende stap wijzigen of annuleren (O6, O7); If-Match verplicht (O12)', StepChange),
  }, async (request, reply) => changedStep(request, reply, request.params, async (version) => {
    const { klantId, stapId } = request.params;
    const step = (await current(request, klantId, stapId)).step;
    const body = request.body;
    const state = body.toestand ?? step.state;
    return stepChanges.change(apiActorOf(request), klantId, stapId, {
      version,
      state,
      // O7: a cancellation's Datum is the day of cancellation: today unless the body says otherwise.
      date: (body.datum ?? (state !== step.state ? clock.today() : step.date)) as CalendarDate,
      fundingNumberId: body.financieringsnummerId === undefined ? (step.fundingNumber?.id ?? null) : body.financieringsnummerId,
      executorOfficeId: body.uitvoerderId ?? step.executor.id,
      summary: body.samenvatting ?? step.summary,
    });
  }));

  app.post('/klanten/:klantId/stappen/:stapId/stopverzoeken', {
    config: write,
    schema: idempotentCreate('Verzoek tot stopzetting aan de sociale interventieadviseur (O8)', StepParams, StopRequest, 'StopverzoekAangemaakt'),
  }, async (request, reply) => idempotent(request, reply, async () => {
    const { klantId, stapId } = request.params;
    const result = await stopRequests.request(apiActorOf(request), klantId, stapId, { reason: request.body.reden, proposedDate: request.body.voorgesteldeDatum as CalendarDate });
    if (!result.ok) return problemAnswer(request, invalidInput(result.problems, problemMessages.steps));
    const detail = await current(request, klantId, stapId);
    return { status: 201, body: { verzoekId: result.value.requestId, stap: stepOfDetail(detail) }, headers: { ETag: etagOf(detail.step.version) } };
  }));

  app.post('/klanten/:klantId/stappen/:stapId/samenvatting-aanvullingen', {
    config: write,
    schema: ifMatchWrite('De samenvatting van een afgesloten lijn aanvullen, tot 14 dagen na de eindtoestand (O10); If-Match verplicht', SummaryAddition),
  }, async (request, reply) =>
    changedStep(request, reply, request.params, (version) => stepChanges.appendSummary(apiActorOf(request), request.params.klantId, request.params.stapId, version, request.body.tekst)));
};
