import csrf from '@fastify/csrf-protection';
import Tokens from '@fastify/csrf';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface Session {
    /** The CSRF secret, kept by the plugin (its `sessionKey`). */
    _csrf?: string;
  }
}

/** Where the plugin keeps the secret in the session (its default, named so that we read the same one). */
const SESSION_KEY = '_csrf';

/** The token check the plugin makes: same library, same (default) options. */
const tokens = Tokens();

/** The plugin's own refusal, so that the errors plugin shows the same "Formulier verlopen" page. */
class CsrfTokenError extends Error {
  readonly code = 'FST_CSRF_INVALID_TOKEN';
  readonly statusCode = 403;
  constructor() {
    super('Invalid csrf token');
  }
}

/**
 * CSRF protection for every form post (synchroniser token in the session). Stays on in tests.
 * Page scopes add `app.csrfProtection` as an onRequest/preHandler hook for unsafe methods.
 */
export const csrfPlugin = fp(
  async (app) => {
    await app.register(csrf, { sessionPlugin: '@fastify/session', sessionKey: SESSION_KEY });
  },
  { name: 'lbp-csrf', dependencies: ['lbp-session'] },
);

/**
 * CSRF for a multipart post, whose body is a stream not parsed before the route runs: the route
 * reads the token from the form's first field and calls this before it reads anything else.
 * The same verification as the plugin's preHandler (`@fastify/csrf` `verify` against the
 * session's secret); throws the 403 error when the secret or the token is missing or wrong.
 */
export function verifyCsrfToken(request: FastifyRequest, token: string): void {
  const secret = request.session.get(SESSION_KEY);
  if (secret === undefined || secret === '' || token === '' || !tokens.verify(secret, token)) throw new CsrfTokenError();
}
