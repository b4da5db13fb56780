/**
 * Issue 13 item 2 (ASVS 6.3.1, 6.1.1): the hard lock is gone. From the 5th failed login in a series
 * the next attempt is evaluated only after 2^(n-5) seconds, at most 15 minutes; an attempt inside
 * the delay is refused unread with a Dutch message saying from when (alike for unknown addresses).
 * The counters are per address, per client address and per pair, in the database. A correct
 * password from a known origin (a client address the holder logged in from) is not held up by
 * failures elsewhere, so an attacker cannot keep the holder out. After 10 failures the holder gets
 * one mail per series, through the outbox. The app runs behind a proxy (TRUST_PROXY=true): each
 * browser has its own client address in X-Forwarded-For; each test uses its own addresses.
 */
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { LOGIN_DELAY } from '../../src/domain/accounts/login-delay.ts';
import { BRUSSELS_TIME_SECONDS } from '../../src/domain/calendar-date.ts';
import { messages } from '../../src/http/messages/index.ts';
import { createSmtpTransport } from '../../src/mail/mail-transport.ts';
import { TEST_NOW } from '../support/clock.ts';
import { createTestDatabase } from '../support/databases.ts';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { decodedBody, startSmtpServer } from '../support/smtp.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession, withoutCsrfTokens } from '../support/web-session.ts';
import { assertRedirect, auditRows, countAudit, errorMessagesIn } from '../support/integration-helpers.ts';

const WRONG = 'Verkeerd-wachtwoord-1';

const smtp = await startSmtpServer();
after(async () => {
  await smtp.close();
});

type Data = Readonly<{ stepwise: TestUser; capped: TestUser; holder: TestUser; other: TestUser; mailed: TestUser }>;

async function setup({ db }: TestApp): Promise<Data> {
  const partner = await anOrganisation(db);
  return {
    stepwise: await aUser(db, 'begeleider', partner),
    capped: await aUser(db, 'begeleider', partner),
    holder: await aUser(db, 'begeleider', partner),
    other: await aUser(db, 'begeleider', partner),
    mailed: await aUser(db, 'begeleider', partner),
  };
}

