import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { lazySerializerFactory, lazyValidatorFactory } from './lazy-schema-compilers.ts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import type { Services } from '../services/index.ts';
import { healthRoutes } from './api/health-routes.ts';
import { apiV1Routes } from './api/v1/index.ts';
import { openApiPlugin } from './api/openapi.ts';
import { pageRoutes } from './pages/routes.ts';
import { authPlugin } from './plugins/app/auth.ts';
import { clientErrorPage } from './plugins/app/client-errors.ts';
import { errorsPlugin, rewriteMalformedUrl } from './plugins/app/errors.ts';
import { renderPlugin } from './plugins/app/render.ts';
import { routeTablePlugin } from './plugins/app/route-table.ts';
import { servicesPlugin } from './plugins/app/services.ts';
import { csrfPlugin } from './plugins/external/csrf.ts';
import { formsPlugin } from './plugins/external/forms.ts';
import { multipartPlugin } from './plugins/external/multipart.ts';
import { rateLimitPlugin } from './plugins/external/rate-limit.ts';
import { securityHeadersPlugin } from './plugins/external/security-headers.ts';
import { sessionPlugin } from './plugins/external/session.ts';
import { staticAssetsPlugin } from './plugins/external/static-assets.ts';
import { viewsPlugin } from './plugins/external/views.ts';

/** `logger: false` logs nothing; `logStream` sends the JSON log lines there instead of stdout (tests). */
export type BuildOptions = Readonly<{
  logger?: boolean;
  logStream?: Writable;
  /** Fastify's own compilers, every route's schemas compiled at start (a test proves they all compile); by default on first use. */
  compileSchemasAtStart?: boolean;
}>;

/** The web application: pages and API over the given services. */
export async function buildApp(services: Services, config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const clientErrors = clientErrorPage();
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            // No personal data in logs: no bodies, no query strings, no cookies.
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
            },
            ...(options.logStream === undefined ? {} : { stream: options.logStream }),
          },
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
    // A malformed URL (bad percent-encoding, bad UTF-8) is answered by the errors plugin, through
    // the whole request lifecycle (headers, session): the portal's own Dutch page, never the
    // framework's JSON.
    rewriteUrl: (request) => rewriteMalformedUrl(request.url ?? '/'),
    // What Node's HTTP parser refuses before any route: the same Dutch page, not Fastify's JSON.
    clientErrorHandler: clientErrors.handler,
    // Issue 17: a body that fails its schema is answered with every field, not only the first.
    ajv: { customOptions: { allErrors: true } },
    // Each route's schemas compiled when first used, not all at start (lazy-schema-compilers.ts).
    ...(options.compileSchemasAtStart === true ? {} : { schemaController: { compilersFactory: { buildValidator: lazyValidatorFactory(), buildSerializer: lazySerializerFactory() } } }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(routeTablePlugin);
  await app.register(servicesPlugin, { services, config });
  await app.register(securityHeadersPlugin, { production: config.env === 'production' });
  // In this order: a plugin comes after those it names as its dependencies.
  const plugins = [openApiPlugin, formsPlugin, multipartPlugin, rateLimitPlugin, staticAssetsPlugin, viewsPlugin, clientErrors.plugin, sessionPlugin, csrfPlugin, authPlugin, renderPlugin, errorsPlugin];
  for (const plugin of plugins) await app.register(plugin);

  await app.register(healthRoutes);
  // Issue 17: the partner API, with its own Bearer authentication and problem+json errors.
  await app.register(apiV1Routes);
  await app.register(pageRoutes);
  await app.ready();
  return app;
}
