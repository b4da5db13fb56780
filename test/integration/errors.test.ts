/**
 * Errors are Dutch pages: an unknown page gives "Pagina niet gevonden", an unexpected error a
 * 500 page with a reference and without a stack trace or the error's own text.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, it } from 'node:test';
import { messages } from '../../src/http/messages/index.ts';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, startTestApp, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';
import { assertRedirect } from '../support/integration-helpers.ts';

async function setup({ db }: TestApp): Promise<{ begeleider: TestUser }> {
  const partner = await anOrganisation(db);
  return { begeleider: await aUser(db, 'begeleider', partner) };
}

describeOnEachDatabase('error pages', setup, (get) => {
  it('an unknown page gives the Dutch 404 page, logged in or not', async () => {
    const { app, data } = get();
    const anonymous = await app.inject('/bestaat-niet');
    const browser = new WebSession(app);
    assertRedirect(await browser.login(data.begeleider.email, data.begeleider.password), '/');
    const loggedIn = await browser.get('/ook/niet/hier');
    for (const response of [anonymous, loggedIn]) {
      assert.equal(response.statusCode, 404);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.ok(response.body.includes('<html lang="nl"'));
      assert.ok(response.body.includes(`<title>${messages.errors.notFoundTitle} - Loopbaanportaal</title>`));
      assert.ok(response.body.includes(`<h1 class="govuk-heading-l">${messages.errors.notFoundTitle}</h1>`));
    }
  });

  it('an unknown API path answers problem+json in Dutch', async () => {
    const response = await get().app.inject('/api/bestaat-niet');
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    assert.deepEqual(
      { status: response.json<{ status: number }>().status, title: response.json<{ title: string }>().title },
      { status: 404, title: messages.errors.notFoundTitle },
    );
  });

  it('ASVS 16.5 a malformed URL (bad percent-encoding, bad UTF-8) gives the Dutch 400 page with the security headers, never the framework\'s JSON', async () => {
    for (const url of ['/%zz', '/dossiers/%E0%A4%A', '/dossiers/abc/%C0%AF']) {
      const response = await get().app.inject(url);
      assert.equal(response.statusCode, 400, url);
      assert.match(String(response.headers['content-type']), /^text\/html/, url);
      assert.ok(response.body.includes(`<title>${messages.errors.badRequestTitle} - Loopbaanportaal</title>`), url);
      assert.ok(!response.body.includes('FST_'), url);
      assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/, url);
      assert.match(String(response.headers['cache-control']), /no-store/, url);
    }
    const api = await get().app.inject('/api/%zz');
    assert.equal(api.statusCode, 400);
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
    assert.equal(api.json<{ title: string }>().title, messages.errors.badRequestTitle);
  });

  it('ASVS 16.5 a request Node\'s HTTP parser refuses (a space in the path, a broken header) gives the Dutch 400 page, never the framework\'s JSON', async () => {
    const { app } = get();
    // Listening stays on until the suite closes the app.
    const { port } = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
    for (const request of ['GET /dossiers/a b HTTP/1.1\r\nHost: x\r\n\r\n', 'GET / HTTP/1.1\r\nHost x\r\n\r\n']) {
      const answer = await rawRequest(Number(port), request);
      assert.match(answer, /^HTTP\/1\.1 400 /, request);
      assert.match(answer, /\r\ncontent-type: text\/html; charset=utf-8\r\n/i, request);
      assert.match(answer, /\r\ncache-control: no-store\r\n/i, request);
      assert.ok(answer.includes(`<title>${messages.errors.badRequestTitle} - Loopbaanportaal</title>`), request);
      assert.ok(answer.includes('<html lang="nl"'), request);
      assert.ok(!answer.includes('"statusCode"'), request);
    }
  });

  it('ASVS 16.5 a body the portal cannot read (broken JSON, an unknown content type, too large) gives a Dutch page', async () => {
    const cases = [
      { headers: { 'content-type': 'application/json' }, payload: '{kapot', status: 400 },
      { headers: { 'content-type': 'text/xml' }, payload: '<a/>', status: 415 },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `a=${'x'.repeat(2_000_000)}`, status: 413 },
    ];
    for (const { headers, payload, status } of cases) {
      const response = await get().app.inject({ method: 'POST', url: '/aanmelden', headers, payload });
      assert.equal(response.statusCode, status, headers['content-type']);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.ok(response.body.includes('<html lang="nl"'));
      assert.ok(!response.body.includes('FST_'));
    }
  });

  describe500(get);
});

/** An app whose "Mijn klanten" use case fails unexpectedly. */
function describe500(get: () => TestApp & { data: { begeleider: TestUser } }): void {
  let failing: (TestApp & { close: () => Promise<void> }) | undefined;
  let begeleider: TestUser | undefined;

  before(async () => {
    failing = await startTestApp(get().kind, {
      overrides: (s) => ({ dossiers: { ...s.dossiers, listMyClientsPage: () => Promise.reject(new Error('boom: geheime details')) } }),
    });
    begeleider = await aUser(failing.db, 'begeleider', await anOrganisation(failing.db));
  });
  after(async () => {
    await failing?.close();
  });

  it('an unexpected error gives a Dutch 500 page with a reference, without the error text or a stack trace', async () => {
    assert.ok(failing !== undefined && begeleider !== undefined);
    const browser = new WebSession(failing.app);
    assertRedirect(await browser.login(begeleider.email, begeleider.password), '/');
    const response = await browser.get('/klanten');
    assert.equal(response.statusCode, 500);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.ok(response.body.includes('<html lang="nl"'));
    assert.ok(response.body.includes(`<h1 class="govuk-heading-l">${messages.errors.serverTitle}</h1>`));
    assert.ok(response.body.includes(messages.errors.serverBody));
    assert.match(response.body, /Foutcode: [0-9a-f-]{36}/, 'a reference to quote to the helpdesk');
    for (const leak of ['boom', 'geheime', 'Error', 'at async', '.ts:', 'node_modules']) {
      assert.ok(!response.body.includes(leak), `the page does not contain ${JSON.stringify(leak)}`);
    }
  });
}

/** Sends `request` as raw bytes (what inject cannot: it never passes Node's HTTP parser) and reads the whole answer. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end(request);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.on('error', reject);
  });
}
