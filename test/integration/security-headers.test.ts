/**
 * Security headers and the session cookie, in the test configuration and in a production
 * configuration (HSTS, a `__Host-` cookie that is Secure and only ever sent over https).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEachDatabase } from '../support/test-app.ts';
import { SESSION_COOKIE } from '../support/web-session.ts';
import { setCookieLines } from '../support/integration-helpers.ts';

/** The directives of a Content-Security-Policy header, by name. */
function cspDirectives(header: unknown): Map<string, string[]> {
  assert.equal(typeof header, 'string', 'a Content-Security-Policy header');
  const directives = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** The attributes of one Set-Cookie line, lower-cased names; the cookie's own name=value first. */
function cookieAttributes(line: string): { name: string; attributes: Map<string, string> } {
  const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
  const attributes = new Map<string, string>();
  for (const attribute of rest) {
    const [key = '', value = ''] = attribute.split('=');
    attributes.set(key.toLowerCase(), value);
  }
  return { name: pair.slice(0, pair.indexOf('=')), attributes };
}

describeOnEachDatabase('security headers', async () => undefined, (get) => {
  it('a page has a Content-Security-Policy without unsafe-inline, with frame-ancestors none, and nosniff', async () => {
    const response = await get().app.inject('/aanmelden');
    assert.equal(response.statusCode, 200);
    const header = response.headers['content-security-policy'];
    assert.ok(!String(header).includes('unsafe-inline'), String(header));
    assert.ok(!String(header).includes('unsafe-eval'), String(header));
    const csp = cspDirectives(header);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(csp.get('style-src'), ["'self'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
  });

  it('the error pages carry the same headers', async () => {
    const response = await get().app.inject('/bestaat-niet');
    assert.equal(response.statusCode, 404);
    assert.deepEqual(cspDirectives(response.headers['content-security-policy']).get('frame-ancestors'), ["'none'"]);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  it('the session cookie is HttpOnly, SameSite=Lax, for the whole site, with no Domain', async () => {
    const response = await get().app.inject('/aanmelden');
    const lines = setCookieLines(response).filter((line) => line.startsWith(`${SESSION_COOKIE}=`));
    assert.equal(lines.length, 1, 'the login page starts a session (it holds the CSRF secret)');
    const { attributes } = cookieAttributes(lines[0] ?? '');
    assert.ok(attributes.has('httponly'));
    assert.equal(attributes.get('samesite')?.toLowerCase(), 'lax');
    assert.equal(attributes.get('path'), '/');
    assert.ok(!attributes.has('domain'));
    assert.ok(!attributes.has('max-age') && !attributes.has('expires'), 'a browser-session cookie: the server ends the session');
  });

  it('outside production there is no Strict-Transport-Security (the test app runs on http)', async () => {
    const response = await get().app.inject('/aanmelden');
    assert.equal(response.headers['strict-transport-security'], undefined);
  });

  productionTests(get);
});

/** A production-config app on the same services, behind a TLS-terminating proxy. */
function productionTests(get: () => { services: Parameters<typeof buildApp>[0] }): void {
  let production: FastifyInstance | undefined;
  const app = (): FastifyInstance => {
    if (production === undefined) throw new Error('production app not built');
    return production;
  };

  before(async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: process.env['TEST_DATABASE_URL'] ?? 'postgres://niet-gebruikt@127.0.0.1:5432/none',
      SESSION_SECRET: randomBytes(36).toString('base64'),
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'silent',
      SMTP_URL: 'smtp://niet-gebruikt.invalid:587',
      MAIL_FROM: 'Loopbaanportaal <noreply@test.be>',
      PUBLIC_URL: 'https://loopbaanportaal.test',
      MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      WEBHOOK_SECRET_KEY: randomBytes(36).toString('base64'),
    });
    production = await buildApp(get().services, config, { logger: false });
  });
  after(async () => {
    await production?.close();
  });

  it('production: Strict-Transport-Security for a year, including subdomains, and upgrade-insecure-requests', async () => {
    const response = await app().inject({ url: '/aanmelden', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    assert.ok(cspDirectives(response.headers['content-security-policy']).has('upgrade-insecure-requests'));
  });

  it('production: over https the session cookie is named __Host-lbp.sid and is Secure, HttpOnly, SameSite=Lax, Path=/, no Domain', async () => {
    const response = await app().inject({ url: '/aanmelden', headers: { 'x-forwarded-proto': 'https' } });
    const lines = setCookieLines(response);
    assert.equal(lines.length, 1, lines.join('\n'));
    const { name, attributes } = cookieAttributes(lines[0] ?? '');
    assert.equal(name, `__Host-${SESSION_COOKIE}`);
    assert.ok(attributes.has('secure'));
    assert.ok(attributes.has('httponly'));
    assert.equal(attributes.get('samesite')?.toLowerCase(), 'lax');
    assert.equal(attributes.get('path'), '/');
    assert.ok(!attributes.has('domain'));
  });

  it('production: over plain http no session cookie is sent at all', async () => {
    const response = await app().inject({ url: '/aanmelden' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(setCookieLines(response), []);
  });
}
