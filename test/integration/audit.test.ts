/**
 * The audit log (A6): logins and logouts write their rows, and the table is append-only in
 * the database itself: UPDATE, DELETE and TRUNCATE are refused whoever asks.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { anOrganisation, aUser, type TestOrganisation, type TestUser } from '../support/factories.ts';
import { TEST_NOW } from '../support/clock.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';
import { assertRedirect, auditRows } from '../support/integration-helpers.ts';

async function setup({ db }: TestApp): Promise<{ partner: TestOrganisation; begeleider: TestUser; secretariaat: TestUser }> {
  const partner = await anOrganisation(db);
  const dienst = await anOrganisation(db, { kind: 'dienst' });
  return { partner, begeleider: await aUser(db, 'begeleider', partner), secretariaat: await aUser(db, 'secretariaat', dienst) };
}

describeOnEachDatabase('audit log', setup, (get) => {
  it('A6 a login writes one login.geslaagd row with the user and its organisation', async () => {
    const { app, db, data } = get();
    const before = await auditRows(db, { action: 'login.geslaagd', actorUserId: data.begeleider.id });
    assertRedirect(await new WebSession(app).login(data.begeleider.email, data.begeleider.password), '/');
    const added = (await auditRows(db, { action: 'login.geslaagd', actorUserId: data.begeleider.id })).slice(before.length);
    assert.deepEqual(
      added.map((row) => ({ organisationId: row.organisationId, clientId: row.clientId })),
      [{ organisationId: data.partner.id, clientId: null }],
    );
  });

  it('A6 a logout writes one afgemeld row with the user and its organisation', async () => {
    const { app, db, data } = get();
    const browser = new WebSession(app);
    assertRedirect(await browser.login(data.secretariaat.email, data.secretariaat.password), '/');
    assert.equal((await browser.get('/zoeken')).statusCode, 200);
    assert.equal((await auditRows(db, { action: 'afgemeld', actorUserId: data.secretariaat.id })).length, 0);
    assertRedirect(await browser.post('/afmelden', {}), '/aanmelden?afgemeld=1');
    const rows = await auditRows(db, { action: 'afgemeld', actorUserId: data.secretariaat.id });
    assert.deepEqual(
      rows.map((row) => row.organisationId),
      [data.secretariaat.organisationId],
    );
  });

  /** Appends a row of its own for the test to try to change, and returns it as the database holds it. */
  async function aRow(): Promise<Record<string, unknown>> {
    const { db, data } = get();
    await db
      .insertInto('audit_events')
      .values({ actorUserId: data.begeleider.id, actorLabel: 'Test', organisationId: data.partner.id, action: 'login.geslaagd', details: '{"ip":"127.0.0.1"}', occurredAt: TEST_NOW })
      .execute();
    return newestRow();
  }

  /** The newest audit row, as the database holds it. */
  async function newestRow(): Promise<Record<string, unknown>> {
    const result = await sql<Record<string, unknown>>`select * from audit_events order by id desc limit 1`.execute(get().db);
    const row = result.rows[0];
    assert.ok(row !== undefined);
    return row;
  }

  it('A6 the audit log is append-only: UPDATE is refused by the database and the row stays as it was', async () => {
    const { db } = get();
    const row = await aRow();
    await assert.rejects(sql`update audit_events set action = 'vervalst', actor_label = 'iemand anders' where id = ${row['id']}`.execute(db), /append-only/);
    await assert.rejects(sql`update audit_events set details = '{}'::jsonb`.execute(db), /append-only/);
    assert.deepEqual(await newestRow(), row);
  });

  it('A6 the audit log is append-only: DELETE is refused by the database and the row stays', async () => {
    const { db } = get();
    const row = await aRow();
    const count = async (): Promise<number> => Number((await sql<{ n: number }>`select count(*) as n from audit_events`.execute(db)).rows[0]?.n);
    const before = await count();
    await assert.rejects(sql`delete from audit_events where id = ${row['id']}`.execute(db), /append-only/);
    await assert.rejects(sql`delete from audit_events`.execute(db), /append-only/);
    assert.deepEqual(await newestRow(), row);
    assert.equal(await count(), before);
  });

  it('A6 the audit log is append-only: TRUNCATE is refused by the database', async () => {
    const { db } = get();
    const row = await aRow();
    await assert.rejects(sql`truncate audit_events`.execute(db), /append-only/);
    assert.deepEqual(await newestRow(), row);
  });

  it('A6 the audit log is append-only even inside a transaction, and the refusal carries SQLSTATE 42501', async () => {
    const { db } = get();
    const row = await aRow();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await sql`delete from audit_events where id = ${row['id']}`.execute(trx);
      }),
      (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42501',
    );
    assert.deepEqual(await newestRow(), row);
  });
});
