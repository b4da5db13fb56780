/**
 * Documents in the dossier over HTTP (D1–D6), as a consultant, service staff and a beheerder use
 * them: the upload form without JavaScript (the table of bad uploads of D3 is bad-uploads.test.ts), a cut upload, the download and its headers, access and its log,
 * withdrawal and the full log.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { createServer, type Server } from 'node:http';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { formatDate } from '../../src/domain/calendar-date.ts';
import { filesUnder } from '../support/blob-store.ts';
import {
  BOUNDARY,
  DOC,
  DOCX,
  HTML,
  JPG,
  MEDIA_TYPES,
  multipartBody,
  ODT,
  PDF,
  pdfOfSize,
  PNG,
  type MultipartPart,
} from '../support/documents.ts';
import { aClient, anAttest, anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const today = t.clock.today();
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const other = await anOrganisation(t.db, { name: 'Andere partner' });
  const former = await anOrganisation(t.db, { name: 'Vroegere partner' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  const client = await aClient(t.db);
  const second = await aClient(t.db);
  await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
  await anAttest(t.db, 'running', { clientId: second.id, organisationId: partner.id }, today);
  await anAttest(t.db, 'expired', { clientId: client.id, organisationId: former.id }, today);
  await anAttest(t.db, 'running', { clientId: second.id, organisationId: other.id }, today);
  return {
    today,
    client,
    second,
    begeleider: await aUser(t.db, 'begeleider', partner),
    vreemde: await aUser(t.db, 'begeleider', other),
    verlopen: await aUser(t.db, 'begeleider', former),
    secretariaat: await aUser(t.db, 'secretariaat', dienst),
    beheerder: await aUser(t.db, 'beheerder', dienst),
  };
}

/** Field messages of the page ("Fout:" hidden before each). */
function errorMessages(body: string): string[] {
  return [...body.matchAll(/<p id="[^"]*-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Fout:<\/span>([^<]*)<\/p>/g)].map((m) =>
    (m[1] ?? '').trim().replace(/&#39;/g, "'").replace(/&quot;/g, '"'),
  );
}

/** The rows of the first table: the cells' text. */
function tableRows(body: string): string[][] {
  const table = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
  return [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()),
  );
}

const file = (fileName: string, data: Buffer, contentType: string): MultipartPart => ({ name: 'document', fileName, contentType, data });

