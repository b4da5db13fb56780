/**
 * U1 invitations and U2 "Wachtwoord vergeten?": the one-time link travels by e-mail over a real
 * SMTP server in this process, through the outbox, and the test follows it as a person would.
 */
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { messages } from '../../src/http/messages/index.ts';
import { createSmtpTransport } from '../../src/mail/mail-transport.ts';
import { anOrganisation, aUser, type TestOrganisation, type TestUser } from '../support/factories.ts';
import { assertRedirect, countAudit, countSessionsOf, errorMessagesIn } from '../support/integration-helpers.ts';
import { chooseLinksIn, decodedBody, startSmtpServer, type ReceivedMail } from '../support/smtp.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

const smtp = await startSmtpServer();
after(async () => {
  await smtp.close();
});

const NEW_PASSWORD = 'zeven zonnige zeilboten';

type Data = { dienst: TestOrganisation; partner: TestOrganisation; beheerder: TestUser; partnerbeheerder: TestUser };

async function setup({ db }: TestApp): Promise<Data> {
  const dienst = await anOrganisation(db, { kind: 'dienst', name: 'Dienst' });
  const partner = await anOrganisation(db, { name: 'Koers' });
  return { dienst, partner, beheerder: await aUser(db, 'beheerder', dienst), partnerbeheerder: await aUser(db, 'partnerbeheerder', partner) };
}

