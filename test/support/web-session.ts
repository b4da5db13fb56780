/**
 * A person's browser session over app.inject: keeps cookies, and posts forms with the CSRF
 * token of the last page it read, as a browser would. CSRF is never switched off.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { BOUNDARY, multipartBody, type MultipartPart } from './documents.ts';

/** The session cookie's name outside production (production adds the `__Host-` prefix). */
export const SESSION_COOKIE = 'lbp.sid';

const CSRF_FIELD = /name="_csrf" value="([^"]+)"/;

/** The CSRF token of the form(s) on a rendered page, if any. */
export function csrfTokenIn(body: string): string | undefined {
  return CSRF_FIELD.exec(body)?.[1];
}

/**
 * A page with its CSRF tokens blanked. A token is salted anew on every render (a BREACH
 * mitigation), so two renders of the same page differ in that value and in nothing else.
 */
export function withoutCsrfTokens(body: string): string {
  return body.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');
}

/**
 * The CSRF field of the form on the page that posts to `url`, as a browser would send it:
 * undefined when no such form is on the page, '' when the form renders an empty token.
 */
export function csrfTokenOfForm(body: string, url: string): string | undefined {
  for (const form of body.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
    if ((form[1] ?? '').replace(/&amp;/g, '&') !== url) continue;
    const field = /name="_csrf" value="([^"]*)"/.exec(form[2] ?? '');
    if (field !== null) return field[1] ?? '';
  }
  return undefined;
}

export class WebSession {
  readonly #app: FastifyInstance;
  readonly #extraHeaders: Readonly<Record<string, string>>;
  readonly #cookies = new Map<string, string>();
  #csrfToken: string | undefined;
  #lastBody = '';

  /** `headers` go with every request, e.g. the `x-forwarded-for` a proxy adds for this browser. */
  constructor(app: FastifyInstance, options: { headers?: Readonly<Record<string, string>> } = {}) {
    this.#app = app;
    this.#extraHeaders = options.headers ?? {};
  }

  get cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  /** The session cookie's value; fails when the server has not set one. */
  get sessionCookie(): string {
    const value = this.#cookies.get(SESSION_COOKIE);
    if (value === undefined) throw new Error(`no ${SESSION_COOKIE} cookie in this session`);
    return value;
  }

  /** The CSRF token of the last page read (undefined before any page with a form). */
  get csrfToken(): string | undefined {
    return this.#csrfToken;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.#remember(await this.#app.inject({ method: 'GET', url, headers: this.#headers() }));
  }

  /**
   * Posts a form; the CSRF token is added unless `_csrf` is given (or null: none at all): the
   * token of the form on the last page that posts to this URL, so that a form rendering an
   * empty token fails here as in a browser, or else the last page's token.
   */
  async post(url: string, form: Record<string, string | readonly string[]>, options: { csrf?: string | null } = {}): Promise<LightMyRequestResponse> {
    const token = options.csrf === undefined ? (csrfTokenOfForm(this.#lastBody, url) ?? this.#csrfToken) : options.csrf;
    // A field with several values (checkboxes) is sent once per value, as a browser does.
    const fields = Object.entries(token === null || token === undefined ? form : { _csrf: token, ...form }).flatMap(([name, value]) =>
      (typeof value === 'string' ? [value] : value).map((v): [string, string] => [name, v]),
    );
    const body = new URLSearchParams(fields).toString();
    return this.#remember(
      await this.#app.inject({
        method: 'POST',
        url,
        headers: { ...this.#headers(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      }),
    );
  }

  /**
   * Posts a multipart form (a file upload) as the form of "Document toevoegen" sends it: the page's
   * CSRF token as the first part, unless `csrf` is given (null: none at all).
   */
  async postMultipart(url: string, parts: readonly MultipartPart[], options: { csrf?: string | null } = {}): Promise<LightMyRequestResponse> {
    const token = options.csrf === undefined ? this.#csrfToken : options.csrf;
    const all = token === null || token === undefined ? parts : [{ name: '_csrf', value: token }, ...parts];
    return this.#remember(
      await this.#app.inject({
        method: 'POST',
        url,
        headers: { ...this.#headers(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        payload: multipartBody(all),
      }),
    );
  }

  /** Logs in through the real form; returns the response to the post. */
  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/aanmelden');
    return this.post('/aanmelden', { email, password });
  }

  /** Re-reads a page to refresh the CSRF token (the session may have changed). */
  async refreshCsrf(url = '/aanmelden'): Promise<void> {
    await this.get(url);
  }

  #headers(): Record<string, string> {
    const cookie = this.cookieHeader;
    return cookie === '' ? { ...this.#extraHeaders } : { ...this.#extraHeaders, cookie };
  }

  #remember(response: LightMyRequestResponse): LightMyRequestResponse {
    this.#lastBody = response.body;
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now())) this.#cookies.delete(c.name);
      else this.#cookies.set(c.name, c.value);
    }
    const token = csrfTokenIn(response.body);
    if (token !== undefined) this.#csrfToken = token;
    return response;
  }
}

const suiteSessions = new WeakMap<FastifyInstance, Map<string, WebSession>>();

/**
 * The user's logged-in session, one per app and e-mail address, reused by the tests of a suite:
 * the login allows 10 posts per address per 15 minutes (wall clock), and a suite runs in less.
 */
export async function loggedInOnce(app: FastifyInstance, user: Readonly<{ email: string; password: string }>): Promise<WebSession> {
  let sessions = suiteSessions.get(app);
  if (sessions === undefined) {
    sessions = new Map();
    suiteSessions.set(app, sessions);
  }
  const known = sessions.get(user.email);
  if (known !== undefined) return known;
  const session = new WebSession(app);
  const response = await session.login(user.email, user.password);
  if (response.statusCode !== 303) throw new Error(`the login of ${user.email} answered ${String(response.statusCode)}, not 303`);
  sessions.set(user.email, session);
  return session;
}
