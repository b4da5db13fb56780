import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { fileURLToPath } from 'node:url';

const root = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** Built CSS and JS under /assets/, govuk-frontend's own scripts and images under /assets/govuk/. */
export const staticAssetsPlugin = fp(
  async (app) => {
    // Development serves an edited stylesheet at once; elsewhere (production, tests) a browser keeps them a day.
    const maxAge = app.config.env === 'development' ? 0 : '1d';
    await app.register(fastifyStatic, { root: root('../../../../public/'), prefix: '/assets/', maxAge, index: false });
    await app.register(fastifyStatic, {
      root: root('../../../../node_modules/govuk-frontend/dist/govuk/'),
      prefix: '/assets/govuk/',
      decorateReply: false,
      maxAge,
      index: false,
      allowedPath: (pathName) => pathName === '/govuk-frontend.min.js' || pathName.startsWith('/assets/'),
    });
  },
  { name: 'lbp-static-assets', dependencies: ['lbp-services'] },
);
