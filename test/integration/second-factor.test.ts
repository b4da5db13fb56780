/**
 * The second factor (issue 13 item 1; ASVS 6.3.3, 6.5): enrolment, the login's second step with a
 * code or a recovery code, refusals (wrong, expired, reused, a recovery code twice, lockout),
 * MFA_REQUIRED, the secret encrypted at rest, and the administrator's reset. The whole suite runs
 * with MFA_REQUIRED=true; time moves with the settable clock, never the machine's.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { totpCodeAt } from '../../src/domain/accounts/totp.ts';
import { messages } from '../../src/http/messages/index.ts';
import type { Services } from '../../src/services/index.ts';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { assertRedirect, auditRows, countSessionsOf, errorMessagesIn } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp, type TestClock } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

const VERIFY = '/aanmelden/verificatiecode';
const LOGIN_ENROL = '/aanmelden/tweestapsverificatie';
const problems = messages.secondFactor.problems;

type Enrolled = TestUser & Readonly<{ secret: string; recoveryCodes: readonly string[] }>;

/** Enrols a user through the service, as the page does: the first code confirms the secret. */
async function enrolled(services: Services, clock: TestClock, user: TestUser): Promise<Enrolled> {
  const enrolment = await services.secondFactor.enrolment(user.id);
  if (enrolment.enrolled) throw new Error('already enrolled');
  const confirmed = await services.secondFactor.confirmEnrolment(user.id, totpCodeAt(enrolment.secret, clock.now()));
  if (!confirmed.ok) throw new Error('enrolment refused');
  return { ...user, secret: enrolment.secret, recoveryCodes: confirmed.value.recoveryCodes };
}

async function setup({ db, services, clock }: TestApp) {
  const partner = await anOrganisation(db);
  const otherPartner = await anOrganisation(db);
  const dienst = await anOrganisation(db, { kind: 'dienst' });
  const enrol = (user: TestUser) => enrolled(services, clock, user);
  return {
    newcomer: await aUser(db, 'begeleider', partner),
    coder: await enrol(await aUser(db, 'begeleider', partner)),
    recoverer: await enrol(await aUser(db, 'begeleider', partner)),
    guesser: await enrol(await aUser(db, 'begeleider', partner)),
    resetTarget: await enrol(await aUser(db, 'begeleider', partner)),
    beheerder: await enrol(await aUser(db, 'beheerder', dienst)),
    partnerbeheerder: await enrol(await aUser(db, 'partnerbeheerder', partner)),
    ownColleague: await enrol(await aUser(db, 'begeleider', partner)),
    otherOrganisation: await enrol(await aUser(db, 'begeleider', otherPartner)),
  };
}

/** The value of the read-only field that shows the secret as text. */
function secretShown(body: string): string {
  const input = /<input[^>]*id="geheime-sleutel"[^>]*>/.exec(body)?.[0] ?? '';
  const value = /value="([^"]+)"/.exec(input)?.[1];
  assert.ok(value !== undefined, 'the page shows the secret as text');
  return value.replace(/\s/g, '');
}

function recoveryCodesShown(body: string): string[] {
  return [...body.matchAll(/<code>([a-z2-7]{4}(?:-[a-z2-7]{4}){5})<\/code>/g)].map((m) => m[1] ?? '');
}

