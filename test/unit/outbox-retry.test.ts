import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextAttemptAt, RETRY_POLICY } from '../../src/domain/outbox.ts';

const created = new Date('2026-11-29T09:00:00Z');
const after = (ms: number): Date => new Date(created.getTime() + ms);

describe('outbox retry policy', () => {
  it('the delay doubles from 30 s and is capped at an hour', () => {
    assert.equal(nextAttemptAt(created, 1, created)?.getTime(), after(30_000).getTime());
    assert.equal(nextAttemptAt(created, 2, created)?.getTime(), after(60_000).getTime());
    assert.equal(nextAttemptAt(created, 3, created)?.getTime(), after(120_000).getTime());
    assert.equal(nextAttemptAt(created, 20, created)?.getTime(), after(RETRY_POLICY.maxDelayMs).getTime());
  });

  it('a message is given up once the next attempt would fall more than a day after it was written', () => {
    const failedAt = after(23 * 3_600_000);
    assert.ok(nextAttemptAt(created, 30, failedAt) !== null, 'an attempt at 24:00 is still made');
    assert.equal(nextAttemptAt(created, 30, after(23 * 3_600_000 + 1)), null);
  });
});
