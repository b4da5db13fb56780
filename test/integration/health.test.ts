import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../support/test-app.ts';

describeOnEachDatabase('health', async () => undefined, (get) => {
  it('answers 200 with the database checked', async () => {
    const response = await get().app.inject('/health');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', database: true });
  });

  it('answers 503 when the database does not answer', async () => {
    const { services } = get();
    const original = services.health.databaseIsUp;
    services.health.databaseIsUp = () => Promise.resolve(false);
    try {
      const response = await get().app.inject('/health');
      assert.equal(response.statusCode, 503);
      assert.equal(response.json<{ status: string }>().status, 'unavailable');
    } finally {
      services.health.databaseIsUp = original;
    }
  });
});
