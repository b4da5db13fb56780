/**
 * ASVS 16.4.2 (issue 13 item 8): the audit log is tamper-evident. Every record the portal
 * writes is linked into its dossier's hash chain; `npm run audit:verify` (the service below)
 * recomputes the chains and names the first record that was changed or removed, even by
 * someone who switched the append-only trigger off.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { describeOnEachDatabase, TEST_NOW, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

/** Demo data, and records written by the portal's own use cases: logins and dossier pages. */
async function demoWorld(t: TestApp) {
  await t.services.demo.seedIfEmpty();
  const clients = await t.db.selectFrom('clients').select('id').limit(3).execute();
  for (const email of ['begeleider@demo.be', 'adviseur@demo.be', 'secretariaat@demo.be']) {
    const session = new WebSession(t.app);
    assert.equal((await session.login(email, DEMO_PASSWORD)).statusCode, 303);
    for (const client of clients) await session.get(`/dossiers/${client.id}/begeleiding/stappen-naar-werk`);
  }
  return {};
}

/** Runs `change` with the append-only trigger switched off, as an intruder with table rights would. */
async function behindTheTrigger(t: TestApp, change: string): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(trx);
    await sql.raw(change).execute(trx);
    await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(trx);
  });
}

describeOnEachDatabase('tamper-evident audit log', demoWorld, (get) => {
  it('ASVS 16.4.2 every record the portal writes is chained, and the log verifies', async () => {
    const unchained = await get().db.selectFrom('audit_events').select('id').where('hash', 'is', null).execute();
    assert.deepEqual(unchained, []);
    const report = await get().services.auditLog.verify();
    assert.equal(report.broken, null);
    assert.ok(report.checked > 10, `${String(report.checked)} records`);
    assert.ok(report.chains > 1, 'a chain per dossier, and one for the portal');
  });

  it('ASVS 16.4.2 concurrent writers of one dossier keep one chain (no two records link to the same one)', async () => {
    const client = await get().db.selectFrom('clients').select('id').executeTakeFirstOrThrow();
    const repos = createRepositories();
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        get().db.transaction().execute((trx) =>
          repos.audit.append(trx, { actorUserId: null, actorLabel: 'Systeem', organisationId: null, action: 'test.gelijktijdig', clientId: client.id, details: { n } }, TEST_NOW),
        ),
      ),
    );
    const links = await get().db.selectFrom('audit_events').select('prevHash').where('chain', '=', client.id).execute();
    assert.equal(new Set(links.map((link) => link.prevHash)).size, links.length, 'every record links to a different predecessor');
    assert.equal((await get().services.auditLog.verify()).broken, null);
  });

  it('ASVS 16.4.2 a record changed with the trigger disabled is named by the verification', async () => {
    const victim = await get().db.selectFrom('audit_events').select(['id', 'chain']).where('action', '=', 'stap.geregistreerd').orderBy('id').executeTakeFirstOrThrow();
    await behindTheTrigger(get(), `update audit_events set actor_label = 'Niemand' where id = ${String(victim.id)}`);
    const report = await get().services.auditLog.verify();
    assert.deepEqual(report.broken, { id: victim.id, chain: victim.chain, reason: 'inhoud' });
  });

  it('ASVS 16.4.2 a record removed with the trigger disabled breaks the link of the next one in its chain', async () => {
    const rows = await get().db.selectFrom('audit_events').select(['id', 'chain']).where('chain', '=', 'portaal').orderBy('id').limit(3).execute();
    const [, removed, next] = rows;
    assert.ok(removed !== undefined && next !== undefined, 'three records in the portal chain');
    await behindTheTrigger(get(), `delete from audit_events where id = ${String(removed.id)}`);
    // The log is broken already (the test above); the portal chain alone shows this removal.
    const report = await get().services.auditLog.verify();
    assert.notEqual(report.broken, null);
    const chainBreak = await firstBreakOfChain(get(), 'portaal');
    assert.deepEqual(chainBreak, { id: next.id, chain: 'portaal', reason: 'schakel' });
  });
});

/** The first break of one chain: the records of the other chains left out. */
async function firstBreakOfChain(t: TestApp, chain: string) {
  const { ChainVerifier } = await import('../../src/domain/audit-chain.ts');
  const repos = createRepositories();
  const records = (await repos.audit.pageAfter(t.db, 0, 100_000)).filter((record) => record.chain === chain);
  const verifier = new ChainVerifier();
  verifier.add(records);
  return verifier.report().broken;
}