describeOnEachDatabase('Documents in the dossier', world, (get) => {
  const sessions = new Map<string, WebSession>();
  /** One login per user for the suite: the login's rate limit counts per address. */
  async function as(user: TestUser): Promise<WebSession> {
    const known = sessions.get(user.id);
    if (known !== undefined) return known;
    const session = new WebSession(get().app);
    assert.equal((await session.login(user.email, user.password)).statusCode, 303);
    sessions.set(user.id, session);
    return session;
  }

  const newUrl = (clientId: string): string => `/dossiers/${clientId}/documenten/nieuw`;

  async function upload(session: WebSession, clientId: string, parts: readonly MultipartPart[], options: { csrf?: string | null } = {}) {
    await session.get(newUrl(clientId));
    return session.postMultipart(newUrl(clientId), parts, options);
  }

  async function stored() {
    const t = get();
    const rows = await t.db.selectFrom('documents').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows: rows.n, files: filesUnder(t.blobDir) };
  }

  async function auditOf(clientId: string, action: string) {
    return get().db.selectFrom('audit_events').selectAll().where('clientId', '=', clientId).where('action', '=', action).orderBy('id').execute();
  }

  it('D2 "Voeg toe" on Traject opens "Document toevoegen" with Publicatienaam*, Soort, Document*, Bewaar and Annuleer', async () => {
    const { client, begeleider } = get().data;
    const session = await as(begeleider);
    const traject = await session.get(`/dossiers/${client.id}/begeleiding/traject`);
    assert.equal(traject.statusCode, 200);
    assert.match(traject.body, /<h2 class="govuk-heading-m">Documenten overzicht<\/h2>/);
    assert.match(traject.body, new RegExp(`href="/dossiers/${client.id}/documenten/nieuw">Voeg toe</a>`));
    assert.match(traject.body, new RegExp(`href="/dossiers/${client.id}/documenten/logging">Volledige logging</a>`));
    const form = await session.get(newUrl(client.id));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1 class="govuk-heading-l">Document toevoegen<\/h1>/);
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match(form.body, /<label class="govuk-label govuk-label--s" for="publicatienaam">\s*Publicatienaam \*/);
    assert.match(form.body, /<label class="govuk-label govuk-label--s" for="document">\s*Document \*/);
    for (const words of ['Actieplan', 'Eindverslag', 'Attest', 'Ander document', 'Bewaar', 'Annuleer']) assert.ok(form.body.includes(words), words);
    // The token is the form's first field, before the file.
    assert.ok(form.body.indexOf('name="_csrf"', form.body.indexOf('enctype')) < form.body.indexOf('name="document"'));
  });

  it('D2 D1 "Bewaar" adds the action plan: back on Traject with a confirmation, the new line on top with today as dd/mm/jjjj (issue 15 defect 12)', async () => {
    const { client, begeleider, today } = get().data;
    const session = await as(begeleider);
    const before = await stored();
    const first = await upload(session, client.id, [{ name: 'publicatienaam', value: 'Actieplan OP-211118' }, { name: 'soort', value: 'actieplan' }, file('Actieplan Dupont.pdf', PDF, MEDIA_TYPES.pdf)]);
    assert.equal(first.statusCode, 303, first.body);
    assert.equal(first.headers.location, `/dossiers/${client.id}/begeleiding/traject`);
    get().clock.advanceMinutes(1);
    const second = await upload(session, client.id, [{ name: 'publicatienaam', value: 'Actieplan OP-211118 herzien' }, { name: 'soort', value: 'actieplan' }, file('Actieplan v2.docx', DOCX, MEDIA_TYPES.docx)]);
    assert.equal(second.statusCode, 303, second.body);
    const traject = await session.get(`/dossiers/${client.id}/begeleiding/traject`);
    assert.match(traject.body, /Het document Actieplan OP-211118 herzien is toegevoegd\./);
    const date = formatDate(today);
    assert.deepEqual(tableRows(traject.body.slice(traject.body.indexOf('Documenten overzicht'))), [
      // Issue 15 defect 2: the own organisation may correct the kind (D7).
      ['Actieplan OP-211118 herzien', 'Actieplan', date, 'Soort wijzigen van Actieplan OP-211118 herzien'],
      ['Actieplan OP-211118', 'Actieplan', date, 'Soort wijzigen van Actieplan OP-211118'],
    ]);
    const after = await stored();
    assert.equal(after.rows, before.rows + 2);
    const row = await get().db.selectFrom('documents').selectAll().where('publicationName', '=', 'Actieplan OP-211118').executeTakeFirstOrThrow();
    assert.equal(row.fileName, 'Actieplan Dupont.pdf');
    assert.equal(row.mediaType, 'application/pdf');
    assert.equal(row.sizeBytes, PDF.length);
    assert.ok(after.files.includes(`${row.sha256.slice(0, 2)}/${row.sha256.slice(2, 4)}/${row.sha256}`), 'the blob is stored under its SHA-256');
    assert.ok(!after.files.some((f) => f.startsWith('tmp/')), 'no temporary file is left');
    const added = await auditOf(client.id, 'document.toegevoegd');
    assert.equal(added.length, 2);
    assert.equal(added[0]?.details['publicationName'], 'Actieplan OP-211118');
  });

  it('D3 accepted: PDF, DOCX, DOC, ODT, JPG and PNG, recognised by their content and stored with their own media type', async () => {
    const { second, begeleider } = get().data;
    const session = await as(begeleider);
    const cases = [
      ['plan.pdf', PDF, MEDIA_TYPES.pdf, 'application/pdf'],
      ['plan.docx', DOCX, 'application/octet-stream', MEDIA_TYPES.docx],
      ['plan.doc', DOC, MEDIA_TYPES.doc, MEDIA_TYPES.doc],
      ['plan.odt', ODT, MEDIA_TYPES.odt, MEDIA_TYPES.odt],
      ['scan.JPEG', JPG, 'image/jpeg', 'image/jpeg'],
      ['scan.png', PNG, 'image/png', 'image/png'],
    ] as const;
    for (const [fileName, data, declared, expected] of cases) {
      const response = await upload(session, second.id, [{ name: 'publicatienaam', value: `Bijlage ${fileName}` }, { name: 'soort', value: 'ander' }, file(fileName, data, declared)]);
      assert.equal(response.statusCode, 303, `${fileName}: ${errorMessages(response.body).join(', ')}`);
      const row = await get().db.selectFrom('documents').select('mediaType').where('publicationName', '=', `Bijlage ${fileName}`).executeTakeFirstOrThrow();
      assert.equal(row.mediaType, expected, fileName);
    }
  });

  it('D2 D3 the Publicatienaam is checked with the file: missing, too long, and missing with a bad file (the table of bad files: bad-uploads.test.ts)', async () => {
    const { client, begeleider } = get().data;
    const session = await as(begeleider);
    const kind = { name: 'soort', value: 'eindverslag' };
    const formats = 'PDF, DOCX, DOC, ODT, JPG of PNG';
    const before = await stored();
    const missingName = await upload(session, client.id, [{ name: 'publicatienaam', value: '  ' }, kind, file('verslag.pdf', PDF, MEDIA_TYPES.pdf)]);
    assert.equal(missingName.statusCode, 400);
    assert.deepEqual(errorMessages(missingName.body), ['Vul de publicatienaam in']);
    const tooLong = await upload(session, client.id, [{ name: 'publicatienaam', value: 'é'.repeat(201) }, kind, file('verslag.pdf', PDF, MEDIA_TYPES.pdf)]);
    assert.deepEqual(errorMessages(tooLong.body), ['De publicatienaam mag hoogstens 200 tekens bevatten']);
    const both = await upload(session, client.id, [{ name: 'publicatienaam', value: '' }, kind, file('verslag.pdf', HTML, MEDIA_TYPES.pdf)]);
    assert.deepEqual(errorMessages(both.body), ['Vul de publicatienaam in', `Het document moet een ${formats} zijn`]);
    assert.deepEqual(await stored(), before, 'nothing stored');
  });

  it('D3 an upload cut off half way leaves no row and no file', async () => {
    const t = get();
    const { client, begeleider } = t.data;
    const session = await as(begeleider);
    await session.get(newUrl(client.id));
    const body = multipartBody([
      { name: '_csrf', value: session.csrfToken ?? '' },
      { name: 'publicatienaam', value: 'Afgebroken' },
      { name: 'soort', value: 'actieplan' },
      file('groot.pdf', pdfOfSize(4 * 1024 * 1024), MEDIA_TYPES.pdf),
    ]);
    const before = await stored();
    const server: Server = createServer((request, response) => {
      t.app.routing(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const socket = connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      socket.on('error', () => undefined);
      socket.write(
        `POST ${newUrl(client.id)} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${session.cookieHeader}\r\n` +
          `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${body.length}\r\n\r\n`,
      );
      socket.write(body.subarray(0, Math.floor(body.length / 2)));
      // Wait until the upload is streaming into its temporary file, then cut the connection.
      for (let i = 0; i < 100 && !filesUnder(t.blobDir).some((f) => f.startsWith('tmp/')); i++) await sleep(20);
      assert.ok(filesUnder(t.blobDir).some((f) => f.startsWith('tmp/')), 'the upload was streaming to a temporary file');
      socket.destroy();
      for (let i = 0; i < 100 && filesUnder(t.blobDir).some((f) => f.startsWith('tmp/')); i++) await sleep(20);
      assert.deepEqual(await stored(), before, 'no row and no file');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('CSRF stays on for the multipart form: no token, a wrong one, or the token after the file is refused (403), nothing stored', async () => {
    const { client, begeleider } = get().data;
    const session = await as(begeleider);
    const parts: MultipartPart[] = [{ name: 'publicatienaam', value: 'Zonder token' }, { name: 'soort', value: 'ander' }, file('plan.pdf', PDF, MEDIA_TYPES.pdf)];
    const before = await stored();
    assert.equal((await upload(session, client.id, parts, { csrf: null })).statusCode, 403);
    assert.equal((await upload(session, client.id, parts, { csrf: 'nep-token' })).statusCode, 403);
    await session.get(newUrl(client.id));
    const late = await session.postMultipart(newUrl(client.id), [...parts, { name: '_csrf', value: session.csrfToken ?? '' }], { csrf: null });
    assert.equal(late.statusCode, 403);
    assert.deepEqual(await stored(), before);
  });

  it('D6 a download sends the original bytes as an attachment with a safe name, its media type, nosniff and no-store; logged (A6)', async () => {
    const { client, begeleider } = get().data;
    const session = await as(begeleider);
    get().clock.advanceMinutes(1);
    const created = await upload(session, client.id, [{ name: 'publicatienaam', value: 'Eindverslag Müller' }, { name: 'soort', value: 'eindverslag' }, file('Eindverslag Müller – ş; 1.pdf', PDF, MEDIA_TYPES.pdf)]);
    assert.equal(created.statusCode, 303);
    const row = await get().db.selectFrom('documents').selectAll().where('publicationName', '=', 'Eindverslag Müller').executeTakeFirstOrThrow();
    const traject = await session.get(`/dossiers/${client.id}/begeleiding/traject`);
    assert.match(traject.body, new RegExp(`<a class="govuk-link" href="/dossiers/${client.id}/documenten/${row.id}" download>Eindverslag Müller</a>`));
    const download = await session.get(`/dossiers/${client.id}/documenten/${row.id}`);
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, PDF);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['content-disposition'], `attachment; filename="Eindverslag Muller _ s; 1.pdf"; filename*=UTF-8''Eindverslag%20M%C3%BCller%20%E2%80%93%20%C5%9F%3B%201.pdf`);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(download.headers['cache-control'], 'no-store');
    assert.equal(download.headers['content-length'], String(PDF.length));
    const logged = await auditOf(client.id, 'document.gedownload');
    assert.equal(logged.at(-1)?.details['documentId'], row.id);
    assert.equal(logged.at(-1)?.actorUserId, begeleider.id);
  });

  it('D6 A1 another organisation, an expired attest and an unknown document get 404 on download and list, each refusal logged', async () => {
    const t = get();
    const { client, vreemde, verlopen, begeleider } = t.data;
    const row = await t.db.selectFrom('documents').select('id').where('clientId', '=', client.id).executeTakeFirstOrThrow();
    const own = await as(begeleider);
    assert.equal((await own.get(`/dossiers/${client.id}/documenten/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
    assert.equal((await own.get(`/dossiers/${client.id}/documenten/niet-een-id`)).statusCode, 404);
    for (const user of [vreemde, verlopen]) {
      const session = await as(user);
      const refusedBefore = (await auditOf(client.id, 'dossier.geweigerd')).length;
      for (const path of [`/documenten/${row.id}`, '/documenten', '/begeleiding/traject', '/documenten/logging', '/documenten/nieuw']) {
        const response = await session.get(`/dossiers/${client.id}${path}`);
        assert.equal(response.statusCode, 404, `${user.email} ${path}`);
        assert.doesNotMatch(response.body, /Actieplan OP-211118/);
      }
      const refused = await auditOf(client.id, 'dossier.geweigerd');
      assert.equal(refused.length, refusedBefore + 5, 'each refusal is logged');
      assert.ok(refused.slice(refusedBefore).every((r) => r.actorUserId === user.id && r.details['reason'] === 'geen-toegang'));
    }
    const downloads = await auditOf(client.id, 'document.gedownload');
    assert.ok(!downloads.some((d) => d.actorUserId === vreemde.id || d.actorUserId === verlopen.id));
  });

  it('D6 a logged-out user is sent to "Aanmelden" and gets nothing; service staff may list and download (A5), logged', async () => {
    const t = get();
    const { client, secretariaat } = t.data;
    const row = await t.db.selectFrom('documents').select('id').where('clientId', '=', client.id).where('mediaType', '=', 'application/pdf').executeTakeFirstOrThrow();
    const anonymous = new WebSession(t.app);
    for (const path of [`/documenten/${row.id}`, '/documenten', '/documenten/logging']) {
      const response = await anonymous.get(`/dossiers/${client.id}${path}`);
      assert.equal(response.statusCode, 303, path);
      assert.equal(response.headers.location, '/aanmelden');
      assert.doesNotMatch(response.body, /PDF/);
    }
    const staff = await as(secretariaat);
    const tab = await staff.get(`/dossiers/${client.id}/documenten`);
    assert.equal(tab.statusCode, 200);
    assert.match(tab.body, /Actieplan OP-211118/);
    assert.doesNotMatch(tab.body, /Voeg toe/, 'service staff do not add documents');
    const download = await staff.get(`/dossiers/${client.id}/documenten/${row.id}`);
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, PDF);
    const opened = await t.db.selectFrom('audit_events').selectAll().where('clientId', '=', client.id).where('actorUserId', '=', secretariaat.id).orderBy('id').execute();
    assert.deepEqual(
      opened.map((e) => e.action),
      ['dossier.geopend', 'document.gedownload'],
    );
    assert.equal((await staff.get(newUrl(client.id))).statusCode, 403);
  });

  it('K1 the Documenten tab lists all documents with Toegevoegd door, and filters on Soort', async () => {
    const { client, begeleider } = get().data;
    const session = await as(begeleider);
    const tab = await session.get(`/dossiers/${client.id}/documenten`);
    assert.equal(tab.statusCode, 200);
    assert.match(tab.body, /aria-current="page"[^>]*>\s*Documenten|Documenten[\s\S]{0,80}aria-current/);
    const all = tableRows(tab.body);
    assert.deepEqual(
      all.map((r) => [r[0], r[1], r[3]]),
      [
        ['Eindverslag Müller', 'Eindverslag', 'Koers'],
        ['Actieplan OP-211118 herzien', 'Actieplan', 'Koers'],
        ['Actieplan OP-211118', 'Actieplan', 'Koers'],
      ],
    );
    const plans = await session.get(`/dossiers/${client.id}/documenten?soort=actieplan`);
    assert.deepEqual(
      tableRows(plans.body).map((r) => r[0]),
      ['Actieplan OP-211118 herzien', 'Actieplan OP-211118'],
    );
    assert.match(plans.body, /<option value="actieplan" selected>Actieplan<\/option>/);
    const none = await session.get(`/dossiers/${client.id}/documenten?soort=attest`);
    assert.match(none.body, /Er zijn geen documenten van deze soort\./);
  });

  it('D4 a partner cannot change or remove a document; a beheerder withdraws one with a reason: gone from the overviews, file kept, logged', async () => {
    const t = get();
    const { client, begeleider, beheerder } = t.data;
    const row = await t.db.selectFrom('documents').selectAll().where('publicationName', '=', 'Actieplan OP-211118').executeTakeFirstOrThrow();
    const partner = await as(begeleider);
    assert.equal((await partner.get(`/dossiers/${client.id}/documenten/${row.id}/intrekken`)).statusCode, 403);
    assert.equal((await partner.post(`/dossiers/${client.id}/documenten/${row.id}/intrekken`, { reden: 'weg ermee' })).statusCode, 403);
    // The database itself keeps documents (D4): no change, no removal.
    await assert.rejects(sql`update documents set publication_name = 'Anders' where id = ${row.id}`.execute(t.db), /D4/);
    await assert.rejects(sql`delete from documents where id = ${row.id}`.execute(t.db), /D4/);

    const admin = await as(beheerder);
    const tab = await admin.get(`/dossiers/${client.id}/documenten`);
    assert.match(tab.body, new RegExp(`href="/dossiers/${client.id}/documenten/${row.id}/intrekken">Intrekken`));
    const form = await admin.get(`/dossiers/${client.id}/documenten/${row.id}/intrekken`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1 class="govuk-heading-l">Document intrekken<\/h1>/);
    const empty = await admin.post(`/dossiers/${client.id}/documenten/${row.id}/intrekken`, { reden: ' ' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorMessages(empty.body), ['Vul de reden van de intrekking in']);
    const done = await admin.post(`/dossiers/${client.id}/documenten/${row.id}/intrekken`, { reden: 'Verkeerde klant' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/dossiers/${client.id}/documenten`);
    const after = await admin.get(`/dossiers/${client.id}/documenten`);
    assert.match(after.body, /Het document Actieplan OP-211118 is ingetrokken\./);
    assert.ok(!tableRows(after.body).some((r) => r[0] === 'Actieplan OP-211118'));
    const traject = await partner.get(`/dossiers/${client.id}/begeleiding/traject`);
    assert.ok(!tableRows(traject.body.slice(traject.body.indexOf('Documenten overzicht'))).some((r) => r[0] === 'Actieplan OP-211118'));
    assert.equal((await partner.get(`/dossiers/${client.id}/documenten/${row.id}`)).statusCode, 404);
    assert.ok(filesUnder(t.blobDir).includes(`${row.sha256.slice(0, 2)}/${row.sha256.slice(2, 4)}/${row.sha256}`), 'the file is kept');
    const kept = await t.db.selectFrom('documents').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(kept.withdrawalReason, 'Verkeerde klant');
    assert.equal(kept.withdrawnByLabel, 'Test beheerder');
    assert.equal((await auditOf(client.id, 'document.ingetrokken'))[0]?.details['reason'], 'Verkeerde klant');
    assert.equal((await admin.get(`/dossiers/${client.id}/documenten/${row.id}/intrekken`)).statusCode, 404, 'withdrawn once');
  });

  it('D5 "Volledige logging" shows who added, downloaded or withdrew which document, when, newest first, paged', async () => {
    const t = get();
    const { client, begeleider } = t.data;
    const session = await as(begeleider);
    const log = await session.get(`/dossiers/${client.id}/documenten/logging`);
    assert.equal(log.statusCode, 200);
    const rows = tableRows(log.body);
    assert.deepEqual(
      rows.slice(0, 3).map((r) => [r[1], r[2], r[3]?.split(' (')[0]]),
      [
        ['Test beheerder (Dienst)', 'Ingetrokken', 'Actieplan OP-211118'],
        ['Test secretariaat (Dienst)', 'Gedownload', 'Actieplan OP-211118'],
        ['Test begeleider (Koers)', 'Gedownload', 'Eindverslag Müller'],
      ],
    );
    assert.match(log.body, /Reden: Verkeerde klant/);
    assert.ok(rows.some((r) => r[1] === 'Test begeleider (Koers)' && r[2] === 'Toegevoegd' && r[3]?.startsWith('Actieplan OP-211118 (Actieplan)')));
    assert.match(rows[0]?.[0] ?? '', /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    // Enough downloads for a second page.
    const row = await t.db.selectFrom('documents').select('id').where('publicationName', '=', 'Eindverslag Müller').executeTakeFirstOrThrow();
    for (let i = 0; i < 25; i++) assert.equal((await session.get(`/dossiers/${client.id}/documenten/${row.id}`)).statusCode, 200);
    const first = await session.get(`/dossiers/${client.id}/documenten/logging`);
    assert.equal(tableRows(first.body).length, 25);
    assert.match(first.body, /Pagina 1 van 2/);
    assert.match(first.body, /href="\/dossiers\/[^"]+\/documenten\/logging\?pagina=2"/);
    const secondPage = await session.get(`/dossiers/${client.id}/documenten/logging?pagina=2`);
    assert.match(secondPage.body, /Pagina 2 van 2/);
    const total = (await t.db.selectFrom('audit_events').select('id').where('clientId', '=', client.id).where('action', 'like', 'document.%').execute()).length;
    assert.equal(tableRows(secondPage.body).length, total - 25);
    assert.ok(tableRows(secondPage.body).some((r) => r[2] === 'Toegevoegd' && r[3]?.startsWith('Actieplan OP-211118 (Actieplan)')), 'the oldest line is on the last page');
  });

  it('D1 done when: an action plan, a revised plan and a final report are all in the overview and the log', async () => {
    const { second, begeleider } = get().data;
    const session = await as(begeleider);
    for (const [name, kind] of [['Actieplan A', 'actieplan'], ['Actieplan A herzien', 'actieplan'], ['Eindverslag outplacement', 'eindverslag']] as const) {
      get().clock.advanceMinutes(1);
      assert.equal((await upload(session, second.id, [{ name: 'publicatienaam', value: name }, { name: 'soort', value: kind }, file(`${name}.pdf`, PDF, MEDIA_TYPES.pdf)])).statusCode, 303);
    }
    const traject = await session.get(`/dossiers/${second.id}/begeleiding/traject`);
    const names = tableRows(traject.body.slice(traject.body.indexOf('Documenten overzicht'))).map((r) => r[0]);
    assert.deepEqual(names.slice(0, 3), ['Eindverslag outplacement', 'Actieplan A herzien', 'Actieplan A']);
    const log = await session.get(`/dossiers/${second.id}/documenten/logging?terug=documenten`);
    for (const name of ['Eindverslag outplacement', 'Actieplan A herzien', 'Actieplan A']) assert.ok(tableRows(log.body).some((r) => r[2] === 'Toegevoegd' && r[3]?.startsWith(`${name} (`)), name);
    assert.match(log.body, /Terug naar Documenten/);
  });
});
