import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/** The error the errors plugin turns into the Dutch 429 page ("Te veel verzoeken"). */
export function tooManyRequests(statusCode = 429): Error {
  return Object.assign(new Error('Too many requests'), { statusCode, code: 'FST_TOO_MANY_REQUESTS' });
}

/**
 * Rate limiting, applied per route (`global: false`) where it matters: the login form.
 * The counters live in the process; several instances would share them through a store.
 */
export const rateLimitPlugin = fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => tooManyRequests(context.statusCode),
    });
  },
  { name: 'lbp-rate-limit' },
);
