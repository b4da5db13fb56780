/**
 * Server-side sessions: 30 minutes idle time-out, 12 hours absolute, "Afmelden" removes the
 * session on the server, and disabling a user ends its sessions at once (ASVS).
 * Each test logs in its own user: the clock moves on between tests.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';
import { assertRedirect, countAudit, countSessionsOf, getWithCookie } from '../support/integration-helpers.ts';

type Data = Readonly<{ users: TestUser[]; beheerder: TestUser }>;

async function setup({ db }: TestApp): Promise<Data> {
  const partner = await anOrganisation(db);
  const dienst = await anOrganisation(db, { kind: 'dienst' });
  const users: TestUser[] = [];
  for (let i = 0; i < 6; i++) users.push(await aUser(db, 'begeleider', partner));
  return { users, beheerder: await aUser(db, 'beheerder', dienst) };
}

describeOnEachDatabase('sessions', setup, (get) => {
  const user = (index: number): TestUser => {
    const found = get().data.users[index];
    if (found === undefined) throw new Error(`no user ${index}`);
    return found;
  };

  async function loggedIn(who: TestUser): Promise<WebSession> {
    const browser = new WebSession(get().app);
    assertRedirect(await browser.login(who.email, who.password), '/');
    assert.equal((await browser.get('/klanten')).statusCode, 200);
    return browser;
  }

  it('idle time-out: 29 minutes without a request keep the session', async () => {
    const { clock } = get();
    const browser = await loggedIn(user(0));
    clock.advanceMinutes(29);
    assert.equal((await browser.get('/klanten')).statusCode, 200);
    // That request counted as activity: another 29 minutes are fine again.
    clock.advanceMinutes(29);
    assert.equal((await browser.get('/klanten')).statusCode, 200);
  });

  it('idle time-out: after 31 minutes without a request the next request goes to /aanmelden', async () => {
    const { clock } = get();
    const browser = await loggedIn(user(1));
    clock.advanceMinutes(31);
    assertRedirect(await browser.get('/klanten'), '/aanmelden');
    // And the session does not come back when the user tries again.
    assertRedirect(await browser.get('/klanten'), '/aanmelden');
  });

  it('absolute time-out: a session kept active every 20 minutes ends 12 hours after login', async () => {
    const { clock } = get();
    const browser = await loggedIn(user(2));
    // 35 × 20 minutes = 11 h 40 min, then 11 h 59 min: still logged in.
    for (let step = 1; step <= 35; step++) {
      clock.advanceMinutes(20);
      assert.equal((await browser.get('/klanten')).statusCode, 200, `after ${step * 20} minutes`);
    }
    clock.advanceMinutes(19);
    assert.equal((await browser.get('/klanten')).statusCode, 200, 'after 11 h 59 min');
    clock.advanceMinutes(1);
    assertRedirect(await browser.get('/klanten'), '/aanmelden');
  });

  it('"Afmelden" deletes the session row on the server, and the old cookie no longer works', async () => {
    const { app, db } = get();
    const who = user(3);
    const browser = await loggedIn(who);
    const cookie = browser.sessionCookie;
    assert.equal(await countSessionsOf(db, who.id), 1);

    assertRedirect(await browser.post('/afmelden', {}), '/aanmelden?afgemeld=1');
    assert.equal(await countSessionsOf(db, who.id), 0);
    const page = await browser.get('/aanmelden?afgemeld=1');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Je bent afgemeld.'));

    assertRedirect(await getWithCookie(app, '/klanten', cookie), '/aanmelden');
    assertRedirect(await browser.get('/klanten'), '/aanmelden');
  });

  it('disabling a user removes all its sessions, and its next request goes to the login page', async () => {
    const { app, db, services } = get();
    const who = user(4);
    const first = await loggedIn(who);
    const second = await loggedIn(who);
    assert.equal(await countSessionsOf(db, who.id), 2);

    const beheerder = await services.auth.currentActor(get().data.beheerder.id);
    assert.ok(beheerder !== undefined);
    assert.equal(await services.users.disableUser(beheerder, who.id), true);

    assert.equal(await countSessionsOf(db, who.id), 0);
    assert.equal(await countAudit(db, { action: 'gebruiker.uitgeschakeld', actorUserId: beheerder.userId }), 1);
    for (const browser of [first, second]) assertRedirect(await browser.get('/klanten'), '/aanmelden');
    // Nor can the user log in again.
    const again = new WebSession(app);
    assert.equal((await again.login(who.email, who.password)).statusCode, 401);
  });

  it('only a beheerder may disable a user', async () => {
    const { services } = get();
    const partner = await services.auth.currentActor(user(5).id);
    assert.ok(partner !== undefined);
    await assert.rejects(services.users.disableUser(partner, user(0).id), { name: 'ForbiddenError' });
  });
});
