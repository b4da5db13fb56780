/**
 * Partner API v1: attest requests (issue 17, A2–A4) through HTTP, on both databases: a new request
 * with the scan (multipart, the same service, checks and messages as "Toegang aanvragen"), its
 * state with a stable code and Dutch label before and after the secretariaat decides, and an
 * extension with a new scan (A4). Refusals store nothing; creates are idempotent; another
 * organisation's request or dossier is the same 404 as an unknown one. Every answer is validated
 * against the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, addMonths, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import { ApiContract } from '../support/api-contract.ts';
import { anApiToken } from '../support/api-factories.ts';
import { filesUnder } from '../support/blob-store.ts';
import { BOUNDARY, DOCX, MEDIA_TYPES, multipartBody, PDF, type MultipartPart } from '../support/documents.ts';
import { aClient, anAttest, anOrganisation, aUser } from '../support/factories.ts';
import { auditRows } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';

async function world({ db, services, clock, app }: TestApp) {
  const today = clock.today();
  const orgA = await anOrganisation(db, { name: 'Kantoor Alfa' });
  const orgB = await anOrganisation(db, { name: 'Kantoor Beta' });
  const dienst = await anOrganisation(db, { kind: 'dienst', name: 'Dienst' });
  const adminA = await aUser(db, 'partnerbeheerder', orgA);
  const adminB = await aUser(db, 'partnerbeheerder', orgB);
  const ownA = await aClient(db);
  const onlyB = await aClient(db);
  await anAttest(db, 'running', { clientId: ownA.id, organisationId: orgA.id }, today);
  await anAttest(db, 'running', { clientId: onlyB.id, organisationId: orgB.id }, today);
  const secretariaat = await services.auth.currentActor((await aUser(db, 'secretariaat', dienst)).id);
  assert.ok(secretariaat !== undefined);
  return {
    today,
    ownA,
    onlyB,
    secretariaat,
    tokenA: await anApiToken(services, adminA, { name: 'CRM Alfa' }),
    readA: await anApiToken(services, adminA, { name: 'Rapportering Alfa', scopes: ['dossiers:read', 'documenten:write'] }),
    tokenB: await anApiToken(services, adminB, { name: 'CRM Beta' }),
    contract: await ApiContract.of(app),
  };
}

type World = Awaited<ReturnType<typeof world>>;
type Request = { id: string; soort: { code: string }; toestand: { code: string; label: string }; klantId: string | null; attestId: string | null; vorigeEinddatum: string | null; einddatum: string; insz: string };

const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
const SCAN: MultipartPart = { name: 'scan', fileName: 'attest.pdf', contentType: MEDIA_TYPES.pdf, data: PDF };

let serial = 300;
function requestFields(today: CalendarDate, overrides: Record<string, string> = {}): MultipartPart[] {
  serial += 1;
  const birth = '1975-04-12' as CalendarDate;
  const values: Record<string, string> = {
    insz: makeInsz(birth, serial),
    familienaam: `Api${String(serial)}`,
    voornaam: 'Anna',
    geboortedatum: birth,
    regime: 'algemeen',
    startdatum: addDays(today, -2),
    einddatum: addMonths(today, 6),
    ...overrides,
  };
  return Object.entries(values).map(([name, value]) => ({ name, value }));
}

describeOnEachDatabase('Partner API v1: attest requests', world, (get) => {
  function post(w: World, url: string, parts: readonly MultipartPart[], options: { token?: string; key?: string } = {}) {
    const headers = { ...MULTIPART, ...(options.key === undefined ? {} : { 'idempotency-key': options.key }) };
    return w.contract.call({ method: 'POST', url, token: options.token ?? w.tokenA.token, body: multipartBody(parts), headers });
  }
  const read = (w: World, id: string, token = w.tokenA.token) => w.contract.call({ method: 'GET', url: `/api/v1/aanvragen/${id}`, token });

  async function stored(t: TestApp) {
    const rows = await t.db.selectFrom('attest_requests').select('id').execute();
    return { rows: rows.length, files: filesUnder(t.blobDir) };
  }

  test('A2 a request with its scan: 201 Ingediend with Location; A3 after the secretariaat approves, the state reads goedgekeurd with the client and attest', async () => {
    const { data: w, services, db } = get();
    const created = await post(w, '/api/v1/aanvragen', [...requestFields(w.today), SCAN]);
    assert.equal(created.statusCode, 201, created.body);
    const request = created.json<Request>();
    assert.deepEqual(request.toestand, { code: 'ingediend', label: 'Ingediend' });
    assert.equal(request.soort.code, 'nieuw');
    assert.equal(request.klantId, null);
    assert.equal(created.headers['location'], `/api/v1/aanvragen/${request.id}`);
    const audit = (await auditRows(db, { action: 'attest.aangevraagd' })).at(-1);
    assert.equal(audit?.details['kanaal'], 'CRM Alfa');

    const approved = await services.attestHandling.decide(w.secretariaat, request.id, { action: 'goedkeuren', version: 1, originalReceived: true });
    assert.ok(approved.ok, JSON.stringify(approved));
    const after = await read(w, request.id);
    assert.equal(after.statusCode, 200);
    const state = after.json<Request>();
    assert.deepEqual(state.toestand, { code: 'goedgekeurd', label: 'Goedgekeurd' });
    assert.ok(state.klantId !== null && state.attestId !== null);
    // A1: the approved request opens the dossier to the organisation's token.
    assert.equal((await w.contract.call({ method: 'GET', url: `/api/v1/klanten/${state.klantId}`, token: w.tokenA.token })).statusCode, 200);
  });

  test('A2 D3 a scan of the wrong kind (a DOCX) is 415 with the reason at `scan`; the fields\' problems come along; nothing stored', async () => {
    const t = get();
    const w = t.data;
    const before = await stored(t);
    const refused = await post(w, '/api/v1/aanvragen', [...requestFields(w.today, { voornaam: '' }), { name: 'scan', fileName: 'attest.docx', contentType: MEDIA_TYPES.docx, data: DOCX }]);
    assert.equal(refused.statusCode, 415, refused.body);
    const problem = refused.json<{ type: string; reden: string; fouten: { veld: string; melding: string }[] }>();
    assert.equal(problem.type, '/api/problemen/bestand-geweigerd');
    assert.equal(problem.reden, 'type-niet-toegelaten');
    assert.equal(problem.fouten[0]?.veld, 'scan');
    assert.match(problem.fouten[0].melding, /^Het document moet een PDF, JPG of PNG zijn/);
    assert.deepEqual(problem.fouten.slice(1), [{ veld: 'voornaam', melding: 'Vul de voornaam in' }]);
    assert.deepEqual(await stored(t), before);
  });

  test('A2 the forms\' messages for every field at once: INSZ checksum, ISO dates, end after start, a missing scan; nothing stored', async () => {
    const t = get();
    const w = t.data;
    const before = await stored(t);
    const fields = requestFields(w.today, { insz: '85073003329', geboortedatum: '12/04/1975', einddatum: addDays(w.today, -5) });
    const response = await post(w, '/api/v1/aanvragen', fields);
    assert.equal(response.statusCode, 400, response.body);
    assert.deepEqual(response.json<{ fouten: unknown[] }>().fouten, [
      { veld: 'scan', melding: 'Kies de scan van het attest dat de klant ondertekende' },
      { veld: 'insz', melding: 'Dit INSZ-nummer bestaat niet: controleer de cijfers (het controlegetal klopt niet)' },
      { veld: 'geboortedatum', melding: 'Vul een bestaande datum in volgens ISO 8601, zoals 2026-11-29' },
      { veld: 'einddatum', melding: 'De einddatum moet na de startdatum liggen' },
    ]);
    assert.deepEqual(await stored(t), before);
  });

  test('Idempotency-Key: the same key and request give the first answer again (one request); the same key with another scan is 422', async () => {
    const t = get();
    const w = t.data;
    const parts = [...requestFields(w.today), SCAN];
    const first = await post(w, '/api/v1/aanvragen', parts, { key: 'crm-aanvraag-1' });
    assert.equal(first.statusCode, 201, first.body);
    const before = await stored(t);
    const again = await post(w, '/api/v1/aanvragen', parts, { key: 'crm-aanvraag-1' });
    assert.equal(again.statusCode, 201);
    assert.equal(again.body, first.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    const other = await post(w, '/api/v1/aanvragen', [...parts.slice(0, -1), { ...SCAN, data: Buffer.concat([PDF, Buffer.from('%extra\n')]) }], { key: 'crm-aanvraag-1' });
    assert.equal(other.statusCode, 422);
    assert.deepEqual(await stored(t), before);
    // Without the key the same request is refused by the rule: one open request per INSZ (A2).
    const twice = await post(w, '/api/v1/aanvragen', parts);
    assert.equal(twice.statusCode, 400);
    assert.equal(twice.json<{ fouten: { veld: string }[] }>().fouten[0]?.veld, 'insz');
  });

  test('403 without the scope aanvragen:write, to create and to read; nothing stored', async () => {
    const t = get();
    const w = t.data;
    const before = await stored(t);
    const create = await post(w, '/api/v1/aanvragen', [...requestFields(w.today), SCAN], { token: w.readA.token });
    assert.equal(create.statusCode, 403);
    const extension = await post(w, `/api/v1/klanten/${w.ownA.id}/verlengingen`, [{ name: 'einddatum', value: addMonths(w.today, 8) }, SCAN], { token: w.readA.token });
    assert.equal(extension.statusCode, 403);
    assert.equal((await read(w, '00000000-0000-4000-8000-000000000000', w.readA.token)).statusCode, 403);
    assert.deepEqual(await stored(t), before);
  });

  test('A4 an extension with a new scan: 201 verlenging with the previous end; an end before the current one is refused with the page\'s message', async () => {
    const t = get();
    const w = t.data;
    const url = `/api/v1/klanten/${w.ownA.id}/verlengingen`;
    const before = await stored(t);
    const early = await post(w, url, [{ name: 'einddatum', value: addMonths(w.today, 1) }, SCAN]);
    assert.equal(early.statusCode, 400, early.body);
    assert.match(early.json<{ fouten: { veld: string; melding: string }[] }>().fouten[0]?.melding ?? '', /^De nieuwe einddatum moet na de huidige einddatum/);
    const noScan = await post(w, url, [{ name: 'einddatum', value: addMonths(w.today, 8) }]);
    assert.equal(noScan.statusCode, 400);
    assert.deepEqual(noScan.json<{ fouten: unknown[] }>().fouten, [{ veld: 'scan', melding: 'Kies de scan van het attest dat de klant ondertekende' }]);
    assert.deepEqual(await stored(t), before);

    const created = await post(w, url, [{ name: 'einddatum', value: addMonths(w.today, 8) }, SCAN], { key: 'crm-verlenging-1' });
    assert.equal(created.statusCode, 201, created.body);
    const request = created.json<Request>();
    assert.equal(request.soort.code, 'verlenging');
    assert.equal(request.vorigeEinddatum, addMonths(w.today, 5));
    assert.equal(request.einddatum, addMonths(w.today, 8));
    assert.equal(request.klantId, w.ownA.id);
    const audit = (await auditRows(t.db, { action: 'attest.verlenging-aangevraagd', clientId: w.ownA.id })).at(-1);
    assert.equal(audit?.details['kanaal'], 'CRM Alfa');
  });

  test('A1: another organisation\'s request or dossier, an unknown or malformed id are the same 404; nothing stored', async () => {
    const t = get();
    const w = t.data;
    const ofA = await post(w, '/api/v1/aanvragen', [...requestFields(w.today), SCAN]);
    assert.equal(ofA.statusCode, 201);
    const before = await stored(t);
    const responses = [
      await read(w, ofA.json<Request>().id, w.tokenB.token),
      await read(w, '00000000-0000-4000-8000-000000000000'),
      await read(w, 'geen-uuid'),
      await post(w, `/api/v1/klanten/${w.onlyB.id}/verlengingen`, [{ name: 'einddatum', value: addMonths(w.today, 8) }, SCAN]),
      await post(w, '/api/v1/klanten/geen-uuid/verlengingen', [{ name: 'einddatum', value: addMonths(w.today, 8) }, SCAN]),
    ];
    for (const response of responses) {
      assert.equal(response.statusCode, 404, response.body);
      const body = response.json<Record<string, unknown>>();
      delete body['instance'];
      assert.deepEqual(body, { type: '/api/problemen/niet-gevonden', title: 'Niet gevonden', status: 404 });
    }
    assert.deepEqual(await stored(t), before);
    assert.ok(w.contract.checked > 20, `checked ${String(w.contract.checked)} answers against the contract`);
  });
});
