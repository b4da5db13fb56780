/**
 * Server-side sessions: 30 minutes idle time-out, 12 hours absolute, "Afmelden" removes the
 * session on the server and the cookie in the browser, and disabling a user ends its sessions at
 * once (ASVS). Issue 13: "Mijn sessies" lists the user's sessions (ASVS 7.5.2) and ends every other
 * one; a new password ends them too (ASVS 7.4.3).
 * Each test logs in its own user: the clock moves on between tests.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession, SESSION_COOKIE } from '../support/web-session.ts';
import { hashToken, newToken } from '../../src/services/accounts/tokens.ts';
import { totpCodeAt } from '../../src/domain/accounts/totp.ts';
import { assertRedirect, countAudit, countSessionsOf, getWithCookie, setCookieLines } from '../support/integration-helpers.ts';

type Data = Readonly<{ users: TestUser[]; beheerder: TestUser }>;

async function setup({ db }: TestApp): Promise<Data> {
  const partner = await anOrganisation(db);
  const dienst = await anOrganisation(db, { kind: 'dienst' });
  const users: TestUser[] = [];
  for (let i = 0; i < 10; i++) users.push(await aUser(db, 'begeleider', partner));
  return { users, beheerder: await aUser(db, 'beheerder', dienst) };
}

describeOnEachDatabase('sessions', setup, (get) => {
  const user = (index: number): TestUser => {
    const found = get().data.users[index];
    if (found === undefined) throw new Error(`no user ${index}`);
    return found;
  };

  async function loggedIn(who: TestUser, userAgent?: string): Promise<WebSession> {
    const browser = new WebSession(get().app, userAgent === undefined ? {} : { headers: { 'user-agent': userAgent } });
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

  it('ASVS 7.4.1 "Afmelden" also clears the cookie in the browser: an empty session cookie that expired in the past', async () => {
    const browser = await loggedIn(user(6));
    const response = await browser.post('/afmelden', {});
    assertRedirect(response, '/aanmelden?afgemeld=1');
    const cleared = setCookieLines(response).filter((line) => line.startsWith(`${SESSION_COOKIE}=`));
    assert.equal(cleared.length, 1, 'one Set-Cookie for the session cookie');
    const line = cleared[0] ?? '';
    assert.match(line, new RegExp(`^${SESSION_COOKIE.replace('.', '\\.')}=;`), 'an empty value');
    assert.match(line, /Expires=Thu, 01 Jan 1970 00:00:00 GMT/, 'an expiry in the past');
    assert.match(line, /Path=\//);
    assert.equal(browser.cookie(SESSION_COOKIE), undefined, 'the browser keeps no session id');
  });

  const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

  /** The rows of the table on "Mijn sessies" as text cells. */
  function sessionRows(body: string): string[][] {
    const tbody = /<tbody[\s\S]*?<\/tbody>/.exec(body)?.[0] ?? '';
    return [...tbody.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((row) =>
      [...(row[0].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g))].map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()),
    );
  }

  it('ASVS 7.5.2 "Mijn sessies" lists every session of the user: device, start and last seen in Brussels time, the current one marked; last seen is written at most once a minute', async () => {
    const { db, clock } = get();
    const who = user(7);
    const start = clock.now();
    const laptop = await loggedIn(who, CHROME_WINDOWS);
    clock.advanceMinutes(5);
    const phone = await loggedIn(who, FIREFOX_LINUX);
    clock.advanceMinutes(5);
    assert.equal((await laptop.get('/klanten')).statusCode, 200);
    const page = await phone.get('/sessies');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>Mijn sessies<\/h1>/);
    assert.match(page.body, /<a href="\/sessies" class="lbp-header__link">Mijn sessies<\/a>/, 'linked in the user\'s own menu area');
    const at = (minutes: number): string => new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(start.getTime() + minutes * 60_000));
    assert.deepEqual(sessionRows(page.body), [
      ['Firefox op Linux Deze sessie', at(5), at(5)],
      ['Chrome op Windows', at(0), at(10)],
    ]);
    assert.match(at(0), /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/, 'dd/mm/jjjj, uu:mm in Brussels');

    // Last seen: a request 30 s later writes nothing; one a minute after the last write does.
    const lastSeen = async (): Promise<number[]> =>
      (await db.selectFrom('sessions').select('lastSeenAt').where('userId', '=', who.id).orderBy('createdAt').execute()).map((r) => r.lastSeenAt.getTime());
    const before = await lastSeen();
    clock.set(new Date(clock.now().getTime() + 30_000));
    assert.equal((await laptop.get('/klanten')).statusCode, 200);
    assert.deepEqual(await lastSeen(), before, 'no write within the minute');
    clock.set(new Date(clock.now().getTime() + 30_000));
    assert.equal((await laptop.get('/klanten')).statusCode, 200);
    assert.deepEqual(await lastSeen(), [clock.now().getTime(), before[1]], 'the laptop\'s row written once the minute passed');
  });

  it('ASVS 7.5.2 "Afmelden op alle andere toestellen" ends every other session: their cookies no longer work, this one stays; a forged post without the token ends nothing', async () => {
    const { app, db } = get();
    const who = user(8);
    const here = await loggedIn(who, CHROME_WINDOWS);
    const elsewhere = [await loggedIn(who, FIREFOX_LINUX), await loggedIn(who)];
    const otherUser = await loggedIn(user(9));
    assert.equal(await countSessionsOf(db, who.id), 3);

    // Forged: the right session cookie, no CSRF token (a post from another site).
    await here.get('/sessies');
    const forged = await here.post('/sessies/andere-afmelden', {}, { csrf: null });
    assert.equal(forged.statusCode, 403, 'a post without the token is refused');
    const wrongToken = await here.post('/sessies/andere-afmelden', {}, { csrf: 'vervalst' });
    assert.equal(wrongToken.statusCode, 403, 'a post with a made-up token is refused');
    assert.equal(await countSessionsOf(db, who.id), 3, 'nothing ended');
    for (const browser of elsewhere) assert.equal((await browser.get('/klanten')).statusCode, 200);

    const page = await here.get('/sessies');
    assert.match(page.body, /Afmelden op alle andere toestellen/);
    const response = await here.post('/sessies/andere-afmelden', {});
    assertRedirect(response, '/sessies');
    const after = await here.get('/sessies');
    assert.match(after.body, /Je bent afgemeld op 2 andere toestellen\./);
    assert.deepEqual(sessionRows(after.body).map((row) => row[0]), ['Chrome op Windows Deze sessie']);
    assert.match(after.body, /Je bent nergens anders aangemeld\./);
    for (const browser of elsewhere) {
      assertRedirect(await getWithCookie(app, '/klanten', browser.sessionCookie), '/aanmelden');
    }
    assert.equal((await here.get('/klanten')).statusCode, 200, 'this session stays');
    assert.equal((await otherUser.get('/klanten')).statusCode, 200, 'another user\'s session stays');
    assert.equal(await countSessionsOf(db, who.id), 1);
    const audit = await countAudit(db, { action: 'sessies.andere-beeindigd', actorUserId: who.id });
    assert.equal(audit, 1);
  });

  it('ASVS 7.4.3 choosing a new password ends the user\'s other sessions, and endOtherSessions keeps the one named', async () => {
    const { app, db, clock, services } = get();
    const who = user(5);
    const browsers = [await loggedIn(who), await loggedIn(who)];
    const { token, hash } = newToken();
    await db.insertInto('account_tokens').values({ userId: who.id, purpose: 'reset', tokenHash: hash, createdAt: clock.now(), expiresAt: new Date(clock.now().getTime() + 3_600_000) }).execute();
    assert.equal(hashToken(token), hash);
    const resetter = new WebSession(app);
    const path = `/wachtwoord-kiezen?token=${token}`;
    assert.equal((await resetter.get(path)).statusCode, 200);
    const newPassword = 'acht nieuwe lange woorden hier';
    assertRedirect(await resetter.post('/wachtwoord-kiezen', { token, wachtwoord: newPassword, 'wachtwoord-herhaling': newPassword }), '/aanmelden');
    for (const browser of browsers) assertRedirect(await browser.get('/klanten'), '/aanmelden');
    assert.equal(await countSessionsOf(db, who.id), 0);

    // The service function the second factor's change calls as well: every session but the one named ends.
    const kept = new WebSession(app);
    assertRedirect(await kept.login(who.email, newPassword), '/');
    const other = new WebSession(app);
    assertRedirect(await other.login(who.email, newPassword), '/');
    const keptId = kept.sessionCookie.slice(0, kept.sessionCookie.lastIndexOf('.'));
    assert.equal(await services.sessions.endOtherSessions(who.id, keptId), 1);
    assert.equal((await kept.get('/klanten')).statusCode, 200);
    assertRedirect(await other.get('/klanten'), '/aanmelden');
  });

  it('ASVS 7.4.3 setting up a second factor ends the user\'s other sessions; the session that set it up goes on', async () => {
    const { db, clock } = get();
    const who = user(9);
    const [setter, other] = [await loggedIn(who), await loggedIn(who)];
    const page = await setter.get('/tweestapsverificatie');
    const input = /<input[^>]*id="geheime-sleutel"[^>]*>/.exec(page.body)?.[0] ?? '';
    const secret = (/value="([^"]+)"/.exec(input)?.[1] ?? '').replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    const done = await setter.post('/tweestapsverificatie', { code: totpCodeAt(secret, clock.now()) });
    assert.equal(done.statusCode, 200);
    assertRedirect(await other.get('/klanten'), '/aanmelden');
    assert.equal((await setter.get('/klanten')).statusCode, 200);
    assert.equal(await countSessionsOf(db, who.id), 1);
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
