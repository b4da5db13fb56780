/**
 * Edges of access and accounting found in review: who may write an internal note (K3), a forged
 * post that must not leave a dossier opening behind (A6), scan downloads in "Wie bekeek dit
 * dossier" (A6), and the scan of an approved request once the partner's access ended (A1).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addMonths } from '../../src/domain/calendar-date.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

async function demoWorld(t: TestApp) {
  await t.services.demo.seedIfEmpty();
  const ann = await t.db.selectFrom('clients').select('id').where('familyName', '=', 'Janssens').executeTakeFirstOrThrow();
  return { annId: ann.id };
}

async function as(t: TestApp, email: string): Promise<WebSession> {
  const session = new WebSession(t.app);
  assert.equal((await session.login(email, DEMO_PASSWORD)).statusCode, 303);
  return session;
}

describeOnEachDatabase('access edges', demoWorld, (get) => {
  const openings = async (clientId: string): Promise<number> =>
    (await get().db.selectFrom('audit_events').select('id').where('clientId', '=', clientId).where('action', '=', 'dossier.geopend').execute()).length;

  it('K3 a beheerder reads the dienst\'s internal notes but cannot write one', async () => {
    const { annId } = get().data;
    const beheerder = await as(get(), 'beheerder@demo.be');
    const page = await beheerder.get(`/dossiers/${annId}/begeleiding/interne-opmerking`);
    assert.equal(page.statusCode, 200);
    const before = await get().db.selectFrom('internal_notes').select('id').execute();
    const refused = await beheerder.post(`/dossiers/${annId}/begeleiding/interne-opmerking`, { tekst: 'Mag niet' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await get().db.selectFrom('internal_notes').select('id').execute()).length, before.length);
  });

  it('A6 a forged extension post without CSRF token is refused and logs no dossier opening', async () => {
    const { annId } = get().data;
    const partner = await as(get(), 'begeleider@demo.be');
    const before = await openings(annId);
    const forged = await partner.postMultipart(`/dossiers/${annId}/verlenging`, [{ name: 'einddatum-dag', value: '01' }], { csrf: null });
    assert.equal(forged.statusCode, 403);
    assert.equal(await openings(annId), before);
  });

  it('A6 A1 a scan download is listed in Wie bekeek dit dossier, and the partner loses the scan when its access ends', async () => {
    const { clock, db } = get();
    const secretariaat = await as(get(), 'secretariaat@demo.be');
    const queued = await db.selectFrom('attest_requests').select(['id', 'version', 'endDate']).where('state', '=', 'ingediend').where('kind', '=', 'nieuw').executeTakeFirstOrThrow();
    await secretariaat.get(`/attesten/${queued.id}`);
    const approved = await secretariaat.post(`/attesten/${queued.id}`, { actie: 'goedkeuren', versie: String(queued.version), origineel: 'ja', bevestigd: 'ja' });
    assert.equal(approved.statusCode, 303);
    const request = await db.selectFrom('attest_requests').select(['clientId', 'organisationId']).where('id', '=', queued.id).executeTakeFirstOrThrow();
    assert.ok(request.clientId !== null);

    assert.equal((await secretariaat.get(`/attesten/${queued.id}/scan`)).statusCode, 200);
    const csv = await secretariaat.get(`/dossiers/${request.clientId}/wie-bekeek.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /Scan van het attest gedownload/);

    const partner = await as(get(), 'begeleider@demo.be');
    assert.equal((await partner.get(`/attesten/${queued.id}/scan`)).statusCode, 200);
    // Past end + 1 month + 14 days the client is gone for the partner, and so is its scan.
    const original = clock.now();
    clock.set(new Date(`${addMonths(queued.endDate as never, 3)}T10:00:00Z`));
    try {
      const later = await as(get(), 'begeleider@demo.be');
      assert.equal((await later.get(`/dossiers/${request.clientId}`)).statusCode, 404);
      assert.equal((await later.get(`/attesten/${queued.id}/scan`)).statusCode, 404);
    } finally {
      clock.set(original);
    }
  });

  it('A6 a line of another dossier asked through one\'s own dossier is a 404, and the refusal is logged', async () => {
    const { annId } = get().data;
    const foreign = await get()
      .db.selectFrom('steps')
      .select('id')
      .where('clientId', '!=', annId)
      .executeTakeFirstOrThrow();
    const partner = await as(get(), 'begeleider@demo.be');
    const refusals = async (): Promise<number> =>
      (await get().db.selectFrom('audit_events').select('id').where('clientId', '=', annId).where('action', '=', 'dossier.geweigerd').execute()).length;
    const before = await refusals();
    assert.equal((await partner.get(`/dossiers/${annId}/stappen/${foreign.id}`)).statusCode, 404);
    assert.equal(await refusals(), before + 1);
  });
});

