/**
 * Partner API v1: the steps of a client (O1–O13) through the same services as the pages: list,
 * register (idempotent), read, change or cancel (If-Match), stop request (O8, idempotent) and
 * supplementing the Samenvatting of an ended line (O10, If-Match).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { CalendarDate } from '../../../domain/calendar-date.ts';
import { isConflict, type Problem } from '../../../domain/result.ts';
import type { StepDetail } from '../../../services/steps/steps-service.ts';
import { problemMessages } from '../../messages/index.ts';
import { apiActorOf } from '../../plugins/app/api-auth.ts';
import { etagOf, idempotent, problemAnswer, requiredVersion, type Answer } from './http-semantics.ts';
import { stepLineOf, stepOfDetail } from './presenters.ts';
import { ApiProblem, invalidInput } from './problems.ts';
import { problemResponses } from './responses.ts';
import { ClientParams, IdempotencyHeaders, IfMatchHeaders, NewStep, StepChange, StepParams, StopRequest, SummaryAddition, ref } from './schemas.ts';
import { STEP_STATES } from '../../../domain/steps/step.ts';

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

  app.get('/klanten/:klantId/stappen', {
    config: read,
    schema: { summary: 'De stappen naar werk van de klant (O5), nieuwste eerst, alle toestanden', tags: ['stappen'], params: ClientParams, response: { 200: ref('Stappen'), ...problemResponses(401, 403, 404, 429) } },
  }, async (request) => {
    const list = await steps.list(apiActorOf(request), request.params.klantId, { states: STEP_STATES, typeCodes: null }, 'stappen-naar-werk');
    return { stappen: list.steps.map(stepLineOf) };
  });

  app.post('/klanten/:klantId/stappen', {
    config: write,
    schema: {
      summary: 'Een stap registreren, zoals de lijn Outplacement (O2–O4, O13), in toestand Bezig',
      tags: ['stappen'],
      params: ClientParams,
      headers: IdempotencyHeaders,
      body: NewStep,
      response: { 201: ref('Stap'), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
    },
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
    const detail = await current(request, request.params.klantId, request.params.stapId);
    return reply.header('ETag', etagOf(detail.step.version)).send(stepOfDetail(detail));
  });

  app.patch('/klanten/:klantId/stappen/:stapId', {
    config: write,
    schema: {
      summary: 'Een lopende stap wijzigen of annuleren (O6, O7); If-Match verplicht (O12)',
      tags: ['stappen'],
      params: StepParams,
      headers: IfMatchHeaders,
      body: StepChange,
      response: { 200: ref('Stap'), ...problemResponses(400, 401, 403, 404, 412, 428, 429) },
    },
  }, async (request, reply) => {
    const { klantId, stapId } = request.params;
    const version = requiredVersion(request);
    const now = await current(request, klantId, stapId);
    const step = now.step;
    const body = request.body;
    const state = body.toestand ?? step.state;
    const result = await stepChanges.change(apiActorOf(request), klantId, stapId, {
      version,
      state,
      // O7: a cancellation's Datum is the day of cancellation: today unless the body says otherwise.
      date: (body.datum ?? (state !== step.state ? clock.today() : step.date)) as CalendarDate,
      fundingNumberId: body.financieringsnummerId === undefined ? (step.fundingNumber?.id ?? null) : body.financieringsnummerId,
      executorOfficeId: body.uitvoerderId ?? step.executor.id,
      summary: body.samenvatting ?? step.summary,
    });
    if (!result.ok) throw await refused(request, result.problems, klantId, stapId);
    const changed = await current(request, klantId, stapId);
    return reply.header('ETag', etagOf(changed.step.version)).send(stepOfDetail(changed));
  });

  app.post('/klanten/:klantId/stappen/:stapId/stopverzoeken', {
    config: write,
    schema: {
      summary: 'Verzoek tot stopzetting aan de sociale interventieadviseur (O8)',
      tags: ['stappen'],
      params: StepParams,
      headers: IdempotencyHeaders,
      body: StopRequest,
      response: { 201: ref('StopverzoekAangemaakt'), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
    },
  }, async (request, reply) => idempotent(request, reply, async () => {
    const { klantId, stapId } = request.params;
    const result = await stopRequests.request(apiActorOf(request), klantId, stapId, { reason: request.body.reden, proposedDate: request.body.voorgesteldeDatum as CalendarDate });
    if (!result.ok) return problemAnswer(request, invalidInput(result.problems, problemMessages.steps));
    const detail = await current(request, klantId, stapId);
    return { status: 201, body: { verzoekId: result.value.requestId, stap: stepOfDetail(detail) }, headers: { ETag: etagOf(detail.step.version) } };
  }));

  app.post('/klanten/:klantId/stappen/:stapId/samenvatting-aanvullingen', {
    config: write,
    schema: {
      summary: 'De samenvatting van een afgesloten lijn aanvullen, tot 14 dagen na de eindtoestand (O10); If-Match verplicht',
      tags: ['stappen'],
      params: StepParams,
      headers: IfMatchHeaders,
      body: SummaryAddition,
      response: { 200: ref('Stap'), ...problemResponses(400, 401, 403, 404, 412, 428, 429) },
    },
  }, async (request, reply) => {
    const { klantId, stapId } = request.params;
    const version = requiredVersion(request);
    const result = await stepChanges.appendSummary(apiActorOf(request), klantId, stapId, version, request.body.tekst);
    if (!result.ok) throw await refused(request, result.problems, klantId, stapId);
    const changed = await current(request, klantId, stapId);
    return reply.header('ETag', etagOf(changed.step.version)).send(stepOfDetail(changed));
  });
};
