/**
 * Login (ASVS L2): success goes to the role's start page; every failure answers with the same
 * generic message and status, so that no response tells whether an address exists, is
 * disabled or has no password yet (the growing delay that replaced the lock: login-delay.test.ts); missing fields give field errors and never echo the password.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { messages } from '../../src/http/messages/index.ts';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession, withoutCsrfTokens } from '../support/web-session.ts';
import { assertRedirect, auditRows, countAudit, errorMessagesIn } from '../support/integration-helpers.ts';

type Users = Readonly<{
  begeleider: TestUser;
  partnerbeheerder: TestUser;
  secretariaat: TestUser;
  interventieadviseur: TestUser;
  beheerder: TestUser;
  wrongPassword: TestUser;
  disabled: TestUser;
  invited: TestUser;
}>;

async function setup({ db, clock }: TestApp): Promise<Users> {
  const partner = await anOrganisation(db);
  const dienst = await anOrganisation(db, { kind: 'dienst' });
  return {
    begeleider: await aUser(db, 'begeleider', partner),
    partnerbeheerder: await aUser(db, 'partnerbeheerder', partner),
    secretariaat: await aUser(db, 'secretariaat', dienst),
    interventieadviseur: await aUser(db, 'interventieadviseur', dienst),
    beheerder: await aUser(db, 'beheerder', dienst),
    wrongPassword: await aUser(db, 'begeleider', partner),
    disabled: await aUser(db, 'begeleider', partner, { disabledAt: new Date(clock.now().getTime() - 86_400_000) }),
    invited: await anInvitedUser(db, await aUser(db, 'begeleider', partner)),
  };
}

/** An invited user who has not chosen a password yet (it still "knows" the factory's password). */
async function anInvitedUser(db: TestApp['db'], user: TestUser): Promise<TestUser> {
  await db.updateTable('users').set({ passwordHash: null }).where('id', '=', user.id).execute();
  return user;
}

