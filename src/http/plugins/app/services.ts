import fp from 'fastify-plugin';
import type { Config } from '../../../config.ts';
import type { Services } from '../../../services/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    config: Config;
  }
}

/** Makes the services and the configuration available to every route. */
export const servicesPlugin = fp<{ services: Services; config: Config }>(
  (app, { services, config }, done) => {
    app.decorate('services', services);
    app.decorate('config', config);
    done();
  },
  { name: 'lbp-services' },
);
