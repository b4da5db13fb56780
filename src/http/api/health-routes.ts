import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';

const HealthResponse = Type.Object(
  { status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]), database: Type.Boolean() },
  { $id: 'Health' },
);

const LiveResponse = Type.Object({ status: Type.Literal('ok') }, { $id: 'HealthLive' });

const ReadyResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    database: Type.Boolean(),
    storage: Type.Boolean(),
    draining: Type.Boolean(),
  },
  { $id: 'HealthReady' },
);

/** A check that answers 200 when what it checks is up and 503 otherwise, with the same body. */
const probe = <R extends TSchema>(summary: string, response: R) => ({ schema: { summary, tags: ['beheer'], response: { 200: response, 503: response } } });

/**
 * `/health`: 200 with the database checked, 503 without it. For a load balancer and a rolling
 * restart (issue 14): `/health/live` (the process answers) and `/health/ready` (database and
 * blob store answer, and the instance is not draining after SIGTERM).
 */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    probe('Gezondheid van de toepassing en haar database', HealthResponse),
    async (_request, reply) => {
      const database = await app.services.health.databaseIsUp();
      reply.header('Cache-Control', 'no-store');
      return reply.code(database ? 200 : 503).send({ status: database ? 'ok' : 'unavailable', database });
    },
  );

  app.get(
    '/health/live',
    { schema: { summary: 'Het proces leeft (liveness)', tags: ['beheer'], response: { 200: LiveResponse } } },
    async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return reply.send({ status: 'ok' as const });
    },
  );

  app.get(
    '/health/ready',
    probe('Klaar voor verkeer: database en documentopslag bereikbaar, niet aan het afsluiten (readiness)', ReadyResponse),
    async (_request, reply) => {
      const { health } = app.services;
      const draining = health.isDraining();
      const [database, storage] = await Promise.all([health.databaseIsUp(), health.storageIsUp()]);
      const ready = !draining && database && storage;
      reply.header('Cache-Control', 'no-store');
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', database, storage, draining });
    },
  );
};
