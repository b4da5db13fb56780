/**
 * Issue 18: SIGTERM to the portal started as the README says (`npm start`) stops the portal
 * itself, gracefully: the process that was started exits 0, the portal logged its shutdown, and
 * nothing of it is left listening. Before, npm stopped and the node process behind it ran on.
 * The portal runs as a real process here, on a fresh data folder (and on a fresh PostgreSQL
 * database when TEST_DATABASE_URL is set).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/databases.ts';
import { createDatabase } from '../../src/db/database.ts';
import { BOUNDARY, MEDIA_TYPES, multipartBody, pdfOfSize } from '../support/documents.ts';
import { get, groupAlive, listeningPort, logLines, ProcessSession, START_TIMEOUT_MS, startPortal, within } from '../support/portal-process.ts';

/** Beyond the portal's own limit (SHUTDOWN_DEADLINE_SECONDS, 10 here), after which it exits 1: a slow stop shows as that exit code. */
const STOP_TIMEOUT_MS = 15_000;

async function databaseFor(kind: DatabaseKind): Promise<{ env: Record<string, string>; drop: () => Promise<void>; url?: string }> {
  if (kind === 'pglite') return { env: {}, drop: () => Promise.resolve() };
  const database = await createTestDatabase('postgres');
  if (database.target.kind !== 'postgres') throw new Error('expected a PostgreSQL database');
  return { env: { DATABASE_URL: database.target.url }, drop: database.drop, url: database.target.url };
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
        SHUTDOWN_DEADLINE_SECONDS: '10',
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
    it(
      'issue 14: SIGTERM with an upload in flight: the instance takes no new connection, the upload finishes (303, its row and its file kept), then exit 0',
      { timeout: START_TIMEOUT_MS + STOP_TIMEOUT_MS + 60_000, skip: kind !== databaseKinds().at(-1) ? 'once, on the last database kind' : false },
      async () => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'lbp-shutdown-upload-'));
        const database = await databaseFor(kind);
        const portal = startPortal(
          { ...database.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development', SEED_DEMO_DATA: 'true', LOG_LEVEL: 'info', SHUTDOWN_DEADLINE_SECONDS: '12', INSTANCE_ID: 'portaal-a' },
          'node',
        );
        const pid = portal.child.pid;
        assert.ok(pid !== undefined);
        try {
          const port = await listeningPort(portal);
          const browser = new ProcessSession(port);
          await browser.get('/aanmelden');
          const login = await browser.post('/aanmelden', { email: 'begeleider@demo.be', password: 'Demo-wachtwoord-2026' });
          if (login.status !== 303) {
            // The portal's log of the error may still be on its way: give it a second.
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            assert.fail(`the login answered ${String(login.status)}; the portal's output:\n${portal.output()}`);
          }
          const clients = await browser.get('/klanten');
          const clientId = /\/dossiers\/([0-9a-f-]{36})/.exec(clients.body)?.[1];
          assert.ok(clientId !== undefined, 'a client of the demo data');
          const form = await browser.get(`/dossiers/${clientId}/documenten/nieuw`);
          assert.equal(form.status, 200);

          const file = pdfOfSize(3 * 1024 * 1024);
          const body = multipartBody([
            { name: '_csrf', value: browser.csrfToken },
            { name: 'publicatienaam', value: 'Verslag tijdens herstart' },
            { name: 'soort', value: 'eindverslag' },
            { name: 'document', fileName: 'verslag.pdf', contentType: MEDIA_TYPES.pdf, data: file },
          ]);
          const half = Math.floor(body.length / 2);
          let answered: (value: { status: number; instance: unknown }) => void = () => undefined;
          const answer = new Promise<{ status: number; instance: unknown }>((resolve) => {
            answered = resolve;
          });
          const request = http.request({
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/dossiers/${clientId}/documenten/nieuw`,
            headers: { cookie: browser.cookieHeader, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(body.length) },
          });
          request.on('response', (response) => {
            response.resume();
            answered({ status: response.statusCode ?? 0, instance: response.headers['x-instance-id'] });
          });
          request.write(body.subarray(0, half));
          await new Promise((resolve) => setTimeout(resolve, 300));

          // Half of the upload is in: SIGTERM. The instance stops listening at once.
          process.kill(pid, 'SIGTERM');
          const deadline = performance.now() + 5_000;
          let refused = false;
          while (!refused && performance.now() < deadline) {
            refused = await get(port, new http.Agent()).then(
              () => false,
              (error: unknown) => (error as { code?: unknown }).code === 'ECONNREFUSED',
            );
            if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
          }
          assert.ok(refused, 'no new connection once SIGTERM arrived');
          request.end(body.subarray(half));
          assert.deepEqual(await within(answer, STOP_TIMEOUT_MS, 'the upload in flight is answered'), { status: 303, instance: 'portaal-a' });

          const exit = await within(portal.exited, STOP_TIMEOUT_MS, 'the portal exits after SIGTERM');
          assert.deepEqual(exit, { code: 0, signal: null }, portal.output());
          const logs = logLines(portal.output());
          assert.ok(logs.some((l) => l['msg'] === 'shutting down' && l['instance'] === 'portaal-a'));

          // The upload is kept: its row, and its file in the store.
          const db = createDatabase(database.url === undefined ? { kind: 'pglite', dataDir } : { kind: 'postgres', url: database.url });
          try {
            const row = await db.selectFrom('documents').select(['sha256', 'sizeBytes']).where('publicationName', '=', 'Verslag tijdens herstart').executeTakeFirstOrThrow();
            assert.equal(row.sizeBytes, file.length);
            assert.ok(existsSync(path.join(dataDir, 'blobs', row.sha256.slice(0, 2), row.sha256.slice(2, 4), row.sha256)), 'its file is in the store');
          } finally {
            await db.destroy();
          }
        } finally {
          if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
          await database.drop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    );
  });
}
