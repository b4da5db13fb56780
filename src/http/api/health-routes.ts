import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const HealthResponse = Type.Object(
  { status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]), database: Type.Boolean() },
  { $id: 'Health' },
);

/** `/health`: 200 with the database checked, 503 without it. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Gezondheid van de toepassing en haar database',
        tags: ['beheer'],
        response: { 200: HealthResponse, 503: HealthResponse },
      },
    },
    async (_request, reply) => {
      const database = await app.services.health.databaseIsUp();
      reply.header('Cache-Control', 'no-store');
      return reply.code(database ? 200 : 503).send({ status: database ? 'ok' : 'unavailable', database });
    },
  );
};
