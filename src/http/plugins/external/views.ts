import view from '@fastify/view';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import { fileURLToPath } from 'node:url';

const dir = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Nunjucks (autoescape on) over our templates and the govuk/moj macros. Under test a variable the
 * page does not have is an error, not a blank (a renamed presenter field fails its page's test);
 * in production a page still renders.
 */
export const viewsPlugin = fp(
  async (app) => {
    await app.register(view, {
      engine: { nunjucks },
      templates: [dir('../../'), dir('../../../../node_modules/govuk-frontend/dist/'), dir('../../../../node_modules/@ministryofjustice/frontend/')],
      // noCache false, no watch (issue 16): each template is read and compiled once per process and kept by
      // Nunjucks' loader, in every environment (@fastify/view's `production` flag does not apply to Nunjucks).
      options: { autoescape: true, throwOnUndefined: app.config.env === 'test', trimBlocks: true, lstripBlocks: true, noCache: false, watch: false },
    });
  },
  { name: 'lbp-views' },
);
