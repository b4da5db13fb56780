/** Issue 13 item 2 (ASVS 6.3.1, 6.1.1): the growing login delay that replaces the hard lock. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attemptAllowedFrom, delaySeconds, failuresInSeries, isKnownOrigin, LOGIN_DELAY, type FailureCounter } from '../../src/domain/accounts/login-delay.ts';
import { TEST_NOW } from '../support/clock.ts';

const seconds = (s: number): Date => new Date(TEST_NOW.getTime() + s * 1000);
const counter = (failures: number, lastFailedAt: Date | null = TEST_NOW, lastSuccessAt: Date | null = null): FailureCounter => ({ failures, lastFailedAt, lastSuccessAt });

describe('ASVS 6.3.1 login delay', () => {
  it('ASVS 6.3.1 failures 1 to 4 cost no wait; from the 5th the wait is 2^(n-5) seconds: 1, 2, 4, 8, …', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map((n) => delaySeconds(n)), [0, 0, 0, 0, 0]);
    assert.deepEqual([5, 6, 7, 8, 9, 10, 14].map((n) => delaySeconds(n)), [1, 2, 4, 8, 16, 32, 512]);
  });

  it('ASVS 6.3.1 the wait is capped at 15 minutes, also after very many failures', () => {
    assert.equal(LOGIN_DELAY.capSeconds, 900);
    assert.equal(delaySeconds(15), 900, '2^10 = 1024 s is past the cap');
    assert.equal(delaySeconds(1_000_000), 900);
  });

  it('ASVS 6.3.1 a client address has 20 free failures before its own doubling starts', () => {
    assert.equal(delaySeconds(20, LOGIN_DELAY.freeFailuresPerClient), 0);
    assert.equal(delaySeconds(21, LOGIN_DELAY.freeFailuresPerClient), 1);
    assert.equal(delaySeconds(23, LOGIN_DELAY.freeFailuresPerClient), 4);
  });

  it('ASVS 6.3.1 a series ends 24 hours after its last failure', () => {
    assert.equal(failuresInSeries(counter(7), seconds(24 * 3600 - 1)), 7);
    assert.equal(failuresInSeries(counter(7), seconds(24 * 3600)), 0);
    assert.equal(failuresInSeries(undefined, TEST_NOW), 0);
  });

  it('ASVS 6.3.1 after 5 address failures the next attempt waits exactly 1 second; after 4 none', () => {
    assert.equal(attemptAllowedFrom({ address: counter(4) }, TEST_NOW), undefined);
    assert.deepEqual(attemptAllowedFrom({ address: counter(5) }, TEST_NOW), seconds(1));
    assert.deepEqual(attemptAllowedFrom({ address: counter(5) }, seconds(0.999)), seconds(1));
    assert.equal(attemptAllowedFrom({ address: counter(5) }, seconds(1)), undefined);
    assert.deepEqual(attemptAllowedFrom({ address: counter(30) }, seconds(60)), seconds(900));
  });

  it('ASVS 6.3.1 the client address counts on its own: 21 failures from it wait, whatever the address tried', () => {
    assert.deepEqual(attemptAllowedFrom({ client: counter(21) }, TEST_NOW), seconds(1));
    assert.equal(attemptAllowedFrom({ client: counter(20) }, TEST_NOW), undefined);
    assert.deepEqual(attemptAllowedFrom({ address: counter(6), client: counter(24) }, TEST_NOW), seconds(8), 'the longer wait wins');
  });

  it('ASVS 6.3.1 from a known origin (a correct password from there within 30 days) only that pair\'s own failures count', () => {
    const knownPair = counter(0, null, seconds(-86_400));
    assert.ok(isKnownOrigin(knownPair, TEST_NOW));
    assert.equal(attemptAllowedFrom({ address: counter(40), pair: knownPair }, TEST_NOW), undefined, 'an attacker elsewhere does not keep the holder out');
    assert.deepEqual(attemptAllowedFrom({ address: counter(40), pair: counter(5, TEST_NOW, seconds(-86_400)) }, TEST_NOW), seconds(1), 'failures from the origin itself still count');
    const oldPair = counter(0, null, seconds(-30 * 86_400));
    assert.ok(!isKnownOrigin(oldPair, TEST_NOW), 'after 30 days an origin is no longer known');
    assert.deepEqual(attemptAllowedFrom({ address: counter(40), pair: oldPair }, TEST_NOW), seconds(900));
    assert.deepEqual(attemptAllowedFrom({ address: counter(0), pair: knownPair, client: counter(25) }, TEST_NOW), seconds(16), 'the client address still counts from a known origin');
  });
});
