import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import type { TSchema } from 'typebox';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The multipart/form-data body of an upload route, for the contract only: the route reads the
     * body as a stream (nothing buffered), so Fastify does not validate it against a schema.
     */
    multipartBody?: TSchema;
  }
}

/**
 * The OpenAPI 3.1 document, generated from the routes' TypeBox schemas, at /api/openapi.json;
 * checked in as docs/openapi.json (`npm run check:openapi` fails when they differ). Named schemas
 * keep their `$id` as component name, so that the contract reads (and diffs) by name.
 */
export const openApiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Loopbaanportaal API',
          version: '1.0.0',
          description: 'JSON API voor de software van de outplacementkantoren: dezelfde regels als de schermen. Zie docs/api.md voor een doorloop met curl.',
        },
        components: {
          securitySchemes: { apiSleutel: { type: 'http', scheme: 'bearer', description: 'Een API-sleutel van uw organisatie (Beheer > Koppelingen, sectie API-sleutels): `lbp_<id>_<geheim>`' } },
        },
        tags: [
          { name: 'klanten', description: 'Caseload, dossier en logboek (recht dossiers:read)' },
          { name: 'stappen', description: 'Stappen naar werk (lezen: dossiers:read, wijzigen: stappen:write)' },
          { name: 'documenten', description: 'Documenten van het dossier (lezen: dossiers:read, toevoegen: documenten:write)' },
          { name: 'aanvragen', description: 'Attestaanvragen: toegang en verlenging met de scan, en hun toestand (aanvragen:write)' },
          { name: 'vestigingen', description: 'Vestigingen voor aanvrager en uitvoerder van een stap (dossiers:read)' },
          { name: 'beheer', description: 'Werking van de toepassing' },
        ],
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${String(i)}`) },
      hideUntagged: true,
      transform: ({ schema, url, route }) => {
        // Every /api/v1 route needs a token; /health does not.
        if (!url.startsWith('/api/v1/')) return { schema, url };
        const multipartBody = route.config?.multipartBody;
        const body = multipartBody === undefined ? {} : { body: multipartBody, consumes: ['multipart/form-data'] };
        return { schema: { ...schema, ...body, security: [{ apiSleutel: [] }] }, url };
      },
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'lbp-openapi' },
);
