import fp from 'fastify-plugin';
import type { Config } from '../../../config.ts';
import type { Services } from '../../../services/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    config: Config;
  }
}

/**
 * Makes the services and the configuration available to every route, and names the instance
 * that answers in every response (`X-Instance-Id`, config `INSTANCE_ID`): behind a load
 * balancer it shows which instance served a request.
 */
export const servicesPlugin = fp<{ services: Services; config: Config }>(
  (app, { services, config }, done) => {
    app.decorate('services', services);
    app.decorate('config', config);
    app.addHook('onRequest', (_request, reply, next) => {
      reply.header('X-Instance-Id', config.instanceId);
      next();
    });
    done();
  },
  { name: 'lbp-services' },
);
