/**
 * Session fixation (a new session id at login, the anonymous one gone) and CSRF (every form
 * post needs the synchroniser token of its own session; CSRF stays on in tests).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { messages } from '../../src/http/messages/index.ts';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { SESSION_COOKIE, WebSession } from '../support/web-session.ts';
import { assertRedirect, countAudit, countSessionsOf, getWithCookie, sessionRowExists } from '../support/integration-helpers.ts';

async function setup({ db }: TestApp): Promise<{ users: TestUser[] }> {
  const partner = await anOrganisation(db);
  const users: TestUser[] = [];
  for (let i = 0; i < 6; i++) users.push(await aUser(db, 'begeleider', partner));
  return { users };
}

describeOnEachDatabase('session fixation and CSRF', setup, (get) => {
  const user = (index: number): TestUser => {
    const found = get().data.users[index];
    if (found === undefined) throw new Error(`no user ${index}`);
    return found;
  };

  it('session fixation: the session cookie changes at login, and the pre-login cookie authenticates nothing', async () => {
    const { app, db } = get();
    const alice = user(0);
    const browser = new WebSession(app);
    const page = await browser.get('/aanmelden');
    assert.equal(page.statusCode, 200);
    const before = browser.sessionCookie;
    assert.ok(await sessionRowExists(db, before), 'the anonymous session (holding the CSRF secret) is stored');

    assertRedirect(await browser.post('/aanmelden', { email: alice.email, password: alice.password }), '/');
    const after = browser.sessionCookie;
    assert.notEqual(after, before);
    assert.ok(await sessionRowExists(db, after));
    assert.equal(await sessionRowExists(db, before), false, 'the pre-login session is removed from the store');

    for (const url of ['/', '/klanten', `/dossiers/${crypto.randomUUID()}`]) {
      assertRedirect(await getWithCookie(app, url, before), '/aanmelden');
    }
    assert.equal((await getWithCookie(app, '/klanten', after)).statusCode, 200, 'the new cookie is the logged-in one');
  });

  it('CSRF: POST /aanmelden without a token is refused with 403 and logs no one in', async () => {
    const { app, db } = get();
    const bob = user(1);
    const browser = new WebSession(app);
    await browser.get('/aanmelden');
    const response = await browser.post('/aanmelden', { email: bob.email, password: bob.password }, { csrf: null });
    assert.equal(response.statusCode, 403);
    assert.equal(response.headers.location, undefined);
    assert.ok(response.body.includes(messages.errors.csrfTitle));
    assert.equal(await countAudit(db, { action: 'login.geslaagd', actorUserId: bob.id }), 0);
    assert.equal(await countSessionsOf(db, bob.id), 0);
    assertRedirect(await browser.get('/klanten'), '/aanmelden');
  });

  it('CSRF: POST /aanmelden with a wrong token, or with the valid token of another session, is refused with 403', async () => {
    const { app, db } = get();
    const carol = user(2);
    const other = new WebSession(app);
    await other.get('/aanmelden');
    const foreignToken = other.csrfToken;
    assert.ok(foreignToken !== undefined);

    const browser = new WebSession(app);
    await browser.get('/aanmelden');
    for (const csrf of ['niet-het-juiste-token', foreignToken, '']) {
      const response = await browser.post('/aanmelden', { email: carol.email, password: carol.password }, { csrf });
      assert.equal(response.statusCode, 403, `token ${JSON.stringify(csrf)}`);
      assert.equal(response.headers.location, undefined);
    }
    assert.equal(await countAudit(db, { action: 'login.geslaagd', actorUserId: carol.id }), 0);
    assert.equal(await countSessionsOf(db, carol.id), 0);
    assertRedirect(await browser.get('/klanten'), '/aanmelden');
  });

  it('CSRF: POST /aanmelden without any session (no cookie, no token) is refused with 403', async () => {
    const { app, db } = get();
    const dave = user(3);
    const response = await app.inject({
      method: 'POST',
      url: '/aanmelden',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: dave.email, password: dave.password }).toString(),
    });
    assert.equal(response.statusCode, 403);
    assert.equal(await countSessionsOf(db, dave.id), 0);
  });

  it('CSRF: POST /afmelden without a token is refused with 403 and the session goes on', async () => {
    const { app, db } = get();
    const erin = user(4);
    const browser = new WebSession(app);
    assertRedirect(await browser.login(erin.email, erin.password), '/');
    assert.equal((await browser.get('/klanten')).statusCode, 200);

    for (const csrf of [null, 'niet-het-juiste-token']) {
      const response = await browser.post('/afmelden', {}, { csrf });
      assert.equal(response.statusCode, 403, `token ${JSON.stringify(csrf)}`);
    }
    assert.equal(await countSessionsOf(db, erin.id), 1);
    assert.equal(await countAudit(db, { action: 'afgemeld', actorUserId: erin.id }), 0);
    assert.equal((await browser.get('/klanten')).statusCode, 200);
  });

  it('CSRF: the token of the anonymous login page does not serve after login (the secret goes with the old session)', async () => {
    const { app } = get();
    const frank = user(5);
    const browser = new WebSession(app);
    await browser.get('/aanmelden');
    const anonymousToken = browser.csrfToken;
    assert.ok(anonymousToken !== undefined);
    assertRedirect(await browser.post('/aanmelden', { email: frank.email, password: frank.password }), '/');
    assert.equal((await browser.post('/afmelden', {}, { csrf: anonymousToken })).statusCode, 403);
    assert.ok(browser.cookie(SESSION_COOKIE) !== undefined);
    assert.equal((await browser.get('/klanten')).statusCode, 200);
  });
});
