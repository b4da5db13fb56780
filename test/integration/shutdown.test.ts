/**
 * Issue 18: SIGTERM to the portal started as the README says (`npm start`) stops the portal
 * itself, gracefully: the process that was started exits 0, the portal logged its shutdown, and
 * nothing of it is left listening. Before, npm stopped and the node process behind it ran on.
 * The portal runs as a real process here, on a fresh data folder (and on a fresh PostgreSQL
 * database when TEST_DATABASE_URL is set).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/databases.ts';
import { get, groupAlive, listeningPort, logLines, START_TIMEOUT_MS, startPortal, within } from '../support/portal-process.ts';

/** Beyond the portal's own 10 s limit, after which it exits 1: a slow stop shows as that exit code. */
const STOP_TIMEOUT_MS = 15_000;

async function databaseFor(kind: DatabaseKind): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { env: {}, drop: () => Promise.resolve() };
  const database = await createTestDatabase('postgres');
  if (database.target.kind !== 'postgres') throw new Error('expected a PostgreSQL database');
  return { env: { DATABASE_URL: database.target.url }, drop: database.drop };
}

for (const kind of databaseKinds()) {
  describe(`graceful shutdown of npm start [${kind}]`, () => {
    it('issue 18: SIGTERM to `npm start` stops the portal: exit 0, its shutdown logged, nothing left listening', { timeout: START_TIMEOUT_MS + STOP_TIMEOUT_MS + 30_000 }, async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'lbp-shutdown-'));
      const database = await databaseFor(kind);
      const portal = startPortal({
        ...database.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        NODE_ENV: 'development',
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
      });
      const pid = portal.child.pid;
      assert.ok(pid !== undefined, 'npm start was started');
      // A browser keeps its connection open between requests: the shutdown must not wait for it.
      const agent = new http.Agent({ keepAlive: true });
      try {
        const port = await listeningPort(portal);
        assert.equal(await get(port, agent), 200, '/health answers');

        portal.child.kill('SIGTERM');
        const exit = await within(portal.exited, STOP_TIMEOUT_MS, 'npm start exits after SIGTERM');
        assert.deepEqual(exit, { code: 0, signal: null }, `npm start ends with exit code 0:\n${portal.output()}`);

        const logs = logLines(portal.output());
        assert.ok(logs.some((l) => l['msg'] === 'shutting down' && l['signal'] === 'SIGTERM'), 'the portal logged its shutdown on SIGTERM');
        assert.ok(!logs.some((l) => l['msg'] === 'shutdown failed'), 'the shutdown did not fail');
        assert.equal(groupAlive(pid), false, 'no process of the portal is left');
        await assert.rejects(get(port, new http.Agent()), { code: 'ECONNREFUSED' }, 'nothing listens on the port any more');
      } finally {
        agent.destroy();
        if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
