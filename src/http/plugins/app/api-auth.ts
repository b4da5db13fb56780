/**
 * Bearer authentication of the partner API (issue 17), registered inside the /api/v1 scope.
 * Every request needs `Authorization: Bearer <token>`: a missing, malformed, unknown, revoked or
 * expired token is 401 with `WWW-Authenticate: Bearer`; a route's scope (`config.scope`) that the
 * token lacks is 403. The request then acts as the token's organisation ("systeem van …", a
 * partner, never service staff). Each token has its own rate limit, announced in the
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` headers.
 */
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiScope } from '../../../domain/api-tokens.ts';
import type { Actor } from '../../../domain/users.ts';
import type { ApiClient } from '../../../services/api/api-tokens-service.ts';
import { ApiProblem } from '../../api/v1/problems.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API token's client on /api/v1 routes; null elsewhere. */
    apiClient: ApiClient | null;
  }
  interface FastifyContextConfig {
    /** The scope an /api/v1 route requires of the token. */
    scope?: ApiScope;
  }
}

const CHALLENGE = 'Bearer realm="loopbaanportaal"';

function unauthorised(error?: 'invalid_token'): ApiProblem {
  return new ApiProblem(401, 'niet-aangemeld', { headers: { 'WWW-Authenticate': error === undefined ? CHALLENGE : `${CHALLENGE}, error="${error}"` } });
}

export const apiAuthPlugin = fp<{ perMinute: number }>(
  (app, options, done) => {
    const { apiTokens } = app.services;
    const limit = app.createRateLimit({ max: options.perMinute, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `api:${request.apiClient?.tokenId ?? ''}` });
    app.decorateRequest('apiClient', null);

    app.addHook('onRequest', async (request, reply) => {
      const header = request.headers.authorization;
      if (header === undefined) throw unauthorised();
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const client = match?.[1] === undefined ? undefined : await apiTokens.authenticate(match[1]);
      if (client === undefined) throw unauthorised('invalid_token');
      request.apiClient = client;

      const outcome = await limit(request);
      if (!outcome.isAllowed) {
        reply.header('RateLimit-Limit', String(outcome.max));
        reply.header('RateLimit-Remaining', String(outcome.remaining));
        reply.header('RateLimit-Reset', String(outcome.ttlInSeconds));
        if (outcome.isExceeded) throw new ApiProblem(429, 'te-veel-verzoeken', { headers: { 'Retry-After': String(outcome.ttlInSeconds) } });
      }
      const scope = request.routeOptions.config.scope;
      if (scope !== undefined && !client.scopes.includes(scope)) {
        throw new ApiProblem(403, 'geen-recht', { detail: `Deze API-sleutel heeft het recht ${scope} niet`, headers: { 'WWW-Authenticate': `${CHALLENGE}, error="insufficient_scope", scope="${scope}"` } });
      }
    });
    done();
  },
  { name: 'lbp-api-auth', dependencies: ['lbp-services', 'lbp-rate-limit'] },
);

/** The acting organisation's system on a route behind `apiAuthPlugin`. */
export function apiActorOf(request: FastifyRequest): Actor {
  if (request.apiClient === null) throw new Error('apiActorOf used outside /api/v1');
  return request.apiClient.actor;
}

export function apiClientOf(request: FastifyRequest): ApiClient {
  if (request.apiClient === null) throw new Error('apiClientOf used outside /api/v1');
  return request.apiClient;
}
