/**
 * Issue 14 item 3: two application instances on one database, behind a "load balancer" that
 * sends each request to the next instance in turn. The login limits count in the database, so
 * the per-IP limit is reached across instances; a session opened on one instance is known to
 * the other and ended on both at logout. On PostgreSQL each instance has its own pool, as two
 * processes would; PGlite is single-process, so there the two instances share its one
 * connection (the test still proves that nothing is kept in an instance's memory).
 * J1 and the outbox on two instances: test/integration/jobs-outbox.test.ts and sweep.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createDatabase, type Database } from '../../src/db/database.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { buildApp } from '../../src/http/app.ts';
import { messages } from '../../src/http/messages/index.ts';
import { settableClock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { temporaryBlobStore, type TemporaryBlobStore } from '../support/blob-store.ts';
import { TEST_NOW } from '../support/clock.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { assertRedirect } from '../support/integration-helpers.ts';
import { testConfig } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

type Instance = Readonly<{ app: FastifyInstance; services: Services; db: Database }>;

for (const kind of databaseKinds()) {
  describe(`two application instances on one database [${kind}]`, () => {
    const clock = settableClock(TEST_NOW);
    let database: TestDatabase;
    let blobs: TemporaryBlobStore;
    let instances: Instance[] = [];
    let user: TestUser;
    /** Which instance answered each request, in order. */
    const answeredBy: number[] = [];

    before(async () => {
      database = await createTestDatabase(kind);
      blobs = temporaryBlobStore();
      const config = testConfig({ TRUST_PROXY: 'true' });
      // PostgreSQL: a pool per instance. PGlite: one process, one connection for both.
      const pools = [database.db, database.target.kind === 'postgres' ? createDatabase(database.target) : database.db];
      instances = await Promise.all(
        pools.map(async (db) => {
          const services = createServices(db, createRepositories(), clock, blobs.storage, { publicUrl: config.publicUrl });
          return { app: await buildApp(services, config, { logger: false }), services, db };
        }),
      );
      user = await aUser(database.db, 'begeleider', await anOrganisation(database.db));
    });

    after(async () => {
      for (const instance of instances) await instance.app.close();
      if (instances[1] !== undefined && instances[1].db !== database.db) await instances[1].db.destroy();
      await database.drop();
      blobs.remove();
    });

    /** Round robin over the instances, as a load balancer without sticky sessions. */
    function balancer(): FastifyInstance {
      let next = 0;
      const inject = (options: InjectOptions): Promise<LightMyRequestResponse> => {
        const index = next++ % instances.length;
        answeredBy.push(index);
        const instance = instances[index];
        if (instance === undefined) throw new Error('no instance');
        return instance.app.inject(options);
      };
      return { inject } as unknown as FastifyInstance;
    }

    function loginFrom(client: string, email: string, password: string): Promise<LightMyRequestResponse> {
      return new WebSession(balancer(), { headers: { 'x-forwarded-for': client } }).login(email, password);
    }

    it('issue 14 item 3: the per-IP login limit (30 per 15 minutes) is reached across instances: the 31st post is refused by either instance', async () => {
      const client = '203.0.113.140';
      answeredBy.length = 0;
      // Forms without a password (400): the growing delay (U7) counts wrong passwords only and plays no part.
      for (let i = 1; i <= 30; i++) {
        const response = await loginFrom(client, `onbekend.${i}@test.be`, '');
        assert.equal(response.statusCode, 400, `post #${i}`);
      }
      // Each login is a GET and a POST on a fresh balancer: every post went to instance 1, so send the next ones straight to each instance.
      assert.deepEqual(new Set(answeredBy), new Set([0, 1]), 'both instances answered');
      for (const [index, instance] of instances.entries()) {
        const browser = new WebSession(instance.app, { headers: { 'x-forwarded-for': client } });
        const refused = await browser.login(user.email, user.password);
        assert.equal(refused.statusCode, 429, `instance ${index} refuses the 31st post`);
        assert.ok(refused.body.includes(messages.login.tooManyAttempts), 'the Dutch message');
        assert.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After');
      }
      const row = await database.db.selectFrom('rate_limits').select(['hits', 'resetAt']).where('key', '=', `ip:${client}`).executeTakeFirstOrThrow();
      assert.equal(row.hits, 32, 'one row counts the hits of both instances');
      assert.equal(row.resetAt.getTime(), TEST_NOW.getTime() + 15 * 60_000, 'the window comes from the injected clock');
    });

    it('issue 14 item 3: the window ends on the injected clock, and the clean-up job removes ended windows once', async () => {
      const client = '203.0.113.141';
      for (let i = 1; i <= 30; i++) await loginFrom(client, `ander.${i}@test.be`, '');
      assert.equal((await loginFrom(client, user.email, user.password)).statusCode, 429, 'limit reached');
      clock.advanceMinutes(15);
      assertRedirect(await loginFrom(client, user.email, user.password), '/');
      const [one, two] = instances;
      if (one === undefined || two === undefined) throw new Error('two instances');
      const removed = await Promise.all([one.services.rateLimits.removeExpired(), two.services.rateLimits.removeExpired()]);
      assert.ok(removed.reduce((a, b) => a + b, 0) >= 1, 'ended windows removed');
      const left = await database.db.selectFrom('rate_limits').select('key').where('resetAt', '<=', clock.now()).execute();
      assert.deepEqual(left, [], 'no ended window is left');
      assert.ok((await database.db.selectFrom('rate_limits').select('key').where('key', '=', `ip:${client}`).executeTakeFirst()) !== undefined, 'the running window of the last login stays');
    });

    it('issue 14 item 3: a session opened through one instance is known to the other, and logging out on one ends it on both', async () => {
      clock.set(new Date(TEST_NOW.getTime() + 60 * 60_000));
      const browser = new WebSession(balancer(), { headers: { 'x-forwarded-for': '203.0.113.142' } });
      answeredBy.length = 0;
      // GET the form on instance 0, POST the login (CSRF token from the session) on instance 1.
      assertRedirect(await browser.login(user.email, user.password), '/');
      assert.deepEqual(answeredBy, [0, 1]);
      const cookie = browser.cookieHeader;
      for (const [index, instance] of instances.entries()) {
        const page = await instance.app.inject({ method: 'GET', url: '/', headers: { cookie } });
        assert.equal(page.statusCode, 303, `instance ${index} answers`);
        assert.notEqual(page.headers.location, '/aanmelden', `instance ${index} knows the session: the start page, not the login`);
      }
      // A page with the logout form (its CSRF token), then the logout on the next instance.
      await browser.get(String((await browser.get('/')).headers.location));
      const loggedOut = await browser.post('/afmelden', {});
      assert.equal(loggedOut.statusCode, 303, 'logged out');
      for (const [index, instance] of instances.entries()) {
        const page = await instance.app.inject({ method: 'GET', url: '/', headers: { cookie } });
        assert.equal(page.headers.location, '/aanmelden', `instance ${index} no longer knows the session`);
      }
    });
  });
}