describeOnEachDatabase(
  'second factor',
  setup,
  (get) => {
    /** The password step in a fresh browser: it must stop at "Verificatiecode". */
    async function passwordStep(user: TestUser): Promise<WebSession> {
      const browser = new WebSession(get().app);
      assertRedirect(await browser.login(user.email, user.password), VERIFY);
      assert.equal((await browser.get(VERIFY)).statusCode, 200);
      return browser;
    }

    /** The next time-step's code (the clock moves 30 s, so no step is used twice by accident). */
    function freshCode(user: Enrolled): string {
      get().clock.advanceMinutes(0.5);
      return totpCodeAt(user.secret, get().clock.now());
    }

    async function loggedIn(user: Enrolled): Promise<WebSession> {
      const browser = await passwordStep(user);
      assertRedirect(await browser.post(VERIFY, { code: freshCode(user) }), '/');
      return browser;
    }

    it('ASVS 6.3.3 MFA_REQUIRED: after the password a user without a second factor can only enrol; the first code completes the login and shows 10 recovery codes once', async () => {
      const { app, db, data } = get();
      const browser = new WebSession(app);
      assertRedirect(await browser.login(data.newcomer.email, data.newcomer.password), LOGIN_ENROL);
      for (const url of ['/klanten', '/tweestapsverificatie', '/beheer', VERIFY]) assertRedirect(await browser.get(url), '/aanmelden');

      const page = await browser.get(LOGIN_ENROL);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<img class="lbp-qr-code" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
      const secret = secretShown(page.body);
      assert.match(secret, /^[A-Z2-7]{32}$/);

      const wrong = await browser.post(LOGIN_ENROL, { code: totpCodeAt(secret, new Date(get().clock.now().getTime() - 3_600_000)) });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(errorMessagesIn(wrong.body).fields, [problems.fout]);
      assertRedirect(await browser.get('/klanten'), '/aanmelden');

      const halfLoggedIn = browser.sessionCookie;
      const done = await browser.post(LOGIN_ENROL, { code: totpCodeAt(secret, get().clock.now()) });
      assert.equal(done.statusCode, 200);
      const codes = recoveryCodesShown(done.body);
      assert.equal(codes.length, 10);
      assert.equal(new Set(codes).size, 10);
      assert.notEqual(browser.sessionCookie, halfLoggedIn, 'a new session id when the login completes');
      assert.equal((await browser.get('/klanten')).statusCode, 200);
      assert.doesNotMatch((await browser.get('/tweestapsverificatie')).body, /<code>/, 'the codes are shown once');

      const login = (await auditRows(db, { action: 'login.geslaagd', actorUserId: data.newcomer.id })).at(-1);
      assert.equal(login?.details['secondFactor'], 'ingesteld');
      assert.equal((await auditRows(db, { action: 'tweestapsverificatie.ingesteld', actorUserId: data.newcomer.id })).length, 1);

      // ASVS 6.5 / 11.3: the row holds the secret encrypted, the recovery codes only hashed.
      const row = await db.selectFrom('second_factors').selectAll().where('userId', '=', data.newcomer.id).executeTakeFirstOrThrow();
      assert.match(row.secretEncrypted, /^v1\./);
      assert.ok(!row.secretEncrypted.includes(secret) && !row.secretEncrypted.toLowerCase().includes(secret.toLowerCase()), 'no base32 secret in the row');
      const hashes = await db.selectFrom('recovery_codes').select('codeHash').where('userId', '=', data.newcomer.id).execute();
      assert.equal(hashes.length, 10);
      for (const { codeHash } of hashes) assert.ok(!codes.some((code) => codeHash.includes(code.replace(/-/g, ''))));
    });

    it('ASVS 6.3.3 login with a code: the half-logged-in session reaches no other page; the code completes it with a new session id', async () => {
      const { db, data } = get();
      const browser = await passwordStep(data.coder);
      assertRedirect(await browser.get('/klanten'), '/aanmelden');
      assert.equal(await countSessionsOf(db, data.coder.id), 0, 'no session belongs to the user yet');
      const halfLoggedIn = browser.sessionCookie;
      assertRedirect(await browser.post(VERIFY, { code: freshCode(data.coder) }), '/');
      assert.notEqual(browser.sessionCookie, halfLoggedIn);
      assert.equal((await browser.get('/klanten')).statusCode, 200);
      const actions = (await auditRows(db, { actorUserId: data.coder.id })).map((r) => r.action);
      assert.deepEqual(actions.slice(-2), ['login.wachtwoord-juist', 'login.geslaagd']);
    });

    it('ASVS 6.5.1 a code is accepted once: the same code again in its window is refused as used, counted and audited', async () => {
      const { db, data } = get();
      const code = freshCode(data.coder);
      const first = await passwordStep(data.coder);
      assertRedirect(await first.post(VERIFY, { code }), '/');
      const again = await passwordStep(data.coder);
      const refused = await again.post(VERIFY, { code });
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(errorMessagesIn(refused.body).fields, [problems.hergebruikt]);
      assertRedirect(await again.get('/klanten'), '/aanmelden');
      const refusal = (await auditRows(db, { action: 'tweestapsverificatie.mislukt', actorUserId: data.coder.id })).at(-1);
      assert.equal(refusal?.details['reason'], 'hergebruikt');
      assert.equal(refusal.details['failures'], 1, 'counted with the login failures (U7)');
    });

    it('ASVS 6.5.5 an expired, a wrong and an empty code get their own Dutch error; the next right code still works', async () => {
      const { clock, data } = get();
      const browser = await passwordStep(data.coder);
      const expired = await browser.post(VERIFY, { code: totpCodeAt(data.coder.secret, new Date(clock.now().getTime() - 3 * 60_000)) });
      assert.equal(expired.statusCode, 400);
      assert.deepEqual(errorMessagesIn(expired.body).fields, [problems.verlopen]);
      const now = totpCodeAt(data.coder.secret, clock.now());
      const wrong = await browser.post(VERIFY, { code: now === '123456' ? '654321' : '123456' });
      assert.deepEqual(errorMessagesIn(wrong.body).fields, [problems.fout]);
      assert.deepEqual(errorMessagesIn((await browser.post(VERIFY, { code: ' ' })).body).fields, [problems.verplicht]);
      assert.deepEqual(errorMessagesIn((await browser.post(VERIFY, { code: '12ab' })).body).fields, [problems.vorm]);
      assertRedirect(await browser.post(VERIFY, { code: freshCode(data.coder) }), '/');
    });

    it('ASVS 6.5.2 a recovery code replaces the app once; used again it is refused', async () => {
      const { db, data } = get();
      const [code] = data.recoverer.recoveryCodes;
      assert.ok(code !== undefined);
      const browser = await passwordStep(data.recoverer);
      assertRedirect(await browser.post(VERIFY, { code: code.toUpperCase().replace(/-/g, ' ') }), '/');
      assert.match((await browser.get('/klanten')).body, /Je hebt er nog 9\./);
      assert.equal((await auditRows(db, { action: 'login.geslaagd', actorUserId: data.recoverer.id })).at(-1)?.details['secondFactor'], 'herstelcode');

      const again = await passwordStep(data.recoverer);
      const refused = await again.post(VERIFY, { code });
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(errorMessagesIn(refused.body).fields, [problems.herstelcode]);
      assertRedirect(await again.get('/klanten'), '/aanmelden');
    });

    it('ASVS 6.3.3 U7 wrong codes count with the login failures: after the fifth even the right code is not read inside the delay, and works after it', async () => {
      const { db, clock, data } = get();
      const browser = await passwordStep(data.guesser);
      const right = totpCodeAt(data.guesser.secret, clock.now());
      const wrong = right === '000000' ? '111111' : '000000';
      for (let attempt = 1; attempt <= 5; attempt++) assert.equal((await browser.post(VERIFY, { code: wrong })).statusCode, 400);
      const failures = (await auditRows(db, { action: 'tweestapsverificatie.mislukt', actorUserId: data.guesser.id })).map((row) => row.details['failures']);
      assert.deepEqual(failures, [1, 2, 3, 4, 5]);
      const delayed = await browser.post(VERIFY, { code: right });
      assert.deepEqual(errorMessagesIn(delayed.body).fields, [problems.geblokkeerd]);
      assertRedirect(await browser.get('/klanten'), '/aanmelden');
      // The delay after the fifth failure is one second; the next code (30 s on) is read and accepted.
      assertRedirect(await browser.post(VERIFY, { code: freshCode(data.guesser) }), '/');
    });

    it('ASVS 6.3.3 a beheerder resets a second factor: audited, the user\'s sessions end, and the next login asks for a new enrolment', async () => {
      const { db, data } = get();
      const target = await loggedIn(data.resetTarget);
      const admin = await loggedIn(data.beheerder);
      const page = await admin.get(`/beheer/gebruikers/${data.resetTarget.id}`);
      assert.match(page.body, /Tweestapsverificatie wissen/);
      const version = /name="versie" value="(\d+)"/.exec(page.body)?.[1] ?? '';
      assertRedirect(await admin.post(`/beheer/gebruikers/${data.resetTarget.id}/tweestapsverificatie`, { versie: version }), `/beheer/gebruikers/${data.resetTarget.id}`);

      const records = await auditRows(db, { action: 'tweestapsverificatie.gereset', actorUserId: data.beheerder.id });
      assert.equal(records.length, 1);
      assert.equal(records.at(0)?.details['userId'], data.resetTarget.id);
      assert.equal(records.at(0)?.details['endedSessions'], 1);
      assert.equal(await db.selectFrom('second_factors').select('userId').where('userId', '=', data.resetTarget.id).executeTakeFirst(), undefined);
      assert.equal((await db.selectFrom('recovery_codes').select('id').where('userId', '=', data.resetTarget.id).execute()).length, 0);
      assertRedirect(await target.get('/klanten'), '/aanmelden');
      assertRedirect(await new WebSession(get().app).login(data.resetTarget.email, data.resetTarget.password), LOGIN_ENROL);
      assert.match((await admin.get(`/beheer/gebruikers/${data.resetTarget.id}`)).body, /Tweestapsverificatie gewijzigd/);
    });

    it('ASVS 6.3.3 a partnerbeheerder resets the second factor of its own organisation\'s user, and gets 404 for another organisation\'s', async () => {
      const { db, data } = get();
      const admin = await loggedIn(data.partnerbeheerder);
      const own = await admin.get(`/beheer/gebruikers/${data.ownColleague.id}`);
      const version = /name="versie" value="(\d+)"/.exec(own.body)?.[1] ?? '';
      assert.equal((await admin.post(`/beheer/gebruikers/${data.otherOrganisation.id}/tweestapsverificatie`, { versie: '1' })).statusCode, 404);
      assert.notEqual(await db.selectFrom('second_factors').select('userId').where('userId', '=', data.otherOrganisation.id).executeTakeFirst(), undefined, 'nothing removed');
      assert.equal((await auditRows(db, { action: 'tweestapsverificatie.gereset', actorUserId: data.partnerbeheerder.id })).length, 0);
      assertRedirect(await admin.post(`/beheer/gebruikers/${data.ownColleague.id}/tweestapsverificatie`, { versie: version }), `/beheer/gebruikers/${data.ownColleague.id}`);
      assert.equal((await auditRows(db, { action: 'tweestapsverificatie.gereset', actorUserId: data.partnerbeheerder.id })).at(0)?.details['userId'], data.ownColleague.id);
    });
  },
  { config: { MFA_REQUIRED: 'true' } },
);
