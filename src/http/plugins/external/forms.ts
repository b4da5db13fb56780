import formbody from '@fastify/formbody';
import fp from 'fastify-plugin';

/** URL-encoded form bodies, with a modest size limit. */
export const formsPlugin = fp(
  async (app) => {
    await app.register(formbody, { bodyLimit: 256 * 1024 });
  },
  { name: 'lbp-forms' },
);