describeOnEachDatabase('login', setup, (get) => {
  const GENERIC = messages.login.failed;

  async function loginAndFollow(user: TestUser, expectedStart: '/klanten' | '/zoeken'): Promise<void> {
    const { app, db } = get();
    const browser = new WebSession(app);
    const before = await countAudit(db, { action: 'login.geslaagd', actorUserId: user.id });
    assertRedirect(await browser.login(user.email, user.password), '/');
    assertRedirect(await browser.get('/'), expectedStart);
    const start = await browser.get(expectedStart);
    assert.equal(start.statusCode, 200);
    assert.equal(await countAudit(db, { action: 'login.geslaagd', actorUserId: user.id }), before + 1);
  }

  it('a begeleider logs in: 303 to /, and / sends a partner to /klanten', async () => {
    await loginAndFollow(get().data.begeleider, '/klanten');
  });

  it('a partnerbeheerder is sent to /klanten as well', async () => {
    await loginAndFollow(get().data.partnerbeheerder, '/klanten');
  });

  it('service staff (secretariaat, interventieadviseur, beheerder) are sent to /zoeken', async () => {
    const { secretariaat, interventieadviseur, beheerder } = get().data;
    for (const user of [secretariaat, interventieadviseur, beheerder]) await loginAndFollow(user, '/zoeken');
  });

  it('the e-mail address is matched case-insensitively and trimmed', async () => {
    const { app } = get();
    const { begeleider } = get().data;
    const browser = new WebSession(app);
    assertRedirect(await browser.login(`  ${begeleider.email.toUpperCase()} `, begeleider.password), '/');
  });

  /** Posts a failing login in a fresh browser; the page must not log anyone in. */
  async function failedLogin(email: string, password: string): Promise<LightMyRequestResponse> {
    const browser = new WebSession(get().app);
    const response = await browser.login(email, password);
    assertRedirect(await browser.get('/klanten'), '/aanmelden');
    return response;
  }

  it('every failure (unknown address, wrong password, disabled, no password yet) gives the same status and the same generic message', async () => {
    const { db } = get();
    const { wrongPassword, disabled, invited } = get().data;
    const attempts = [
      { case: 'unknown address', email: 'niemand.bekend@test.be', password: 'Test-wachtwoord-123', userId: undefined },
      { case: 'wrong password', email: wrongPassword.email, password: 'Fout-wachtwoord-999', userId: wrongPassword.id },
      { case: 'disabled user', email: disabled.email, password: disabled.password, userId: disabled.id },
      { case: 'invited, no password yet', email: invited.email, password: invited.password, userId: invited.id },
    ];
    const normalised: string[] = [];
    for (const attempt of attempts) {
      const response = await failedLogin(attempt.email, attempt.password);
      assert.equal(response.statusCode, 401, attempt.case);
      assert.equal(response.headers.location, undefined, attempt.case);
      const errors = errorMessagesIn(response.body);
      assert.deepEqual(errors.summary, [GENERIC], `${attempt.case}: error summary`);
      assert.deepEqual(errors.fields, [GENERIC], `${attempt.case}: field message`);
      assert.ok(!response.body.includes(attempt.password), `${attempt.case}: the password is not echoed`);
      // The whole page, apart from the typed address and the per-render CSRF token, is the same.
      normalised.push(withoutCsrfTokens(response.body).replaceAll(attempt.email, '<adres>'));
      if (attempt.userId !== undefined) {
        assert.equal(await countAudit(db, { action: 'login.geslaagd', actorUserId: attempt.userId }), 0, attempt.case);
      }
    }
    for (const [index, body] of normalised.entries()) {
      assert.equal(body, normalised[0], `${attempts[index]?.case ?? ''} answers exactly as ${attempts[0]?.case ?? ''}`);
    }
  });

  it('each failure is logged as login.mislukt with its reason and the user it concerns, never with the password', async () => {
    const { db } = get();
    const { wrongPassword, disabled, invited } = get().data;
    const reasons = async (userId: string | null): Promise<unknown[]> =>
      (await auditRows(db, { action: 'login.mislukt' }))
        .filter((row) => row.actorUserId === userId)
        .map((row) => row.details['reason']);
    const cases = [
      { userId: wrongPassword.id, email: wrongPassword.email, password: 'Nog-een-fout-wachtwoord', reason: 'fout-wachtwoord' },
      { userId: disabled.id, email: disabled.email, password: disabled.password, reason: 'uitgeschakeld' },
      { userId: invited.id, email: invited.email, password: invited.password, reason: 'geen-wachtwoord' },
      { userId: null, email: 'nog.iemand.onbekend@test.be', password: 'Onbekend-wachtwoord-1', reason: 'onbekend-adres' },
    ];
    for (const c of cases) {
      const before = await reasons(c.userId);
      const response = await failedLogin(c.email, c.password);
      assert.equal(response.statusCode, 401);
      assert.deepEqual(await reasons(c.userId), [...before, c.reason], c.reason);
    }
    for (const row of await auditRows(db, { action: 'login.mislukt' })) {
      const details = JSON.stringify(row.details);
      for (const c of cases) assert.ok(!details.includes(c.password), 'no password in the audit details');
    }
  });

  it('missing password: 400 with a field error, the typed e-mail kept', async () => {
    const browser = new WebSession(get().app);
    await browser.get('/aanmelden');
    const response = await browser.post('/aanmelden', { email: 'iemand@test.be', password: '' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(errorMessagesIn(response.body).fields, [messages.login.passwordRequired]);
    assert.match(response.body, /<input[^>]* id="email"[^>]* value="iemand@test.be"/);
    assert.match(response.body, /<title>Fout: Aanmelden/);
  });

  it('missing e-mail: 400 with a field error, and the typed password is never sent back', async () => {
    const browser = new WebSession(get().app);
    await browser.get('/aanmelden');
    const password = 'Geheim-niet-tonen-42';
    const response = await browser.post('/aanmelden', { email: '', password });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(errorMessagesIn(response.body).fields, [messages.login.emailRequired]);
    assert.ok(!response.body.includes(password));
    assert.doesNotMatch(response.body, /<input[^>]* id="password"[^>]* value=/);
  });

  it('both fields missing: 400 with both field errors; an invalid address is kept and flagged, the password not echoed', async () => {
    const browser = new WebSession(get().app);
    await browser.get('/aanmelden');
    const empty = await browser.post('/aanmelden', { email: '', password: '' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorMessagesIn(empty.body).summary, [messages.login.emailRequired, messages.login.passwordRequired]);

    const password = 'Ander-geheim-77';
    const invalid = await browser.post('/aanmelden', { email: 'geen-adres', password });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(errorMessagesIn(invalid.body).fields, [messages.login.emailFormat]);
    assert.match(invalid.body, /<input[^>]* id="email"[^>]* value="geen-adres"/);
    assert.ok(!invalid.body.includes(password));
  });

  it('field errors are announced in Dutch: the hidden prefix reads "Fout:", not the English "Error:"', async () => {
    const browser = new WebSession(get().app);
    await browser.get('/aanmelden');
    const response = await browser.post('/aanmelden', { email: 'iemand@test.be', password: '' });
    assert.equal(response.statusCode, 400);
    const prefix = /<p id="password-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">([^<]*)<\/span>/.exec(response.body);
    assert.equal(prefix?.[1], 'Fout:');
  });

  it('a logged-in user who opens /aanmelden is sent to the start page', async () => {
    const { begeleider } = get().data;
    const browser = new WebSession(get().app);
    await browser.login(begeleider.email, begeleider.password);
    assertRedirect(await browser.get('/aanmelden'), '/');
  });
});
