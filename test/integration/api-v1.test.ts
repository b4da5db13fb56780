/**
 * Partner API v1 (issue 17) through HTTP, on both databases: the rules of the pages through the
 * API (A1 access per organisation, A6 reads recorded with the token's name, O2–O12 on steps),
 * authentication (401/403), problem+json, ETag/If-Match (428/412) and idempotent creates. Every
 * answer is validated against the served OpenAPI document (test/support/api-contract.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from '../../src/domain/calendar-date.ts';
import { aClient, allowedStepTypes, anAttest, anOrganisation, aUser } from '../support/factories.ts';
import { anApiToken } from '../support/api-factories.ts';
import { ApiContract } from '../support/api-contract.ts';
import { auditRows } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { buildApp } from '../../src/http/app.ts';

async function world({ db, services, clock, app }: TestApp) {
  const today = clock.today();
  const orgA = await anOrganisation(db, { name: 'Kantoor Alfa' });
  const orgB = await anOrganisation(db, { name: 'Kantoor Beta' });
  await allowedStepTypes(db, orgA);
  await allowedStepTypes(db, orgB);
  const adminA = await aUser(db, 'partnerbeheerder', orgA);
  const adminB = await aUser(db, 'partnerbeheerder', orgB);
  const onlyA = await aClient(db);
  const onlyB = await aClient(db);
  const expiredA = await aClient(db);
  const both = await aClient(db);
  const spare = await aClient(db);
  await anAttest(db, 'running', { clientId: onlyA.id, organisationId: orgA.id }, today);
  await anAttest(db, 'running', { clientId: onlyB.id, organisationId: orgB.id }, today);
  await anAttest(db, 'expired', { clientId: expiredA.id, organisationId: orgA.id }, today);
  await anAttest(db, 'running', { clientId: both.id, organisationId: orgA.id }, today);
  await anAttest(db, 'running', { clientId: both.id, organisationId: orgB.id }, today);
  await anAttest(db, 'running', { clientId: spare.id, organisationId: orgA.id }, today);
  return {
    today,
    orgA,
    orgB,
    clients: { onlyA, onlyB, expiredA, both, spare },
    tokenA: await anApiToken(services, adminA, { name: 'CRM Alfa' }),
    readA: await anApiToken(services, adminA, { name: 'Rapportering Alfa', scopes: ['dossiers:read'] }),
    tokenB: await anApiToken(services, adminB, { name: 'CRM Beta' }),
    contract: await ApiContract.of(app),
  };
}

type World = Awaited<ReturnType<typeof world>>;

const newStep = (w: World, overrides: Record<string, unknown> = {}) => ({
  stapType: 'outplacement',
  datum: addDays(w.today, -7),
  aanvragerId: w.orgA.officeId,
  uitvoerderId: w.orgA.officeId,
  samenvatting: 'Verwacht einde: juni',
  ...overrides,
});

describeOnEachDatabase('Partner API v1', world, (get) => {
  test('issue 17: /vestigingen gives the offices of the token\'s organisation, and with zoek those of every organisation, for aanvragerId and uitvoerderId', async () => {
    const { data: w } = get();
    const own = await w.contract.call({ method: 'GET', url: '/api/v1/vestigingen', token: w.readA.token });
    assert.equal(own.statusCode, 200);
    const offices = own.json<{ vestigingen: { id: string; code: string; organisatie: string; label: string }[] }>().vestigingen;
    assert.deepEqual(offices.map((o) => [o.id, o.code, o.organisatie]), [[w.orgA.officeId, w.orgA.officeCode, 'Kantoor Alfa']]);
    assert.match(offices.map((o) => o.label).join(), new RegExp(`^KANTOOR \\d+ \\(${w.orgA.officeCode}\\)$`));
    const found = await w.contract.call({ method: 'GET', url: `/api/v1/vestigingen?zoek=${w.orgB.officeCode}`, token: w.readA.token });
    assert.deepEqual(found.json<{ vestigingen: { id: string }[] }>().vestigingen.map((o) => o.id), [w.orgB.officeId]);
    const tooShort = await w.contract.call({ method: 'GET', url: '/api/v1/vestigingen?zoek=K', token: w.readA.token });
    assert.equal(tooShort.statusCode, 400);
    assert.equal((await w.contract.call({ method: 'GET', url: '/api/v1/vestigingen' })).statusCode, 401);
  });

  test('issue 16: the app compiles every route\'s schemas on first use; built with the eager compilers, every schema compiles at start and the API answers alike', async () => {
    const { services, config, data: w } = get();
    const eager = await buildApp(services, config, { logger: false, compileSchemasAtStart: true });
    try {
      const url = `/api/v1/klanten/${w.clients.onlyA.id}`;
      const headers = { authorization: `Bearer ${w.tokenA.token}` };
      const [lazyAnswer, eagerAnswer] = [await get().app.inject({ method: 'GET', url, headers }), await eager.inject({ method: 'GET', url, headers })];
      assert.equal(eagerAnswer.statusCode, 200);
      assert.deepEqual(JSON.parse(eagerAnswer.body), JSON.parse(lazyAnswer.body));
      const invalid = { method: 'POST' as const, url: `/api/v1/klanten/${w.clients.onlyA.id}/stappen`, headers: { ...headers, 'idempotency-key': 'schema-check' }, payload: { stapType: 12 } };
      const [lazyInvalid, eagerInvalid] = [await get().app.inject(invalid), await eager.inject(invalid)];
      assert.equal(lazyInvalid.statusCode, 400);
      const withoutInstance = (body: string): unknown => ({ ...(JSON.parse(body) as Record<string, unknown>), instance: undefined });
      assert.deepEqual(withoutInstance(lazyInvalid.body), withoutInstance(eagerInvalid.body), 'the lazy validator reports the same field errors');
      assert.match(lazyInvalid.body, /"veld":"datum"/);
    } finally {
      await eager.close();
    }
  });

  test('A1 access matrix: a token sees exactly the dossiers its organisation holds a running attest for; any other is the same 404', async () => {
    const { data: w } = get();
    const { onlyA, onlyB, expiredA, both } = w.clients;
    const cases = [
      { token: w.tokenA.token, client: onlyA.id, status: 200 },
      { token: w.tokenA.token, client: both.id, status: 200 },
      { token: w.tokenA.token, client: onlyB.id, status: 404 },
      { token: w.tokenA.token, client: expiredA.id, status: 404 },
      { token: w.tokenB.token, client: onlyB.id, status: 200 },
      { token: w.tokenB.token, client: both.id, status: 200 },
      { token: w.tokenB.token, client: onlyA.id, status: 404 },
      { token: w.tokenA.token, client: '00000000-0000-4000-8000-000000000000', status: 404 },
      { token: w.tokenA.token, client: 'geen-uuid', status: 404 },
    ];
    const notFound: unknown[] = [];
    for (const c of cases) {
      const response = await w.contract.call({ method: 'GET', url: `/api/v1/klanten/${c.client}`, token: c.token });
      assert.equal(response.statusCode, c.status, c.client);
      if (c.status === 404) {
        const body = response.json<Record<string, unknown>>();
        delete body['instance'];
        notFound.push(body);
      } else {
        // A1: the attests shown are those of the token's own organisation only.
        const attests = response.json<{ attesten: unknown[] }>().attesten;
        assert.equal(attests.length, 1);
      }
    }
    // Unknown, malformed, another organisation's and an expired attest answer alike.
    for (const body of notFound) assert.deepEqual(body, notFound[0]);
    assert.deepEqual(notFound[0], { type: '/api/problemen/niet-gevonden', title: 'Niet gevonden', status: 404 });

    const caseload = await w.contract.call({ method: 'GET', url: '/api/v1/klanten', token: w.tokenA.token });
    const ids = caseload.json<{ klanten: { id: string }[] }>().klanten.map((k) => k.id).toSorted();
    assert.deepEqual(ids, [onlyA.id, both.id, w.clients.spare.id].toSorted());
  });

  test('A6: every read through the API is recorded as the organisation\'s system, with the token\'s name as channel', async () => {
    const { data: w, db } = get();
    await w.contract.call({ method: 'GET', url: `/api/v1/klanten/${w.clients.onlyA.id}/stappen`, token: w.tokenA.token });
    const opened = (await auditRows(db, { action: 'dossier.geopend', clientId: w.clients.onlyA.id })).at(-1);
    assert.ok(opened !== undefined);
    assert.equal(opened.details['kanaal'], 'CRM Alfa');
    assert.equal(opened.organisationId, w.orgA.id);
    const row = await db.selectFrom('audit_events').select('actorLabel').where('id', '=', opened.id).executeTakeFirstOrThrow();
    assert.equal(row.actorLabel, 'systeem van Kantoor Alfa');
    // A refused read is recorded too.
    await w.contract.call({ method: 'GET', url: `/api/v1/klanten/${w.clients.onlyB.id}`, token: w.tokenA.token });
    const refused = (await auditRows(db, { action: 'dossier.geweigerd', clientId: w.clients.onlyB.id })).at(-1);
    assert.equal(refused?.details['kanaal'], 'CRM Alfa');
  });

  test('401 without, with a malformed, an unknown or a revoked token, each with WWW-Authenticate: Bearer', async () => {
    const { data: w, services } = get();
    const url = '/api/v1/klanten';
    const revoked = await anApiToken(services, await adminOf(get(), w.orgA.id), { name: 'Weg' });
    const actor = await services.auth.currentActor((await adminOf(get(), w.orgA.id)).id);
    assert.ok(actor !== undefined);
    await services.apiTokens.revoke(actor, revoked.id);
    const forged = `${w.tokenA.token.slice(0, -4)}AAAA`;
    for (const token of [null, 'geen-sleutel', forged, revoked.token]) {
      const response = await w.contract.call({ method: 'GET', url, token });
      assert.equal(response.statusCode, 401, String(token));
      assert.match(String(response.headers['www-authenticate']), /^Bearer /);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(response.json<{ type: string }>().type, '/api/problemen/niet-aangemeld');
    }
  });

  test('401 for an expired token; the same token works again once the clock is back within its validity', async () => {
    const { data: w, clock } = get();
    const start = clock.now();
    try {
      clock.set(new Date(start.getTime() + 7 * 31 * 86_400_000));
      const response = await w.contract.call({ method: 'GET', url: '/api/v1/klanten', token: w.tokenA.token });
      assert.equal(response.statusCode, 401);
    } finally {
      clock.set(start);
    }
    assert.equal((await w.contract.call({ method: 'GET', url: '/api/v1/klanten', token: w.tokenA.token })).statusCode, 200);
  });

  test('403 when the token lacks the scope; nothing is stored', async () => {
    const { data: w, db } = get();
    const response = await w.contract.call({ method: 'POST', url: `/api/v1/klanten/${w.clients.onlyA.id}/stappen`, token: w.readA.token, body: newStep(w) });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json<{ type: string; title: string }>().type, '/api/problemen/geen-recht');
    assert.match(String(response.headers['www-authenticate']), /insufficient_scope/);
    assert.equal((await db.selectFrom('steps').select('id').where('clientId', '=', w.clients.onlyA.id).execute()).length, 0);
  });

  test('RateLimit-* headers per token', async () => {
    const { data: w } = get();
    const first = await w.contract.call({ method: 'GET', url: '/api/v1/klanten', token: w.tokenB.token });
    const second = await w.contract.call({ method: 'GET', url: '/api/v1/klanten', token: w.tokenB.token });
    assert.equal(first.headers['ratelimit-limit'], '600');
    assert.equal(Number(second.headers['ratelimit-remaining']), Number(first.headers['ratelimit-remaining']) - 1);
  });

  test('O2/O3 400 problem+json listing every field with the forms\' Dutch messages; nothing stored', async () => {
    const { data: w, db } = get();
    const url = `/api/v1/klanten/${w.clients.onlyA.id}/stappen`;
    const missing = await w.contract.call({ method: 'POST', url, token: w.tokenA.token, body: { stapType: 'outplacement' } });
    assert.equal(missing.statusCode, 400);
    const body = missing.json<{ type: string; title: string; fouten: { veld: string; melding: string }[] }>();
    assert.equal(body.type, '/api/problemen/ongeldige-invoer');
    assert.equal(body.title, 'De invoer is niet geldig');
    assert.deepEqual(body.fouten.map((f) => [f.veld, f.melding]).toSorted(), [
      ['aanvragerId', 'Kies de aanvrager'],
      ['datum', 'Vul de datum in'],
      ['uitvoerderId', 'Kies de uitvoerder'],
    ]);
    const future = await w.contract.call({ method: 'POST', url, token: w.tokenA.token, body: newStep(w, { datum: addDays(w.today, 1) }) });
    assert.equal(future.statusCode, 400);
    assert.deepEqual(future.json<{ fouten: unknown[] }>().fouten, [{ veld: 'datum', melding: 'De datum mag niet na vandaag liggen' }]);
    assert.equal((await db.selectFrom('steps').select('id').where('clientId', '=', w.clients.onlyA.id).execute()).length, 0);
  });

  test('O4 registering an Outplacement line: 201 with Location and ETag; a second one is refused with the form\'s message', async () => {
    const { data: w } = get();
    const url = `/api/v1/klanten/${w.clients.onlyA.id}/stappen`;
    const created = await w.contract.call({ method: 'POST', url, token: w.tokenA.token, body: newStep(w) });
    assert.equal(created.statusCode, 201, created.body);
    const step = created.json<{ id: string; toestand: { code: string; label: string }; versie: number; aanvrager: { label: string } }>();
    assert.deepEqual(step.toestand, { code: 'bezig', label: 'Bezig' });
    assert.equal(created.headers['location'], `${url}/${step.id}`);
    assert.equal(created.headers['etag'], `"${String(step.versie)}"`);
    const second = await w.contract.call({ method: 'POST', url, token: w.tokenA.token, body: newStep(w) });
    assert.equal(second.statusCode, 400);
    assert.equal(second.json<{ fouten: { melding: string }[] }>().fouten[0]?.melding, 'Deze klant heeft al een lijn Outplacement in toestand Bezig van jouw organisatie: werk verder met die lijn');
  });

  test('Idempotency-Key: the same key and body give the first answer again (one line); another body is 422', async () => {
    const { data: w, db } = get();
    const url = `/api/v1/klanten/${w.clients.spare.id}/stappen`;
    const headers = { 'idempotency-key': 'crm-opdracht-42' };
    const first = await w.contract.call({ method: 'POST', url, token: w.tokenA.token, body: newStep(w), headers });
    const again = await w.contract.call({ method: 'POST', url, token: w.tokenA.token, body: newStep(w), headers });
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 201);
    assert.equal(again.body, first.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.headers['location'], first.headers['location']);
    assert.equal((await db.selectFrom('steps').select('id').where('clientId', '=', w.clients.spare.id).execute()).length, 1);
    const other = await w.contract.call({ method: 'POST', url, token: w.tokenA.token, body: newStep(w, { samenvatting: 'anders' }), headers });
    assert.equal(other.statusCode, 422);
    assert.equal(other.json<{ type: string }>().type, '/api/problemen/idempotency-sleutel-hergebruikt');
    // Another token's key space is its own: tokenB has no access to this dossier and gets the 404.
    const foreign = await w.contract.call({ method: 'POST', url, token: w.tokenB.token, body: newStep(w), headers });
    assert.equal(foreign.statusCode, 404);
  });

  test('O12 in HTTP: a change without If-Match is 428, a stale one 412 with the current line; the right version changes it (O6, O11)', async () => {
    const { data: w } = get();
    const list = await w.contract.call({ method: 'GET', url: `/api/v1/klanten/${w.clients.onlyA.id}/stappen`, token: w.tokenA.token });
    const stepId = list.json<{ stappen: { id: string }[] }>().stappen[0]?.id ?? '';
    const url = `/api/v1/klanten/${w.clients.onlyA.id}/stappen/${stepId}`;
    const read = await w.contract.call({ method: 'GET', url, token: w.tokenA.token });
    const etag = String(read.headers['etag']);

    const without = await w.contract.call({ method: 'PATCH', url, token: w.tokenA.token, body: { samenvatting: 'Nieuw' } });
    assert.equal(without.statusCode, 428);
    const changed = await w.contract.call({ method: 'PATCH', url, token: w.tokenA.token, body: { samenvatting: 'Nieuw' }, headers: { 'if-match': etag } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json<{ samenvatting: string }>().samenvatting, 'Nieuw');
    assert.notEqual(changed.headers['etag'], etag);
    const stale = await w.contract.call({ method: 'PATCH', url, token: w.tokenA.token, body: { samenvatting: 'Ouder' }, headers: { 'if-match': etag } });
    assert.equal(stale.statusCode, 412);
    const problem = stale.json<{ type: string; huidig: { samenvatting: string; versie: number } }>();
    assert.equal(problem.type, '/api/problemen/gewijzigd');
    assert.equal(problem.huidig.samenvatting, 'Nieuw');
    assert.equal(stale.headers['etag'], changed.headers['etag']);

    const log = await w.contract.call({ method: 'GET', url: `/api/v1/klanten/${w.clients.onlyA.id}/logboek`, token: w.tokenA.token });
    const change = log.json<{ gebeurtenissen: { actie: string; veld: string | null; oud: string | null; nieuw: string | null; kanaal: string | null; door: string }[] }>().gebeurtenissen.find((e) => e.actie === 'stap.gewijzigd');
    assert.deepEqual(change, { ...change, veld: 'samenvatting', oud: 'Verwacht einde: juni', nieuw: 'Nieuw', kanaal: 'CRM Alfa', door: 'systeem van Kantoor Alfa' });
  });

  test('O8: a partner cannot set Stopgezet through the API either; it sends a stop request; O7 cancelling ends the line', async () => {
    const { data: w } = get();
    const list = await w.contract.call({ method: 'GET', url: `/api/v1/klanten/${w.clients.spare.id}/stappen`, token: w.tokenA.token });
    const stepId = list.json<{ stappen: { id: string }[] }>().stappen[0]?.id ?? '';
    const url = `/api/v1/klanten/${w.clients.spare.id}/stappen/${stepId}`;
    let etag = String((await w.contract.call({ method: 'GET', url, token: w.tokenA.token })).headers['etag']);
    const stop = await w.contract.call({ method: 'PATCH', url, token: w.tokenA.token, body: { toestand: 'stopgezet' }, headers: { 'if-match': etag } });
    assert.equal(stop.statusCode, 400);
    assert.equal(stop.json<{ fouten: { veld: string }[] }>().fouten[0]?.veld, 'toestand');

    const request = await w.contract.call({ method: 'POST', url: `${url}/stopverzoeken`, token: w.tokenA.token, body: { reden: 'Werk gevonden', voorgesteldeDatum: w.today } });
    assert.equal(request.statusCode, 201, request.body);
    const again = await w.contract.call({ method: 'POST', url: `${url}/stopverzoeken`, token: w.tokenA.token, body: { reden: 'Nogmaals', voorgesteldeDatum: w.today } });
    assert.equal(again.statusCode, 400);

    etag = String(request.headers['etag']);
    const cancelled = await w.contract.call({ method: 'PATCH', url, token: w.tokenA.token, body: { toestand: 'geannuleerd' }, headers: { 'if-match': etag } });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.deepEqual(cancelled.json<{ toestand: unknown }>().toestand, { code: 'geannuleerd', label: 'Geannuleerd' });
    // O7: final. A further change is refused.
    const after = await w.contract.call({ method: 'PATCH', url, token: w.tokenA.token, body: { samenvatting: 'x' }, headers: { 'if-match': String(cancelled.headers['etag']) } });
    assert.equal(after.statusCode, 403);
  });

  test('A1 with two organisations in one dossier: B reads A\'s line but may not change it (403); outside its dossiers it is 404', async () => {
    const { data: w } = get();
    const created = await w.contract.call({ method: 'POST', url: `/api/v1/klanten/${w.clients.both.id}/stappen`, token: w.tokenA.token, body: newStep(w) });
    assert.equal(created.statusCode, 201);
    const url = String(created.headers['location']);
    const patch = await w.contract.call({ method: 'PATCH', url, token: w.tokenB.token, body: { samenvatting: 'B' }, headers: { 'if-match': String(created.headers['etag']) } });
    assert.equal(patch.statusCode, 403);
    const onlyAStep = await w.contract.call({ method: 'GET', url: `/api/v1/klanten/${w.clients.onlyA.id}/stappen`, token: w.tokenB.token });
    assert.equal(onlyAStep.statusCode, 404);
  });

  test('Caseload: cursor paging and changedSince', async () => {
    const { data: w, clock } = get();
    const page1 = await w.contract.call({ method: 'GET', url: '/api/v1/klanten?aantal=2', token: w.tokenA.token });
    const body1 = page1.json<{ klanten: { id: string }[]; volgende: string | null }>();
    assert.equal(body1.klanten.length, 2);
    assert.ok(body1.volgende !== null);
    const page2 = await w.contract.call({ method: 'GET', url: `/api/v1/klanten?aantal=2&na=${body1.volgende}`, token: w.tokenA.token });
    const body2 = page2.json<{ klanten: { id: string }[]; volgende: string | null }>();
    assert.equal(body2.klanten.length, 1);
    assert.equal(body2.volgende, null);

    const since = new Date(clock.now().getTime() + 60_000);
    clock.advanceMinutes(2);
    const url = `/api/v1/klanten/${w.clients.onlyA.id}/stappen`;
    const stepId = (await w.contract.call({ method: 'GET', url, token: w.tokenA.token })).json<{ stappen: { id: string }[] }>().stappen[0]?.id ?? '';
    const read = await w.contract.call({ method: 'GET', url: `${url}/${stepId}`, token: w.tokenA.token });
    await w.contract.call({ method: 'PATCH', url: `${url}/${stepId}`, token: w.tokenA.token, body: { samenvatting: 'Later' }, headers: { 'if-match': String(read.headers['etag']) } });
    const changed = await w.contract.call({ method: 'GET', url: `/api/v1/klanten?gewijzigdSinds=${encodeURIComponent(since.toISOString())}`, token: w.tokenA.token });
    assert.deepEqual(changed.json<{ klanten: { id: string }[] }>().klanten.map((k) => k.id), [w.clients.onlyA.id]);
    const bad = await w.contract.call({ method: 'GET', url: '/api/v1/klanten?gewijzigdSinds=gisteren', token: w.tokenA.token });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ fouten: { veld: string }[] }>().fouten[0]?.veld, 'gewijzigdSinds');
    assert.ok(w.contract.checked > 40, `checked ${String(w.contract.checked)} answers against the contract`);
  });
});

async function adminOf(t: TestApp, organisationId: string) {
  const row = await t.db.selectFrom('users').select(['id', 'email']).where('organisationId', '=', organisationId).where('role', '=', 'partnerbeheerder').executeTakeFirstOrThrow();
  return { id: row.id, email: row.email, password: '', role: 'partnerbeheerder' as const, organisationId };
}
