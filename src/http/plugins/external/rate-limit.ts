import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { databaseRateLimitStore } from './rate-limit-store.ts';

/** The error the errors plugin turns into the Dutch 429 page ("Te veel verzoeken"). */
export function tooManyRequests(statusCode = 429): Error {
  return Object.assign(new Error('Too many requests'), { statusCode, code: 'FST_TOO_MANY_REQUESTS' });
}

/** One limit of `app.createRateLimit`: how the request counts against it. */
type Limit = (request: FastifyRequest) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number }>;

/**
 * A pre-handler that counts the request against each limit in turn and refuses it (429, with
 * Retry-After) at the first one exceeded. A request refused by an earlier limit (per client
 * address) is not counted against the later ones (per e-mail address), so that one client past
 * its limit cannot go on using up the attempts of every address it tries.
 */
export function limitedInTurn(limits: readonly Limit[]) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    for (const limit of limits) {
      const outcome = await limit(request);
      if (!outcome.isAllowed && outcome.isExceeded) {
        reply.header('Retry-After', String(outcome.ttlInSeconds));
        throw tooManyRequests();
      }
    }
  };
}

/**
 * Rate limiting, applied per route (`global: false`) where it matters: the login form.
 * The counters live in the database (table `rate_limits`), so that several instances on one
 * PostgreSQL count the same hits (issue 14 item 3).
 */
export const rateLimitPlugin = fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      store: databaseRateLimitStore(app.services.rateLimits),
      errorResponseBuilder: (_request, context) => tooManyRequests(context.statusCode),
    });
  },
  { name: 'lbp-rate-limit', dependencies: ['lbp-services'] },
);
