import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';

/** The OpenAPI document, generated from the routes' TypeBox schemas, at /api/openapi.json. */
export const openApiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Loopbaanportaal API', version: '0.1.0', description: 'JSON API voor de software van de outplacementkantoren.' },
      },
      hideUntagged: true,
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'lbp-openapi' },
);
