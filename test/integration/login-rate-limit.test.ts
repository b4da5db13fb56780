/**
 * Issue 18: the login's two rate limits, per client address (30 posts per 15 minutes) and per
 * e-mail address (10 posts per 15 minutes), each count on their own. The app runs behind a proxy
 * (TRUST_PROXY=true), so each browser below has its own client address in X-Forwarded-For.
 * The limits count in wall-clock time: each test uses addresses no other test uses.
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
        .where('actorLabel', '=', email)
        .orderBy('id')
        .execute();
      return rows.map((row) => String(row.details['ip']));
    }

    it('issue 18: the per-address login limit stops the 11th post for one e-mail address, even from 11 different client addresses', async () => {
      const { user } = get().data;
      // An unknown address: no account, so no lockout; only the rate limit can answer 429.
      const target = 'niemand.gekend@test.be';
      const clients = Array.from({ length: 12 }, (_, i) => `198.51.100.${i + 1}`);
      for (const [i, client] of clients.slice(0, 10).entries()) {
        const response = await loginFrom(client, target, `Fout-wachtwoord-${i}`);
        assert.equal(response.statusCode, 401, `post #${i + 1} is an ordinary failed login`);
        assert.deepEqual(errorMessagesIn(response.body).fields, [messages.login.failed]);
      }
      assert.deepEqual(await failuresLoggedFor(target), clients.slice(0, 10), 'each failure came from its own client address');

      assertTooMany(await loginFrom(clients[10] ?? '', target, 'Fout-wachtwoord-10'), '11th post for the address');
      // The limit is on the normalised address: other case and spaces are the same address.
      assertTooMany(await loginFrom(clients[11] ?? '', `  ${target.toUpperCase()} `, 'Fout-wachtwoord-11'), 'the same address written differently');
      assert.equal((await failuresLoggedFor(target)).length, 10, 'a refused post never reaches the login');

      // Another address from the same client addresses is not blocked.
      const other = await loginFrom(clients[0] ?? '', 'iemand.anders@test.be', 'Fout-wachtwoord-x');
      assert.equal(other.statusCode, 401, 'another unknown address gets the ordinary failure');
      assertRedirect(await loginFrom(clients[10] ?? '', user.email, user.password), '/');
    });

    it('issue 18: the per-client-address limit still stops the 31st post from one client address, whatever the e-mail address', async () => {
      const client = '203.0.113.77';
      for (let i = 1; i <= 30; i++) {
        const response = await loginFrom(client, `onbekend.${i}@test.be`, 'Fout-wachtwoord-1');
        assert.equal(response.statusCode, 401, `post #${i} from the client address`);
      }
      assertTooMany(await loginFrom(client, get().data.user.email, get().data.user.password), '31st post from the client address');
      assertRedirect(await loginFrom('203.0.113.78', get().data.user.email, get().data.user.password), '/');
    });
  },
  { config: { TRUST_PROXY: 'true' } },
);
