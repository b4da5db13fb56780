/**
 * Account lockout (ASVS): 5 wrong passwords within 15 minutes lock the account for 15 minutes;
 * while locked even the right password gets the generic failure. Every attempt is audited.
 * The per-address rate limit (10 posts per 15 minutes, wall clock) is kept clear of: each test
 * has its own user and stays under 10 posts for it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { messages } from '../../src/http/messages/index.ts';
import { anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession, withoutCsrfTokens } from '../support/web-session.ts';
import { assertRedirect, countAudit, errorMessagesIn } from '../support/integration-helpers.ts';

const WRONG = 'Verkeerd-wachtwoord-1';

async function setup({ db }: TestApp): Promise<{ locksOut: TestUser; fourFailures: TestUser; slowFailures: TestUser }> {
  const partner = await anOrganisation(db);
  return {
    locksOut: await aUser(db, 'begeleider', partner),
    fourFailures: await aUser(db, 'begeleider', partner),
    slowFailures: await aUser(db, 'begeleider', partner),
  };
}

describeOnEachDatabase('account lockout', setup, (get) => {
  async function attempt(user: TestUser, password: string): Promise<LightMyRequestResponse> {
    return new WebSession(get().app).login(user.email, password);
  }

  function assertGenericFailure(response: LightMyRequestResponse, what: string): void {
    assert.equal(response.statusCode, 401, what);
    assert.deepEqual(errorMessagesIn(response.body).fields, [messages.login.failed], what);
  }

  const counts = async (user: TestUser): Promise<{ failed: number; locked: number; succeeded: number }> => {
    const { db } = get();
    return {
      failed: await countAudit(db, { action: 'login.mislukt', actorUserId: user.id }),
      locked: await countAudit(db, { action: 'account.geblokkeerd', actorUserId: user.id }),
      succeeded: await countAudit(db, { action: 'login.geslaagd', actorUserId: user.id }),
    };
  };

  it('5 wrong passwords within 15 minutes lock the account; the right password is refused with the same message until 15 minutes have passed', async () => {
    const { db, clock } = get();
    const { locksOut: user } = get().data;
    const wrongBodies: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const response = await attempt(user, WRONG);
      assertGenericFailure(response, `wrong password #${i}`);
      wrongBodies.push(withoutCsrfTokens(response.body));
      assert.deepEqual(await counts(user), { failed: i, locked: i === 5 ? 1 : 0, succeeded: 0 }, `after failure #${i}`);
      clock.advanceMinutes(2);
    }
    const row = await db.selectFrom('users').select('lockedUntil').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.ok(row.lockedUntil !== null, 'locked_until is set');

    // Locked (2 minutes after the 5th failure): the right password gets the very same answer.
    const whileLocked = await attempt(user, user.password);
    assertGenericFailure(whileLocked, 'right password while locked');
    assert.equal(withoutCsrfTokens(whileLocked.body), wrongBodies[0], 'a locked account answers exactly as a wrong password');
    assert.deepEqual(await counts(user), { failed: 6, locked: 1, succeeded: 0 }, 'a refused attempt while locked is logged, the lock not repeated');

    // 14 minutes after the lock: still locked.
    clock.advanceMinutes(12);
    assertGenericFailure(await attempt(user, user.password), 'right password 14 minutes after the lock');
    assert.deepEqual(await counts(user), { failed: 7, locked: 1, succeeded: 0 });

    // 15 minutes after the lock: the right password works again.
    clock.advanceMinutes(1);
    assertRedirect(await attempt(user, user.password), '/');
    assert.deepEqual(await counts(user), { failed: 7, locked: 1, succeeded: 1 });
    const after = await db.selectFrom('users').select(['lockedUntil', 'failedAttempts']).where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(after.lockedUntil, null);
    assert.equal(after.failedAttempts, 0);
  });

  it('4 wrong passwords do not lock: the right password then logs in', async () => {
    const { fourFailures: user } = get().data;
    for (let i = 1; i <= 4; i++) assertGenericFailure(await attempt(user, WRONG), `wrong password #${i}`);
    assertRedirect(await attempt(user, user.password), '/');
    assert.deepEqual(await counts(user), { failed: 4, locked: 0, succeeded: 1 });
  });

  it('failures spread over more than 15 minutes do not add up to a lock', async () => {
    const { clock } = get();
    const { slowFailures: user } = get().data;
    for (let i = 1; i <= 4; i++) assertGenericFailure(await attempt(user, WRONG), `wrong password #${i}`);
    clock.advanceMinutes(15);
    // The window of the first four failures has passed: this one starts a new count.
    assertGenericFailure(await attempt(user, WRONG), 'wrong password #5, outside the window');
    assert.deepEqual(await counts(user), { failed: 5, locked: 0, succeeded: 0 });
    assertRedirect(await attempt(user, user.password), '/');
  });
});