describeOnEachDatabase(
  'U1/U2 one-time links by e-mail',
  setup,
  (get) => {
    /** Delivers the outbox and returns the messages that arrived for the address. */
    async function mailTo(address: string): Promise<ReceivedMail[]> {
      await get().services.outbox.deliverMail();
      return smtp.received.filter((m) => m.to.includes(address));
    }

    async function invite(by: TestUser, email: string, role = 'begeleider'): Promise<string> {
      const admin = new WebSession(get().app);
      await admin.login(by.email, by.password);
      await admin.get('/beheer/gebruikers/uitnodigen');
      const response = await admin.post('/beheer/gebruikers/uitnodigen', { email, naam: 'Nieuwe Collega', rol: role, vestiging: get().data.partner.officeId });
      assert.equal(response.statusCode, 303, response.body);
      return response.headers.location as string;
    }

    async function choose(link: string, password = NEW_PASSWORD, confirmation = password) {
      const browser = new WebSession(get().app);
      const page = await browser.get(link);
      if (page.statusCode !== 200) return { page, response: page, browser };
      const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
      const response = await browser.post('/wachtwoord-kiezen', { token, wachtwoord: password, 'wachtwoord-herhaling': confirmation });
      return { page, response, browser };
    }

    it('U1 invite: the mail arrives over SMTP, its link opens Wachtwoord kiezen, and afterwards the user logs in as usual', async () => {
      const { app, db } = get();
      const email = `nieuw.1.${get().kind}@koers.be`;
      await invite(get().data.partnerbeheerder, email);
      const before = await new WebSession(app).login(email, NEW_PASSWORD);
      assert.equal(before.statusCode, 401, 'no password before the link is used');

      const [mail, ...more] = await mailTo(email);
      assert.ok(mail !== undefined && more.length === 0, 'one mail');
      assert.match(mail.raw, /Subject: Uitnodiging voor het Loopbaanportaal/);
      assert.match(mail.raw, /Content-Type: text\/plain/);
      assert.match(mail.raw, /Content-Type: text\/html/);
      const body = decodedBody(mail);
      assert.match(body, /Dag Nieuwe Collega/);
      assert.match(body, /geldig tot \d{2}\/\d{2}\/\d{4} om \d{2}:\d{2}/);
      const [link] = chooseLinksIn(mail);
      assert.ok(link !== undefined);

      const { page, response } = await choose(link);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1 class="govuk-heading-l">Wachtwoord kiezen<\/h1>/);
      assert.match(page.body, new RegExp(email.replace('.', '\\.')));
      assertRedirect(response, '/aanmelden');
      const login = await new WebSession(app).login(email, NEW_PASSWORD);
      assertRedirect(login, '/');
      // Only the hash of the token is stored, never the token itself.
      const stored = await db.selectFrom('account_tokens').select(['tokenHash', 'usedAt']).execute();
      const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
      assert.ok(stored.every((row) => row.tokenHash !== token));
      assert.equal(await countAudit(db, { action: 'wachtwoord.gekozen' }), 1);
    });

    it('U1 a link works once: used again (to open or to post) it is refused', async () => {
      const email = `nieuw.2.${get().kind}@koers.be`;
      await invite(get().data.partnerbeheerder, email);
      const [link] = chooseLinksIn((await mailTo(email))[0] ?? { to: [], raw: '' });
      assert.ok(link !== undefined);
      assertRedirect((await choose(link)).response, '/aanmelden');
      const again = await choose(link, 'een heel ander wachtwoord');
      assert.equal(again.page.statusCode, 400);
      assert.ok(again.page.body.includes(messages.accounts.invalidLink));
      const login = await new WebSession(get().app).login(email, 'een heel ander wachtwoord');
      assert.equal(login.statusCode, 401, 'the second use changed nothing');
    });

    it('U1 a link expires after 72 hours: a minute before it works, at 72 hours it is refused', async () => {
      const { clock } = get();
      const email = `nieuw.3.${get().kind}@koers.be`;
      await invite(get().data.partnerbeheerder, email);
      const [link] = chooseLinksIn((await mailTo(email))[0] ?? { to: [], raw: '' });
      assert.ok(link !== undefined);
      const start = clock.now();
      try {
        clock.advanceMinutes(72 * 60 - 1);
        assert.equal((await new WebSession(get().app).get(link)).statusCode, 200);
        clock.advanceMinutes(1);
        const expired = await choose(link);
        assert.equal(expired.page.statusCode, 400);
        assert.ok(expired.page.body.includes(messages.accounts.invalidLink));
      } finally {
        clock.set(start);
      }
    });

    it('U1 a forged, truncated or missing token gets the same refusal and nothing is stored', async () => {
      const browser = new WebSession(get().app);
      for (const url of ['/wachtwoord-kiezen?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/wachtwoord-kiezen?token=abc', '/wachtwoord-kiezen']) {
        const page = await browser.get(url);
        assert.equal(page.statusCode, 400, url);
        assert.ok(page.body.includes(messages.accounts.invalidLink), url);
      }
      await browser.get('/wachtwoord-vergeten');
      const posted = await browser.post('/wachtwoord-kiezen', { token: 'B'.repeat(43), wachtwoord: NEW_PASSWORD, 'wachtwoord-herhaling': NEW_PASSWORD });
      assert.equal(posted.statusCode, 400);
      assert.ok(posted.body.includes(messages.accounts.invalidLink));
    });

    it('U1 resending an invitation makes the previous link void; the new one works', async () => {
      const email = `nieuw.4.${get().kind}@koers.be`;
      const detail = await invite(get().data.beheerder, email);
      const admin = new WebSession(get().app);
      await admin.login(get().data.beheerder.email, get().data.beheerder.password);
      const page = await admin.get(detail);
      const versie = /name="versie" value="(\d+)"/.exec(page.body)?.[1] ?? '';
      assertRedirect(await admin.post(`${detail}/uitnodiging`, { versie }), detail);
      const [first, second] = await mailTo(email);
      const [oldLink] = chooseLinksIn(first ?? { to: [], raw: '' });
      const [newLink] = chooseLinksIn(second ?? { to: [], raw: '' });
      assert.ok(oldLink !== undefined && newLink !== undefined && oldLink !== newLink);
      assert.equal((await new WebSession(get().app).get(oldLink)).statusCode, 400);
      assertRedirect((await choose(newLink)).response, '/aanmelden');
    });

    it('U3 a password against the rules is refused with Dutch messages at the field; the link stays usable', async () => {
      const email = `nieuw.5.${get().kind}@koers.be`;
      await invite(get().data.partnerbeheerder, email);
      const [link] = chooseLinksIn((await mailTo(email))[0] ?? { to: [], raw: '' });
      assert.ok(link !== undefined);
      const cases: [string, string, string][] = [
        ['kort-1', 'kort-1', messages.accounts.passwordTooShort('12')],
        ['password1234', 'password1234', messages.accounts.passwordCommon],
        [email, email, messages.accounts.passwordOwnData],
        ['Nieuwe Collega', 'Nieuwe Collega', messages.accounts.passwordOwnData],
        [NEW_PASSWORD, `${NEW_PASSWORD}!`, messages.accounts.passwordMismatch],
      ];
      for (const [password, confirmation, message] of cases) {
        const { response } = await choose(link, password, confirmation);
        assert.equal(response.statusCode, 400, password);
        assert.deepEqual(errorMessagesIn(response.body).fields, [message], password);
        assert.ok(!response.body.includes(`value="${password}"`), 'a password is never sent back');
      }
      assertRedirect((await choose(link)).response, '/aanmelden');
    });

    it('U2 a known and an unknown address get the same answer; only the known, enabled account gets a link', async () => {
      const { app, db } = get();
      const known = await aUser(db, 'begeleider', get().data.partner);
      const disabled = await aUser(db, 'begeleider', get().data.partner, { disabledAt: new Date('2026-01-01T00:00:00Z') });
      const answers = [];
      for (const email of [known.email, 'niemand@nergens.be', disabled.email]) {
        const browser = new WebSession(app);
        await browser.get('/wachtwoord-vergeten');
        const response = await browser.post('/wachtwoord-vergeten', { email });
        const next = await browser.get('/aanmelden');
        answers.push({ status: response.statusCode, location: response.headers.location, body: response.body, banner: next.body.includes(messages.accounts.resetRequested) });
      }
      assert.deepEqual(answers[1], answers[0]);
      assert.deepEqual(answers[2], answers[0]);
      assert.deepEqual(answers[0], { status: 303, location: '/aanmelden', body: '', banner: true });
      assert.equal((await mailTo(known.email)).length, 1);
      assert.equal((await mailTo('niemand@nergens.be')).length, 0);
      assert.equal((await mailTo(disabled.email)).length, 0);
      assert.equal(await countAudit(db, { action: 'wachtwoord.vergeten' }), 3);
    });

    it('U2 known and unknown addresses take the same time class: the same work, timed alternately', async () => {
      const { db, services } = get();
      const known = await aUser(db, 'begeleider', get().data.partner);
      const timings = { known: [] as number[], unknown: [] as number[] };
      for (let round = 0; round < 12; round++) {
        for (const [kind, email] of [['known', known.email], ['unknown', `onbekend.${String(round)}@nergens.be`]] as const) {
          const started = performance.now();
          await services.passwords.requestReset(email, '127.0.0.1');
          timings[kind].push(performance.now() - started);
        }
      }
      const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      const ratio = median(timings.known) / median(timings.unknown);
      // A class, not a stopwatch: both paths run the same statements, so neither is several times the other.
      assert.ok(ratio > 1 / 3 && ratio < 3, `known ${median(timings.known).toFixed(2)} ms, unknown ${median(timings.unknown).toFixed(2)} ms`);
      await services.outbox.deliverMail();
    });

    it('U2 using the reset link ends every session of the user and every other open link', async () => {
      const { app, db } = get();
      const user = await aUser(db, 'begeleider', get().data.partner);
      const session = new WebSession(app);
      assertRedirect(await session.login(user.email, user.password), '/');
      assert.equal(await countSessionsOf(db, user.id), 1);
      await get().services.passwords.requestReset(user.email, '127.0.0.1');
      const [mail] = await mailTo(user.email);
      const [link] = chooseLinksIn(mail ?? { to: [], raw: '' });
      assert.ok(link !== undefined);
      assert.match(mail?.raw ?? '', /Subject: Een nieuw wachtwoord voor het Loopbaanportaal/);
      assertRedirect((await choose(link)).response, '/aanmelden');
      assert.equal(await countSessionsOf(db, user.id), 0);
      assertRedirect(await session.get('/klanten'), '/aanmelden');
      assertRedirect(await new WebSession(app).login(user.email, NEW_PASSWORD), '/');
    });

    it('U4 a disabled user cannot use an invitation or a reset link', async () => {
      const { db, services } = get();
      const email = `nieuw.6.${get().kind}@koers.be`;
      await invite(get().data.partnerbeheerder, email);
      const [link] = chooseLinksIn((await mailTo(email))[0] ?? { to: [], raw: '' });
      assert.ok(link !== undefined);
      const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      // Disabled straight in the table: the link stays open, and is refused for the account's state alone.
      await db.updateTable('users').set({ disabledAt: services.clock.now() }).where('id', '=', user.id).execute();
      const refused = await choose(link);
      assert.equal(refused.page.statusCode, 400);
      assert.ok(refused.page.body.includes(messages.accounts.invalidLink));
    });

    it('U2 reset requests are limited per address (3 in 15 minutes) and per client address', async () => {
      const { app } = get();
      const browser = new WebSession(app);
      await browser.get('/wachtwoord-vergeten');
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await browser.post('/wachtwoord-vergeten', { email: 'beperkt@koers.be' })).statusCode);
      assert.deepEqual(statuses, [303, 303, 303, 429]);
      const other = new WebSession(app, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      await other.get('/wachtwoord-vergeten');
      const perIp = [];
      for (let i = 0; i < 21; i++) perIp.push((await other.post('/wachtwoord-vergeten', { email: `adres.${String(i)}@koers.be` })).statusCode);
      // Without TRUST_PROXY the client address is the socket's: the earlier requests count too.
      assert.equal(perIp.at(-1), 429);
    });

    it('U1 a refused invitation (address already in use, whatever its case) stores nothing and sends nothing', async () => {
      const { db } = get();
      const outboxBefore = await db.selectFrom('outbox').select('id').execute();
      const admin = new WebSession(get().app);
      await admin.login(get().data.partnerbeheerder.email, get().data.partnerbeheerder.password);
      await admin.get('/beheer/gebruikers/uitnodigen');
      const response = await admin.post('/beheer/gebruikers/uitnodigen', { email: get().data.beheerder.email.toUpperCase(), naam: 'Dubbel', rol: 'begeleider', vestiging: get().data.partner.officeId });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(errorMessagesIn(response.body).fields, [messages.accounts.emailInUse]);
      assert.ok(response.body.includes('value="Dubbel"'), 'the input is kept');
      assert.equal((await db.selectFrom('outbox').select('id').execute()).length, outboxBefore.length);
    });
  },
  { mail: createSmtpTransport(smtp.url, 'Loopbaanportaal <noreply@test.be>') },
);
