import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../support/test-app.ts';

describeOnEachDatabase('health (issue 14: liveness, readiness, instance id)', async () => undefined, (get) => {
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

  it('issue 14: /health/live answers 200; /health/ready answers 200 with database and store checked; every answer names the instance', async () => {
    const { app, config } = get();
    const live = await app.inject('/health/live');
    assert.equal(live.statusCode, 200);
    assert.deepEqual(live.json(), { status: 'ok' });
    const ready = await app.inject('/health/ready');
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ok', database: true, storage: true, draining: false });
    assert.equal(ready.headers['cache-control'], 'no-store');
    assert.equal(ready.headers['x-instance-id'], config.instanceId);
    assert.match(config.instanceId, /^[A-Za-z0-9._-]+-\d+$/, 'host and process id by default');
    assert.equal((await app.inject('/inloggen')).headers['x-instance-id'], config.instanceId);
  });

  it('issue 14: /health/ready answers 503 when the store or the database does not answer; /health/live still 200', async () => {
    const { app, services } = get();
    const { storageIsUp, databaseIsUp } = services.health;
    try {
      services.health.storageIsUp = () => Promise.resolve(false);
      const noStore = await app.inject('/health/ready');
      assert.equal(noStore.statusCode, 503);
      assert.deepEqual(noStore.json(), { status: 'unavailable', database: true, storage: false, draining: false });
      services.health.storageIsUp = storageIsUp;
      services.health.databaseIsUp = () => Promise.resolve(false);
      assert.equal((await app.inject('/health/ready')).statusCode, 503);
      assert.equal((await app.inject('/health/live')).statusCode, 200);
    } finally {
      services.health.storageIsUp = storageIsUp;
      services.health.databaseIsUp = databaseIsUp;
    }
  });

  it('issue 14: once draining (SIGTERM) /health/ready answers 503 at once, while /health and /health/live still answer 200', async () => {
    const { app, services } = get();
    services.health.startDraining();
    const ready = await app.inject('/health/ready');
    assert.equal(ready.statusCode, 503);
    assert.deepEqual(ready.json(), { status: 'unavailable', database: true, storage: true, draining: true });
    assert.equal((await app.inject('/health/live')).statusCode, 200);
    assert.equal((await app.inject('/health')).statusCode, 200);
  });
});
