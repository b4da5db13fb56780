/**
 * Partner API v1: documents of a dossier (issue 17, D1–D6) through HTTP, on both databases. The
 * upload is multipart through the same service and checks as "Document toevoegen" (D3: content
 * checks, policy, quota; refused files leave nothing behind), idempotent with an Idempotency-Key;
 * the download gives the stored bytes (D6); every read is recorded for A6 with the token's name as
 * channel. Every answer is validated against the OpenAPI document (test/support/api-contract.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiContract } from '../support/api-contract.ts';
import { anApiToken } from '../support/api-factories.ts';
import { says } from '../support/bad-uploads.ts';
import { filesUnder } from '../support/blob-store.ts';
import { BOUNDARY, DOCX, EXE, MEDIA_TYPES, multipartBody, PDF, docxWith, pdfOfSize, type MultipartPart } from '../support/documents.ts';
import { aClient, anAttest, anOrganisation, aUser } from '../support/factories.ts';
import { auditRows } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';

async function world({ db, services, clock, app }: TestApp) {
  const today = clock.today();
  const orgA = await anOrganisation(db, { name: 'Kantoor Alfa' });
  const orgB = await anOrganisation(db, { name: 'Kantoor Beta' });
  const adminA = await aUser(db, 'partnerbeheerder', orgA);
  const adminB = await aUser(db, 'partnerbeheerder', orgB);
  const ownA = await aClient(db);
  const onlyB = await aClient(db);
  await anAttest(db, 'running', { clientId: ownA.id, organisationId: orgA.id }, today);
  await anAttest(db, 'running', { clientId: onlyB.id, organisationId: orgB.id }, today);
  return {
    ownA,
    onlyB,
    tokenA: await anApiToken(services, adminA, { name: 'CRM Alfa' }),
    readA: await anApiToken(services, adminA, { name: 'Rapportering Alfa', scopes: ['dossiers:read'] }),
    tokenB: await anApiToken(services, adminB, { name: 'CRM Beta' }),
    contract: await ApiContract.of(app),
  };
}

type World = Awaited<ReturnType<typeof world>>;

const MB = 1024 * 1024;
const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

const fields = (name = 'Actieplan outplacement', kind = 'actieplan'): MultipartPart[] => [{ name: 'publicatienaam', value: name }, { name: 'soort', value: kind }];
const file = (fileName: string, data: Buffer, contentType: string): MultipartPart => ({ name: 'document', fileName, contentType, data });

describeOnEachDatabase('Partner API v1: documents', world, (get) => {
  const url = (w: World, clientId = w.ownA.id) => `/api/v1/klanten/${clientId}/documenten`;

  function upload(w: World, parts: readonly MultipartPart[], options: { token?: string; clientId?: string; key?: string } = {}) {
    const headers = { ...MULTIPART, ...(options.key === undefined ? {} : { 'idempotency-key': options.key }) };
    return w.contract.call({ method: 'POST', url: url(w, options.clientId), token: options.token ?? w.tokenA.token, body: multipartBody(parts), headers });
  }

  async function stored(t: TestApp) {
    const rows = await t.db.selectFrom('documents').select('id').execute();
    return { rows: rows.length, files: filesUnder(t.blobDir) };
  }

  test('D2 D3 D6 upload as multipart: 201 with the document and Location; listed (D1); the download gives the same bytes as an attachment', async () => {
    const { data: w } = get();
    const created = await upload(w, [...fields(), file('actieplan.pdf', PDF, MEDIA_TYPES.pdf)]);
    assert.equal(created.statusCode, 201, created.body);
    const document = created.json<{ id: string; soort: unknown; mediatype: string; grootte: number; inhoud: string; organisatie: string }>();
    assert.deepEqual(document.soort, { code: 'actieplan', label: 'Actieplan' });
    assert.equal(document.mediatype, 'application/pdf');
    assert.equal(document.grootte, PDF.length);
    assert.equal(document.organisatie, 'Kantoor Alfa');
    assert.equal(created.headers['location'], `${url(w)}/${document.id}/inhoud`);

    const list = await w.contract.call({ method: 'GET', url: url(w), token: w.tokenA.token });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json<{ documenten: { id: string }[] }>().documenten.map((d) => d.id), [document.id]);
    const filtered = await w.contract.call({ method: 'GET', url: `${url(w)}?soort=eindverslag`, token: w.tokenA.token });
    assert.deepEqual(filtered.json<{ documenten: unknown[] }>().documenten, []);

    const download = await w.contract.call({ method: 'GET', url: document.inhoud, token: w.tokenA.token });
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, PDF);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['content-disposition'], 'attachment; filename=actieplan.pdf');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(download.headers['cache-control'], 'no-store');
  });

  test('A6: the list is an opening and the download a download of the dossier, recorded as the organisation\'s system with the token\'s name as channel', async () => {
    const { data: w, db } = get();
    const created = await upload(w, [...fields('Ander document', 'ander'), file('brief.docx', DOCX, MEDIA_TYPES.docx)]);
    assert.equal(created.statusCode, 201, created.body);
    await w.contract.call({ method: 'GET', url: url(w), token: w.readA.token });
    const opened = (await auditRows(db, { action: 'dossier.geopend', clientId: w.ownA.id })).at(-1);
    assert.equal(opened?.details['kanaal'], 'Rapportering Alfa');
    assert.equal(opened.details['page'], 'documenten');
    await w.contract.call({ method: 'GET', url: created.json<{ inhoud: string }>().inhoud, token: w.readA.token });
    const downloaded = (await auditRows(db, { action: 'document.gedownload', clientId: w.ownA.id })).at(-1);
    assert.equal(downloaded?.details['kanaal'], 'Rapportering Alfa');
    assert.equal(downloaded.details['documentId'], created.json<{ id: string }>().id);
    const added = (await auditRows(db, { action: 'document.toegevoegd', clientId: w.ownA.id })).at(-1);
    assert.equal(added?.details['kanaal'], 'CRM Alfa');
  });

  test('D3 a file of the wrong kind (an executable named .pdf) is 415 problem+json with the form\'s Dutch reason; nothing stored', async () => {
    const t = get();
    const before = await stored(t);
    const refused = await upload(t.data, [...fields(), file('plan.pdf', EXE, MEDIA_TYPES.pdf)]);
    assert.equal(refused.statusCode, 415);
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    const problem = refused.json<{ type: string; reden: string; fouten: { veld: string; melding: string }[] }>();
    assert.equal(problem.type, '/api/problemen/bestand-geweigerd');
    assert.equal(problem.reden, 'type-niet-toegelaten');
    assert.equal(problem.fouten[0]?.veld, 'document');
    assert.ok(problem.fouten[0].melding.startsWith(says('type-niet-toegelaten')), problem.fouten[0].melding);
    assert.deepEqual(await stored(t), before, 'no row, no file, no temporary file');
  });

  test('D3 a DOCX with macros is 422 with its reason, and a missing Publicatienaam and Soort come along in `fouten`; nothing stored', async () => {
    const t = get();
    const before = await stored(t);
    const macro = docxWith({ name: 'word/vbaProject.bin', data: Buffer.from('macro') });
    const refused = await upload(t.data, [file('plan.docx', macro, MEDIA_TYPES.docx)]);
    assert.equal(refused.statusCode, 422);
    const problem = refused.json<{ reden: string; fouten: { veld: string; melding: string }[] }>();
    assert.equal(problem.reden, 'macro');
    assert.deepEqual(problem.fouten.map((f) => f.veld), ['document', 'publicatienaam', 'soort']);
    assert.ok(problem.fouten[0]?.melding.startsWith(says('macro')));
    // A good file with the fields missing: 400 with the form's messages.
    const noFields = await upload(t.data, [file('plan.pdf', PDF, MEDIA_TYPES.pdf)]);
    assert.equal(noFields.statusCode, 400);
    assert.deepEqual(noFields.json<{ fouten: { veld: string }[] }>().fouten.map((f) => f.veld), ['publicatienaam', 'soort']);
    // No file at all: 400 at the file field.
    const noFile = await upload(t.data, fields());
    assert.equal(noFile.statusCode, 400);
    assert.deepEqual(noFile.json<{ fouten: { veld: string; melding: string }[] }>().fouten, [{ veld: 'document', melding: says('geen-bestand') }]);
    assert.deepEqual(await stored(t), before);
  });

  test('ASVS 5.2.1 D3 a file over 20 MB is 413 (reden te-groot); a body over the limit is 413 unread, with Connection: close; nothing stored', async () => {
    const t = get();
    const before = await stored(t);
    const large = await upload(t.data, [...fields(), file('groot.pdf', pdfOfSize(20 * MB + 1), MEDIA_TYPES.pdf)]);
    assert.equal(large.statusCode, 413);
    assert.equal(large.json<{ reden: string }>().reden, 'te-groot');
    const body = await upload(t.data, [...fields(), file('groter.pdf', pdfOfSize(21 * MB), MEDIA_TYPES.pdf)]);
    assert.equal(body.statusCode, 413);
    assert.equal(body.json<{ type: string }>().type, '/api/problemen/te-groot');
    assert.equal(body.headers.connection, 'close');
    assert.deepEqual(await stored(t), before);
  });

  test('Idempotency-Key: the same key and upload give the first answer again (one document); another file with the key is 422', async () => {
    const t = get();
    const w = t.data;
    const parts = [...fields('Eindverslag', 'eindverslag'), file('eindverslag.pdf', PDF, MEDIA_TYPES.pdf)];
    const first = await upload(w, parts, { key: 'crm-doc-1' });
    const before = await stored(t);
    const again = await upload(w, parts, { key: 'crm-doc-1' });
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 201);
    assert.equal(again.body, first.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(await stored(t), before, 'the repeat stored nothing, its temporary file is gone');
    const other = await upload(w, [...fields('Eindverslag', 'eindverslag'), file('eindverslag.docx', DOCX, MEDIA_TYPES.docx)], { key: 'crm-doc-1' });
    assert.equal(other.statusCode, 422);
    assert.equal(other.json<{ type: string }>().type, '/api/problemen/idempotency-sleutel-hergebruikt');
    assert.deepEqual(await stored(t), before);
  });

  test('403 without the scope documenten:write; nothing stored', async () => {
    const t = get();
    const before = await stored(t);
    const response = await upload(t.data, [...fields(), file('plan.pdf', PDF, MEDIA_TYPES.pdf)], { token: t.data.readA.token });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json<{ type: string }>().type, '/api/problemen/geen-recht');
    assert.deepEqual(await stored(t), before);
  });

  test('A1: another organisation\'s client, an unknown or malformed client or document are the same 404, for list, upload and download; nothing stored', async () => {
    const t = get();
    const w = t.data;
    const own = await upload(w, [...fields('Van Alfa', 'ander'), file('alfa.pdf', PDF, MEDIA_TYPES.pdf)]);
    const ownContent = own.json<{ inhoud: string }>().inhoud;
    const before = await stored(t);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const calls = [
      w.contract.call({ method: 'GET', url: url(w, w.onlyB.id), token: w.tokenA.token }),
      w.contract.call({ method: 'GET', url: url(w, 'geen-uuid'), token: w.tokenA.token }),
      upload(w, [...fields(), file('plan.pdf', PDF, MEDIA_TYPES.pdf)], { clientId: w.onlyB.id }),
      upload(w, [...fields(), file('plan.pdf', PDF, MEDIA_TYPES.pdf)], { clientId: unknown }),
      // B has no access to A's client, so neither to its document.
      w.contract.call({ method: 'GET', url: ownContent, token: w.tokenB.token }),
      w.contract.call({ method: 'GET', url: `${url(w)}/${unknown}/inhoud`, token: w.tokenA.token }),
      w.contract.call({ method: 'GET', url: `${url(w)}/geen-uuid/inhoud`, token: w.tokenA.token }),
    ];
    const bodies: unknown[] = [];
    for (const response of await Promise.all(calls)) {
      assert.equal(response.statusCode, 404, response.body);
      const body = response.json<Record<string, unknown>>();
      delete body['instance'];
      bodies.push(body);
    }
    for (const body of bodies) assert.deepEqual(body, { type: '/api/problemen/niet-gevonden', title: 'Niet gevonden', status: 404 });
    assert.deepEqual(await stored(t), before);
    assert.ok(w.contract.checked > 20, `checked ${String(w.contract.checked)} answers against the contract`);
  });
});
