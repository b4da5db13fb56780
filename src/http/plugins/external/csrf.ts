import csrf from '@fastify/csrf-protection';
import fp from 'fastify-plugin';

/**
 * CSRF protection for every form post (synchroniser token in the session). Stays on in tests.
 * Page scopes add `app.csrfProtection` as an onRequest/preHandler hook for unsafe methods.
 */
export const csrfPlugin = fp(
  async (app) => {
    await app.register(csrf, { sessionPlugin: '@fastify/session' });
  },
  { name: 'lbp-csrf', dependencies: ['lbp-session'] },
);