describeOnEachDatabase(
  'login delay',
  setup,
  (get) => {
    function loginFrom(client: string, email: string, password: string): Promise<LightMyRequestResponse> {
      return new WebSession(get().app, { headers: { 'x-forwarded-for': client } }).login(email, password);
    }

    /** Moves the test clock on by whole or part seconds. */
    function advanceSeconds(seconds: number): void {
      const { clock } = get();
      clock.set(new Date(clock.now().getTime() + Math.round(seconds * 1000)));
    }

    /** One counted failure through the service: if the attempt falls inside a delay, wait it out first. */
    async function failAfterAnyWait(email: string, client: string): Promise<void> {
      const { services, clock } = get();
      const first = await services.auth.login(email, WRONG, client);
      assert.ok(!first.ok);
      if (first.delayedUntil === null) return;
      advanceSeconds((first.delayedUntil.getTime() - clock.now().getTime()) / 1000);
      assert.deepEqual(await services.auth.login(email, WRONG, client), { ok: false, delayedUntil: null });
    }

    function assertFailed(response: LightMyRequestResponse, what: string): void {
      assert.equal(response.statusCode, 401, what);
      assert.deepEqual(errorMessagesIn(response.body).fields, [messages.login.failed], what);
    }

    function assertDelayed(response: LightMyRequestResponse, time: string, retryAfter: number, what: string): void {
      assert.equal(response.statusCode, 429, what);
      assert.deepEqual(errorMessagesIn(response.body).fields, [messages.login.delayed(time)], what);
      assert.equal(response.headers['retry-after'], String(retryAfter), `${what}: Retry-After`);
    }

    it('ASVS 6.3.1 failures 1-4 cost no wait; after the 5th the next attempt waits 1 s, after the 6th 2 s; inside the delay even the right password is not evaluated; after it the right password logs in', async () => {
      const { db } = get();
      const { stepwise: user } = get().data;
      const client = '192.0.2.11';
      for (let i = 1; i <= 5; i++) assertFailed(await loginFrom(client, user.email, WRONG), `wrong password #${i}, no wait before it`);
      // TEST_NOW is 10:00:00 in Brussels; the 5th failure asks for 1 second.
      assertDelayed(await loginFrom(client, user.email, user.password), '10:00:01', 1, 'the right password inside the delay');
      const delayed = (await auditRows(db, { action: 'login.mislukt', actorUserId: user.id })).map((row) => row.details['reason']);
      assert.deepEqual(delayed, [...Array<string>(5).fill('fout-wachtwoord'), 'vertraagd'], 'every failure audited, the unread attempt as vertraagd');
      assert.equal(await countAudit(db, { action: 'login.geslaagd', actorUserId: user.id }), 0);

      advanceSeconds(1);
      assertFailed(await loginFrom(client, user.email, WRONG), 'wrong password #6, after the wait');
      advanceSeconds(1.999);
      assertDelayed(await loginFrom(client, user.email, user.password), '10:00:03', 1, '1.999 s after the 6th failure (2 s asked)');
      advanceSeconds(0.001);
      assertRedirect(await loginFrom(client, user.email, user.password), '/');
      assert.equal(await countAudit(db, { action: 'login.geslaagd', actorUserId: user.id }), 1);
      // The series ended with the correct password: the next wrong one waits for nothing.
      assertFailed(await loginFrom(client, user.email, WRONG), 'a new series');
      assertFailed(await loginFrom(client, user.email, WRONG), 'no wait inside the new series');

      // The counters are in the database (every instance sees them), keyed by hashes only.
      const rows = await db.selectFrom('login_throttle').select(['scope', 'keyHash']).execute();
      assert.ok(rows.length >= 3);
      for (const row of rows) assert.ok(!row.keyHash.includes('@') && !row.keyHash.includes('192.0.2'), 'no address in clear');
    });

    it('ASVS 6.3.1 an unknown address gets exactly the same delay and page: the answer never tells whether an account exists', async () => {
      const { other: known } = get().data;
      const client = '192.0.2.12';
      const time = BRUSSELS_TIME_SECONDS.format(new Date(get().clock.now().getTime() + 1000));
      const pages: string[] = [];
      for (const email of ['niemand.gekend@test.be', known.email]) {
        for (let i = 1; i <= 5; i++) assertFailed(await loginFrom(client, email, WRONG), `${email}: failure #${i}`);
        const response = await loginFrom(client, email, email === known.email ? known.password : WRONG);
        assertDelayed(response, time, 1, `${email} inside the delay`);
        pages.push(withoutCsrfTokens(response.body).replaceAll(email, '<adres>'));
      }
      assert.equal(pages[1], pages[0], 'known and unknown addresses answer alike');
    });

    it('ASVS 6.3.1 the wait doubles with every failure after the 5th and stops growing at 15 minutes', async () => {
      const { services, clock } = get();
      const { capped: user } = get().data;
      const client = '192.0.2.13';
      const waits: number[] = [];
      for (let n = 1; n <= 17; n++) {
        assert.deepEqual(await services.auth.login(user.email, WRONG, client), { ok: false, delayedUntil: null }, `failure #${n} was evaluated`);
        if (n < 5) continue;
        // Probing inside the delay costs nothing: the attempt is neither read nor counted.
        const next = await services.auth.login(user.email, user.password, client);
        assert.ok(!next.ok && next.delayedUntil !== null, `the right password waits after failure #${n}`);
        const wait = (next.delayedUntil.getTime() - clock.now().getTime()) / 1000;
        waits.push(wait);
        advanceSeconds(wait);
      }
      assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
      assert.equal(LOGIN_DELAY.capSeconds, 900);
      // After the last wait the right password is read and logs in.
      assert.equal((await services.auth.login(user.email, user.password, client)).ok, true);
    });

    it('ASVS 6.3.1 an attacker cannot keep the holder out: failures from elsewhere slow the address down there, not at the holder\'s known origin; the attacker\'s own client address waits for every address', async () => {
      const { services } = get();
      const { holder, other } = get().data;
      const home = '198.51.100.20';
      const attacker = '203.0.113.66';
      assertRedirect(await loginFrom(home, holder.email, holder.password), '/');
      // 30 failures from the attacker, each after the previous wait (the delay only slows it down).
      for (let n = 1; n <= 30; n++) await failAfterAnyWait(holder.email, attacker);
      const after = (seconds: number): string => BRUSSELS_TIME_SECONDS.format(new Date(get().clock.now().getTime() + seconds * 1000));
      assertDelayed(await loginFrom(attacker, holder.email, holder.password), after(900), 900, 'the attacker waits 15 minutes for the address');
      assertDelayed(await loginFrom('198.51.100.99', holder.email, holder.password), after(900), 900, 'an unknown client address waits for the address as well');
      // 30 failures from one client address: 2^(30-21) = 512 s for any address it tries.
      assertDelayed(await loginFrom(attacker, other.email, other.password), after(512), 512, 'the attacker\'s client address waits for another address too');
      assert.equal(await services.auth.login(other.email, other.password, '198.51.100.21').then((r) => r.ok), true, 'that other address is not slowed down elsewhere');
      // The holder, from home, where the password was right before: in at once.
      assertRedirect(await loginFrom(home, holder.email, holder.password), '/');
    });

    it('issue 13 after 10 failures in a series the holder gets one mail through the outbox; more failures send no other; a new series mails again', async () => {
      const { services, db } = get();
      const { mailed: user } = get().data;
      const client = '192.0.2.14';
      const mailsTo = async (): Promise<string[]> => {
        await services.outbox.deliverMail();
        return smtp.received.filter((m) => m.to.includes(user.email)).map((m) => decodedBody(m));
      };
      const failOnce = (): Promise<void> => failAfterAnyWait(user.email, client);
      for (let n = 1; n <= 9; n++) await failOnce();
      assert.deepEqual(await mailsTo(), [], 'no mail after 9 failures');
      await failOnce();
      const [mail, ...more] = await mailsTo();
      assert.ok(mail !== undefined && more.length === 0, 'one mail after the 10th failure');
      assert.match(mail, /Mislukte aanmeldpogingen op je account in het Loopbaanportaal/);
      assert.match(mail, /10 keer na elkaar/);
      assert.match(mail, /Wachtwoord vergeten\?/);
      assert.equal(await countAudit(db, { action: 'login.melding-verstuurd', actorUserId: user.id }), 1);
      for (let n = 11; n <= 12; n++) await failOnce();
      assert.equal((await mailsTo()).length, 1, 'no second mail in the same series');

      advanceSeconds(15 * 60);
      assert.equal((await services.auth.login(user.email, user.password, client)).ok, true, 'the right password ends the series');
      for (let n = 1; n <= 10; n++) await failOnce();
      assert.equal((await mailsTo()).length, 2, 'a new series, a new mail');

      // An unknown address: the same failures, nobody to mail.
      const before = smtp.received.length;
      for (let n = 1; n <= 10; n++) await failAfterAnyWait('onbekend.adres@test.be', '192.0.2.15');
      await services.outbox.deliverMail();
      assert.equal(smtp.received.length, before);
    });

    it('issue 11: migration 0022 drops the columns of the old lock (locked_until, failed_attempts, first_failed_at); the users and their passwords stay', async () => {
      const { kind } = get();
      const old = await createTestDatabase(kind, { upTo: '0021_audit_partitions' });
      try {
        const raw = old.db.withoutPlugins();
        const organisation = await anOrganisation(old.db);
        const user = await aUser(old.db, 'begeleider', organisation);
        await sql`update users set locked_until = ${TEST_NOW}, failed_attempts = 3, first_failed_at = ${TEST_NOW} where id = ${user.id}`.execute(raw);
        const lockColumns = sql<{ column_name: string }>`select column_name from information_schema.columns
          where table_name = 'users' and column_name in ('locked_until', 'failed_attempts', 'first_failed_at') order by column_name`;
        assert.equal((await lockColumns.execute(raw)).rows.length, 3);
        assert.deepEqual(await migrateToLatest(old.db), ['0022_drop_lockout_columns']);
        assert.deepEqual((await lockColumns.execute(raw)).rows, []);
        const kept = await old.db.selectFrom('users').select(['email', 'passwordHash', 'disabledAt']).where('id', '=', user.id).executeTakeFirstOrThrow();
        assert.equal(kept.email, user.email);
        assert.ok(kept.passwordHash !== null && kept.disabledAt === null);
      } finally {
        await old.drop();
      }
    });
  },
  { config: { TRUST_PROXY: 'true' }, mail: createSmtpTransport(smtp.url, 'Loopbaanportaal <noreply@test.be>') },
);
