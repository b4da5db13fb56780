/**
 * Issue 14 item 6: migration 0021 (the audit log partitioned by month) on a database that already
 * has audit rows, as every running installation has: the database is migrated up to 0020, rows of
 * three months are written in two chains, then 0021 runs. Every row is kept as it was (id, time,
 * content, chain and hashes), each sits in its month's partition, the chains still verify (the
 * check of `npm run audit:verify`), and a record written after the migration continues its chain.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { createAuditVerification } from '../../src/services/audit/audit-verification.ts';
import { TEST_NOW } from '../support/clock.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { aClient } from '../support/factories.ts';

const repos = createRepositories();
const monthsBefore = (months: number, day: number): Date => new Date(Date.UTC(TEST_NOW.getUTCFullYear(), TEST_NOW.getUTCMonth() - months, day, 9));

for (const kind of databaseKinds()) {
  describe(`migration 0021 on a database with audit rows [${kind}]`, () => {
    let database: TestDatabase;

    before(async () => {
      database = await createTestDatabase(kind, { upTo: '0020_shared_rate_limits' });
    });

    after(async () => {
      await database.drop();
    });

    it('issue 14 item 6 ASVS 16.4.2: the rows written before 0021 keep their ids, content and hashes, sit in their months\' partitions, and the chains verify; the next record continues its chain', async () => {
      const { db } = database;
      const client = await aClient(db);
      const entry = (action: string, clientId: string | null) => ({ actorUserId: null, actorLabel: 'Systeem', organisationId: null, action, clientId, details: { n: action } });
      for (const [i, at] of [monthsBefore(2, 27), monthsBefore(1, 1), monthsBefore(1, 30), monthsBefore(0, 1), TEST_NOW].entries()) {
        await repos.audit.append(db, entry(`test.voor.${String(i)}`, client.id), at);
        await repos.audit.append(db, entry(`test.systeem.${String(i)}`, null), at);
      }
      const snapshot = async (): Promise<unknown[]> =>
        (await sql<Record<string, unknown>>`select id, occurred_at, action, client_id, details, chain, prev_hash, hash from audit_events order by id`.execute(db)).rows;
      const rowsBefore = await snapshot();
      assert.ok(rowsBefore.length >= 10);

      await migrateToLatest(db);

      assert.deepEqual(await snapshot(), rowsBefore, 'every row kept as it was');
      const placed = await sql<{ partition: string; n: number }>`
        select tableoid::regclass::text as partition, count(*)::int as n from audit_events group by 1 order by 1`.execute(db);
      const month = (at: Date): string => `audit_events_${at.toISOString().slice(0, 7).replace('-', '_')}`;
      assert.deepEqual(
        placed.rows.map((r) => r.partition),
        [...new Set([monthsBefore(2, 27), monthsBefore(1, 1), TEST_NOW].map(month))].sort(),
        'each row in the partition of its month, none in the default partition',
      );
      const verification = createAuditVerification({ db, repos });
      const report = await verification.verify();
      assert.equal(report.broken, null, 'audit:verify finds the chains intact');
      assert.equal(report.checked, rowsBefore.length);

      await repos.audit.append(db, entry('test.na', client.id), TEST_NOW);
      const last = await db.selectFrom('audit_events').select(['id', 'prevHash']).where('action', '=', 'test.na').executeTakeFirstOrThrow();
      const maxBefore = Math.max(...rowsBefore.map((r) => Number((r as { id: unknown }).id)));
      assert.ok(last.id > maxBefore, 'the ids go on after the copied rows');
      const after = await verification.verify();
      assert.equal(after.broken, null, 'the chain goes on across the migration');
      assert.equal(after.checked, rowsBefore.length + 1);
    });
  });
}
