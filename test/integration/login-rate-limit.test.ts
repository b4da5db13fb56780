/**
 * Issue 18, revised by issue 13: the login's rate limit per client address (30 posts per 15
 * minutes) stays; the one per e-mail address is gone, since anyone could use it to keep the holder
 * of an address out (the growing delay of login-delay.test.ts does its job). The app runs behind a
 * proxy (TRUST_PROXY=true), so each browser below has its own client address in X-Forwarded-For.
 * The limit counts in wall-clock time; the test clock moves 15 minutes between posts so that the
 * growing delay (on the test clock) never answers first. Each test uses its own addresses.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { messages } from '../../src/http/messages/index.ts';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';
import { assertRedirect, errorMessagesIn } from '../support/integration-helpers.ts';

async function setup({ db }: TestApp): Promise<{ user: TestUser }> {
  return { user: await aUser(db, 'begeleider', await anOrganisation(db)) };
}

describeOnEachDatabase(
  'login rate limits',
  setup,
  (get) => {
    /** A login posted by a fresh browser at the given client address. */
    async function loginFrom(clientAddress: string, email: string, password: string): Promise<LightMyRequestResponse> {
      return new WebSession(get().app, { headers: { 'x-forwarded-for': clientAddress } }).login(email, password);
    }

    function assertTooMany(response: LightMyRequestResponse, what: string): void {
      assert.equal(response.statusCode, 429, what);
      assert.ok(response.body.includes(messages.errors.tooManyTitle), `${what}: the Dutch title`);
      assert.ok(response.body.includes(messages.login.tooManyAttempts), `${what}: the Dutch message`);
      assert.ok(Number(response.headers['retry-after']) > 0, `${what}: Retry-After`);
    }

    async function failuresLoggedFor(email: string): Promise<string[]> {
      const rows = await get()
        .db.selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'login.mislukt')
        .where('actorLabel', '=', email.toLowerCase())
        .orderBy('id')
        .execute();
      return rows.map((row) => String(row.details['ip']));
    }

    it('issue 13: no rate limit per e-mail address: 12 posts for one address from 12 client addresses are all read, so nobody can use a limit to keep its holder out', async () => {
      const { user } = get().data;
      const target = user.email;
      const clients = Array.from({ length: 13 }, (_, i) => `198.51.100.${i + 1}`);
      for (const [i, client] of clients.slice(0, 12).entries()) {
        get().clock.advanceMinutes(15);
        const response = await loginFrom(client, target, `Fout-wachtwoord-${i}`);
        assert.equal(response.statusCode, 401, `post #${i + 1} is an ordinary failed login`);
        assert.deepEqual(errorMessagesIn(response.body).fields, [messages.login.failed]);
      }
      assert.deepEqual(await failuresLoggedFor(target), clients.slice(0, 12), 'each failure came from its own client address');
      get().clock.advanceMinutes(15);
      assertRedirect(await loginFrom(clients[12] ?? '', target, user.password), '/');
    });

    it('issue 18: the per-client-address limit still stops the 31st post from one client address, whatever the e-mail address', async () => {
      const client = '203.0.113.77';
      // 30 posts in one window of the limit (the clock stands still): forms without a password,
      // so that the growing delay (U7), which counts wrong passwords only, plays no part.
      for (let i = 1; i <= 30; i++) {
        const response = await loginFrom(client, `onbekend.${i}@test.be`, '');
        assert.equal(response.statusCode, 400, `post #${i} from the client address`);
      }
      assertTooMany(await loginFrom(client, get().data.user.email, get().data.user.password), '31st post from the client address');
      assertRedirect(await loginFrom('203.0.113.78', get().data.user.email, get().data.user.password), '/');
    });
  },
  { config: { TRUST_PROXY: 'true' } },
);
