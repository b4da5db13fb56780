/**
 * The partner API v1 (issue 17) under /api/v1: Bearer tokens (apiAuthPlugin), per-token rate
 * limit, errors as problem+json, the same services and rules as the pages.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError } from 'fastify';
import { apiAuthPlugin } from '../../plugins/app/api-auth.ts';
import { ATTEST_REQUEST_SCHEMAS } from './attest-request-schemas.ts';
import { attestRequestRoutes } from './attest-request-routes.ts';
import { clientRoutes } from './client-routes.ts';
import { DOCUMENT_SCHEMAS } from './document-schemas.ts';
import { documentRoutes } from './document-routes.ts';
import { officeRoutes } from './office-routes.ts';
import { ApiProblem, problemOf, sendProblem } from './problems.ts';
import { SHARED_SCHEMAS } from './schemas.ts';
import { stepRoutes } from './step-routes.ts';

export const API_V1_PREFIX = '/api/v1';

export const apiV1Routes: FastifyPluginAsyncTypebox = async (app) => {
  for (const schema of [...SHARED_SCHEMAS, ...DOCUMENT_SCHEMAS, ...ATTEST_REQUEST_SCHEMAS]) app.addSchema(schema);
  await app.register(
    async (v1) => {
      v1.setErrorHandler(async (error: FastifyError, request, reply) => {
        const problem = problemOf(error);
        if (problem.status >= 500) request.log.error({ err: error }, 'api request failed');
        else request.log.info({ type: problem.type, status: problem.status }, 'api request refused');
        return sendProblem(request, reply, problem);
      });
      v1.setNotFoundHandler(async (request, reply) => sendProblem(request, reply, new ApiProblem(404, 'niet-gevonden')));
      await v1.register(apiAuthPlugin, { perMinute: app.config.apiRateLimitPerMinute });
      await v1.register(clientRoutes);
      await v1.register(stepRoutes);
      await v1.register(documentRoutes);
      await v1.register(attestRequestRoutes);
      await v1.register(officeRoutes);
    },
    { prefix: API_V1_PREFIX },
  );
};
