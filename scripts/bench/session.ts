/**
 * The benchmark's browser session: a cookie jar, the CSRF token of a form, and the login of the
 * bench begeleider over HTTP, as a browser does it. Used by the page run (http.ts) and the
 * uploads run (uploads.ts).
 */
import { BENCH_USER } from './generate.ts';

/** The session cookie's name outside production. */
const SESSION_COOKIE = 'lbp.sid';

/** As a browser: GET the form, keep its cookie and CSRF token, POST the credentials. */
export async function logIn(base: string, user: Readonly<{ email: string; password: string }> = BENCH_USER): Promise<string> {
  const jar = new Map<string, string>();
  const form = await fetch(`${base}/aanmelden`, { redirect: 'manual' });
  remember(jar, form);
  const token = csrfIn(await form.text());
  if (form.status !== 200 || token === undefined) throw new Error(`login: GET /aanmelden answered ${form.status}${token === undefined ? ' without a CSRF token' : ''}`);
  const posted = await fetch(`${base}/aanmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email: user.email, password: user.password }).toString(),
  });
  remember(jar, posted);
  await posted.arrayBuffer();
  if (posted.status !== 303 || !jar.has(SESSION_COOKIE)) throw new Error(`login: POST /aanmelden answered ${posted.status}, expected 303 with a session cookie`);
  return cookieHeader(jar);
}

/** The CSRF token of the first form on a page. */
export function csrfIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

/** Keeps the cookies a response sets, as a browser's jar does. */
export function remember(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === '') jar.delete(name);
    else jar.set(name, value);
  }
}

export function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}
