import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { presentLayout, type PageView } from '../../pages/layout-presenter.ts';

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Renders a page on our layout: the current user, the CSRF token and the flash banner. The
     * page is its presenter's own view type, which has at least a title (and maybe errors).
     */
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- every page's own view type passes as it is
    render<View extends PageView>(template: string, page: View, status?: number): Promise<FastifyReply>;
  }
  interface FastifyRequest {
    /** Sets the confirmation banner for the next page (post/redirect/get), with a link when there is a next step. */
    flash(kind: 'success' | 'info', text: string, link?: { href: string; text: string }): void;
  }
}

export const renderPlugin = fp(
  (app, _opts, done) => {
    app.decorateReply('render', async function (this: FastifyReply, template: string, page: PageView, status = 200) {
      const request: FastifyRequest = this.request;
      const session = request.session as FastifyRequest['session'] | null;
      const flash = session?.flash;
      if (flash !== undefined && session !== null) delete session.flash;
      const layout = presentLayout({
        path: request.url.split('?')[0] ?? '/',
        actor: request.actor,
        csrfToken: session === null ? '' : this.generateCsrf(),
        flash,
        page,
      });
      return this.code(status).type('text/html; charset=utf-8').view(template, { layout, page });
    });
    app.decorateRequest('flash', function (this: FastifyRequest, kind: 'success' | 'info', text: string, link?: { href: string; text: string }) {
      this.session.flash = link === undefined ? { kind, text } : { kind, text, link };
    });
    done();
  },
  { name: 'lbp-render', dependencies: ['lbp-views', 'lbp-csrf', 'lbp-auth'] },
);
