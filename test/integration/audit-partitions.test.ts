/**
 * Issue 14 item 6: the audit log partitioned by month (migration 0021). The migration keeps the
 * rows and their hash chain; the job creates this month's and next month's partitions from the
 * clock and moves rows out of the default partition; the append-only guard holds on every
 * partition; "Wie bekeek dit dossier" reads one dossier's rows by index in each partition.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { aClient } from '../support/factories.ts';
import { describeOnEachDatabase, TEST_NOW } from '../support/test-app.ts';

const repos = createRepositories();
const partitionsOf = async (get: () => { db: Parameters<typeof repos.audit.append>[0] }): Promise<string[]> => {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'audit_events'::regclass order by 1`.execute(get().db);
  return rows.map((r) => r.name);
};

describeOnEachDatabase('audit log partitioned by month', async () => ({}), (get) => {
  it('issue 14 item 6: the job creates this month and the next from the clock; rows already in the default partition move to their month with their chain intact', async () => {
    const { db, services, clock } = get();
    const client = await aClient(db);
    // A row of a month without partition lands in the default partition.
    const month = new Date(Date.UTC(TEST_NOW.getUTCFullYear(), TEST_NOW.getUTCMonth(), 3));
    await repos.audit.append(db, { actorUserId: null, actorLabel: 'Systeem', organisationId: null, action: 'test.partitie', clientId: client.id, details: {} }, month);
    const defaultRows = await sql<{ n: number }>`select count(*)::int as n from audit_events_default`.execute(db);
    assert.ok((defaultRows.rows[0]?.n ?? 0) >= 1, 'the row sits in the default partition');
    clock.set(month);
    const created = await services.auditPartitions.ensureAhead();
    const expected = [0, 1].map((k) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + k, 1)).toISOString().slice(0, 10));
    assert.deepEqual(created, expected);
    assert.deepEqual(await services.auditPartitions.ensureAhead(), [], 'a second run creates nothing');
    const names = await partitionsOf(get);
    for (const m of expected) assert.ok(names.includes(`audit_events_${m.slice(0, 7).replace('-', '_')}`), `partition of ${m}`);
    const left = await sql<{ n: number }>`select count(*)::int as n from audit_events_default where occurred_at >= ${expected[0]}::date`.execute(db);
    assert.equal(left.rows[0]?.n, 0, 'no row of the month is left in the default partition');
    const report = await services.auditLog.verify();
    assert.equal(report.broken, null, 'audit:verify still finds every chain intact across partitions');
    assert.ok(report.checked >= 1);
  });

  it('issue 14 item 6 ASVS 16.4.2: an update, a delete or a truncate of a partition is refused (the append-only guard is on every partition)', async () => {
    const { db } = get();
    const partition = (await partitionsOf(get)).find((n) => n !== 'audit_events_default');
    assert.ok(partition !== undefined);
    // A row of a month far ahead, without partition: it sits in the default partition.
    await repos.audit.append(db, { actorUserId: null, actorLabel: 'Systeem', organisationId: null, action: 'test.partitie', clientId: null, details: {} }, new Date('2099-01-05T00:00:00Z'));
    for (const statement of [`update ${partition} set actor_label = 'x'`, `delete from ${partition}`, `truncate ${partition}`, `update audit_events_default set actor_label = 'x'`, `delete from audit_events_default`, 'truncate audit_events_default']) {
      await assert.rejects(sql.raw(statement).execute(db), /append-only/, statement);
    }
  });

  it('issue 14 item 6: EXPLAIN of "Wie bekeek dit dossier" reads one dossier by the client index in each partition, no sequential scan', async () => {
    const { db } = get();
    const client = await aClient(db);
    const query = db
      .selectFrom('audit_events as a')
      .where('a.clientId', '=', client.id)
      .where('a.action', 'in', ['dossier.geopend'])
      .select(['a.id', 'a.occurredAt', 'a.actorLabel', 'a.organisationId', 'a.action', 'a.details'])
      .orderBy('a.id', 'desc');
    // The test tables are tiny: without this the planner rightly prefers reading them whole.
    const plan = await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const rows = await trx.selectFrom('audit_events as a').where('a.clientId', '=', client.id).where('a.action', 'in', ['dossier.geopend']).select(['a.id']).orderBy('a.id', 'desc').explain();
      return rows.map((row) => String(Object.values(row)[0])).join('\n');
    });
    assert.ok(query.compile().sql.includes('"client_id" = $1'));
    assert.match(plan, /Index (Only )?Scan.*audit_events_\d{4}_\d{2}|Bitmap Index Scan on audit_events_\d{4}_\d{2}_client_id/, plan);
    assert.doesNotMatch(plan, /Seq Scan/, plan);
  });
  it('issue 14 item 6: the job gives way to a request that holds a lock it needs (a login changed a user, then reads the audit log): no deadlock, the request goes on, the job finishes after it', { timeout: 30_000 }, async (t) => {
    const { db, services, clock, kind } = get();
    if (kind === 'pglite') {
      t.skip('PGlite has one connection: nothing runs beside the job');
      return;
    }
    clock.set(new Date(Date.UTC(2031, 4, 10)));
    let job: Promise<string[]> | undefined;
    const seen = await db.transaction().execute(async (trx) => {
      // The request changed a user: attaching a partition (its foreign key to users) must wait for it.
      await sql`update users set email = email where false`.execute(trx);
      job = services.auditPartitions.ensureAhead();
      // Its failure is asserted below, after the request; not an unhandled rejection meanwhile.
      job.catch(() => undefined);
      // Until the job waits for that lock, holding the default partition and its new one.
      for (let waited = 0; waited < 100; waited++) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
        if ((rows[0]?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // The request reads the audit log: it waits for the job, which steps back within 200 ms.
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(trx);
      return rows[0]?.n;
    });
    assert.equal(typeof seen, 'number', 'the request read the audit log and committed');
    assert.ok(job !== undefined);
    assert.deepEqual(await job, ['2031-05-01', '2031-06-01'], 'the job made both partitions once the request was done');
  });
});
