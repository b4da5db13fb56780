/**
 * ASVS 14.3.2 (issue 13 item 4): no response of the portal's pages may be kept by a browser or
 * proxy cache. The test walks the route table the app built itself (not a hand-kept list), so a
 * page added later is checked without being named here: every GET and POST, as a logged-in
 * partner and as service staff, and the login pages anonymously.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Demo data: a dossier with lines, documents, desired jobs, CV items and attest requests. */
async function demoWorld(t: TestApp) {
  await t.services.demo.seedIfEmpty();
  const client = await t.db.selectFrom('clients').select('id').where('familyName', '=', 'Janssens').executeTakeFirstOrThrow();
  const first = async (table: 'steps' | 'documents' | 'desired_jobs' | 'cv_educations'): Promise<string> => {
    const row = await t.db.selectFrom(table).select('id').where('clientId', '=', client.id).executeTakeFirst();
    return row?.id ?? UNKNOWN_ID;
  };
  const request = await t.db.selectFrom('attest_requests').select('id').executeTakeFirst();
  const values: Record<string, string> = {
    clientId: client.id,
    stepId: await first('steps'),
    documentId: await first('documents'),
    jobId: await first('desired_jobs'),
    itemId: await first('cv_educations'),
    requestId: request?.id ?? UNKNOWN_ID,
  };
  return { values };
}

function fill(url: string, values: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => values[name] ?? UNKNOWN_ID);
}

function assertNoStore(response: LightMyRequestResponse, what: string): void {
  assert.match(String(response.headers['cache-control']), /no-store/, `${what} answered ${String(response.statusCode)} without Cache-Control: no-store`);
}

describeOnEachDatabase('no page is cached', demoWorld, (get) => {
  const pageRoutes = () => get().app.routeTable.filter((route) => route.url !== '/health' && !route.url.includes('*'));

  it('ASVS 14.3.2 the route table holds the pages (the walk below is not empty)', () => {
    const urls = pageRoutes().map((route) => `${route.method} ${route.url}`);
    assert.ok(urls.includes('GET /dossiers/:clientId/begeleiding/stappen-naar-werk'), urls.join('\n'));
    assert.ok(urls.includes('POST /aanmelden'));
    assert.ok(urls.length > 50, `${String(urls.length)} routes`);
  });

  for (const email of ['begeleider@demo.be', 'adviseur@demo.be']) {
    it(`ASVS 14.3.2 every page and every post of a logged-in user (${email}) answers with no-store`, async () => {
      const session = new WebSession(get().app);
      assert.equal((await session.login(email, DEMO_PASSWORD)).statusCode, 303);
      const answered: number[] = [];
      // Logging out last: the walk stays logged in.
      const routes = [...pageRoutes()].sort((a, b) => Number(a.url === '/afmelden') - Number(b.url === '/afmelden'));
      for (const route of routes) {
        const url = fill(route.url, get().data.values);
        if (route.method === 'GET') {
          const response = await session.get(url);
          assertNoStore(response, `GET ${url}`);
          answered.push(response.statusCode);
        } else {
          // A page with a form first, for a valid CSRF token: the post reaches its handler.
          await session.refreshCsrf('/');
          const response = await session.post(url, {});
          assertNoStore(response, `${route.method} ${url}`);
          answered.push(response.statusCode);
        }
      }
      const successes = answered.filter((status) => status < 400).length;
      assert.ok(successes >= 20, `only ${String(successes)} of ${String(answered.length)} routes answered below 400: the walk hardly reached the pages`);
    });
  }

  it('ASVS 14.3.2 the login page and a failed login answer with no-store', async () => {
    const session = new WebSession(get().app);
    assertNoStore(await session.get('/aanmelden'), 'GET /aanmelden');
    assertNoStore(await session.post('/aanmelden', { email: 'niemand@demo.be', password: 'fout-wachtwoord-123' }), 'POST /aanmelden');
  });

  it('ASVS 14.3.2 the static assets may be cached: they hold no personal data', async () => {
    const css = get().app.routeTable.find((route) => route.url.includes('*'));
    assert.ok(css !== undefined, 'a static assets route');
    const layout = await new WebSession(get().app).get('/aanmelden');
    const href = /href="(\/[^"]+\.css)"/.exec(layout.body)?.[1];
    assert.ok(href !== undefined, 'the layout links a stylesheet');
    const response = await get().app.inject(href);
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(String(response.headers['cache-control']), /no-store/);
  });
});
