import fp from 'fastify-plugin';

/** One registered route: its method and its URL pattern (`/dossiers/:clientId/stappen`). */
export type RouteEntry = Readonly<{ method: string; url: string }>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after this plugin, in order: what the access and cache tests walk. */
    routeTable: readonly RouteEntry[];
  }
}

/**
 * Records the route table as Fastify builds it, so that tests can enumerate every route and
 * method instead of keeping their own list (a new route is then checked without being named).
 */
export const routeTablePlugin = fp(
  (app, _opts, done) => {
    const routes: RouteEntry[] = [];
    app.decorate('routeTable', routes);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        // Fastify adds HEAD for every GET itself; the GET stands for both.
        if (method !== 'HEAD') routes.push({ method, url: route.url });
      }
    });
    done();
  },
  { name: 'lbp-route-table' },
);
