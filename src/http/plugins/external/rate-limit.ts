import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/**
 * Rate limiting, applied per route (`global: false`) where it matters: the login form.
 * The counters live in the process; several instances would share them through a store.
 */
export const rateLimitPlugin = fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error('Too many requests'), { statusCode: context.statusCode, code: 'FST_TOO_MANY_REQUESTS' }),
    });
  },
  { name: 'lbp-rate-limit' },
);
