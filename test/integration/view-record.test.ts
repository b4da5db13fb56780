/**
 * Issue 16 / A6: the record of a dossier page view is committed without waiting for the WAL
 * flush (`synchronous_commit = off` for that transaction only). That may cost the last
 * moments of views when the database server itself crashes, never while it is up: these tests
 * prove that every view is in the audit log, visible to every connection, once its page has
 * been answered, also under concurrency, and that refusals and changes keep full durability.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { aClient, anAttest, anOrganisation, aUser } from '../support/factories.ts';
import { countAudit } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { loggedInOnce } from '../support/web-session.ts';
import { statementRecorder } from '../support/statement-recorder.ts';

const RELAXED = "set_config('synchronous_commit', 'off', true)";

const recorder = statementRecorder();

async function world(t: TestApp) {
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const other = await anOrganisation(t.db, { name: 'Elders' });
  const client = await aClient(t.db);
  const foreign = await aClient(t.db);
  await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, t.clock.today());
  await anAttest(t.db, 'running', { clientId: foreign.id, organisationId: other.id }, t.clock.today());
  return { client, foreign, begeleider: await aUser(t.db, 'begeleider', partner) };
}

const recorded = recorder.during;

describeOnEachDatabase(
  'issue 16 / A6: page views recorded with relaxed durability, never lost while the database is up',
  world,
  (get) => {
    it('A6: 30 concurrent views of three pages are 30 "dossier geopend" records, all committed when the pages are answered', async () => {
      const { app, db, data } = get();
      const session = await loggedInOnce(app, data.begeleider);
      const before = await countAudit(db, { action: 'dossier.geopend', actorUserId: data.begeleider.id });
      const pages = ['begeleiding/stappen-naar-werk', 'documenten', ''].map((p) => `/dossiers/${data.client.id}${p === '' ? '' : `/${p}`}`);
      const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => session.get(pages[i % 3] ?? '')));
      assert.deepEqual(new Set(responses.map((r) => r.statusCode)), new Set([200]));
      // Read on a new connection of the pool (PostgreSQL) or the one engine (PGlite), right after the answers.
      assert.equal(await countAudit(db, { action: 'dossier.geopend', actorUserId: data.begeleider.id }), before + 30);
      const verified = await get().services.auditLog.verify();
      assert.equal(verified.broken, null, 'the hash chain holds under concurrent relaxed commits');
    });

    it('A6: the view transaction alone turns off the wait for the WAL flush, in the statement that takes the chain lock', async () => {
      const { app, data } = get();
      const session = await loggedInOnce(app, data.begeleider);
      const { value, statements } = await recorded(() => session.get(`/dossiers/${data.client.id}/begeleiding/stappen-naar-werk`));
      assert.equal(value.statusCode, 200);
      const relaxed = statements.filter((s) => s.includes(RELAXED));
      assert.equal(relaxed.length, 1);
      assert.match(relaxed[0] ?? '', /pg_advisory_xact_lock/);
      assert.ok(statements.indexOf(relaxed[0] ?? '') < statements.indexOf('commit'), 'set inside the transaction (SET LOCAL)');
    });

    it('A6: a refused opening is committed with full durability', async () => {
      const { app, db, data } = get();
      const session = await loggedInOnce(app, data.begeleider);
      const before = await countAudit(db, { action: 'dossier.geweigerd', actorUserId: data.begeleider.id });
      const { value, statements } = await recorded(() => session.get(`/dossiers/${data.foreign.id}/begeleiding/stappen-naar-werk`));
      assert.equal(value.statusCode, 404);
      assert.equal(statements.some((s) => s.includes(RELAXED)), false);
      assert.equal(await countAudit(db, { action: 'dossier.geweigerd', actorUserId: data.begeleider.id }), before + 1);
    });

    it('A6: after a relaxed commit the connection is back to full durability for the next transaction', async () => {
      const { db, kind } = get();
      if (kind !== 'postgres') return;
      const rows = await Promise.all(Array.from({ length: 5 }, () => db.transaction().execute(async (trx) => (await trx.selectNoFrom((eb) => eb.fn<string>('current_setting', [eb.val('synchronous_commit')]).as('v')).executeTakeFirstOrThrow()).v)));
      assert.deepEqual(new Set(rows), new Set(['on']));
    });
  },
  {
    onStatement: (sql) => {
      recorder.listen(sql);
    },
  },
);
