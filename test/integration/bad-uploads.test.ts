/**
 * Every bad upload over HTTP, one data-driven table (D3, ASVS 5.2.1, 5.2.2, 5.2.3; issue 13 item 5):
 * each row is a file posted through "Document toevoegen" with the expected status, the expected
 * Dutch message, and "nothing stored" (no row, no file, no temporary file) checked for that row.
 * The content classes come from test/support/bad-uploads.ts (the unit test runs the same rows
 * through the content check); here come the classes only HTTP has: names, a missing file, the size
 * limit, a body over it (413, refused before it is read) and the daily quota of a user.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { it } from 'node:test';
import { brusselsDay } from '../../src/domain/documents/upload-quota.ts';
import { messages } from '../../src/http/messages/index.ts';
import { BAD_UPLOADS, says } from '../support/bad-uploads.ts';
import { filesUnder } from '../support/blob-store.ts';
import { BOUNDARY, MEDIA_TYPES, PDF, pdfOfSize, type MultipartPart } from '../support/documents.ts';
import { aClient, anAttest, anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { loggedInOnce, WebSession } from '../support/web-session.ts';

const MB = 1024 * 1024;
/** Small quotas for this suite, so that a few uploads reach them. */
const QUOTA = { UPLOAD_QUOTA_PER_DAY: '3', UPLOAD_QUOTA_BYTES_PER_DAY: String(30 * MB) };

async function world(t: TestApp) {
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const client = await aClient(t.db);
  await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, t.clock.today());
  return {
    clientId: client.id,
    // One user for the table (its refused uploads count for nothing), one per quota.
    begeleider: await aUser(t.db, 'begeleider', partner),
    busy: await aUser(t.db, 'begeleider', partner),
    heavy: await aUser(t.db, 'begeleider', partner),
  };
}

type Row = Readonly<{
  what: string;
  file: () => MultipartPart | undefined;
  /** Who uploads (default: the table's begeleider). */
  user?: 'busy' | 'heavy';
  status: number;
  /** The Dutch message at the field (400) or the page's title (413). */
  message: string;
}>;

const document = (fileName: string, data: Buffer, contentType: string): MultipartPart => ({ name: 'document', fileName, contentType, data });

const ROWS: readonly Row[] = [
  ...BAD_UPLOADS.map((bad): Row => ({ what: bad.what, file: () => document(bad.name, bad.bytes(), bad.type), status: 400, message: bad.message })),
  { what: 'a file name with path parts', file: () => document('../../x.pdf', PDF, MEDIA_TYPES.pdf), status: 400, message: says('naam-ongeldig') },
  { what: 'a file name with control characters', file: () => document('verslag\u0007\u001b.pdf', PDF, MEDIA_TYPES.pdf), status: 400, message: says('naam-ongeldig') },
  { what: 'no file chosen', file: () => document('', Buffer.alloc(0), 'application/octet-stream'), status: 400, message: says('geen-bestand') },
  { what: 'no file part at all', file: () => undefined, status: 400, message: says('geen-bestand') },
  { what: 'a PDF one byte over 20 MB (the body within its limit)', file: () => document('groot.pdf', pdfOfSize(20 * MB + 1), MEDIA_TYPES.pdf), status: 400, message: says('te-groot') },
  { what: 'a body over the limit (a 21 MB PDF): 413, refused before it is read', file: () => document('groot.pdf', pdfOfSize(21 * MB), MEDIA_TYPES.pdf), status: 413, message: messages.errors.tooLargeTitle },
  { what: 'the fourth upload of a day with UPLOAD_QUOTA_PER_DAY=3', user: 'busy', file: () => document('plan.pdf', PDF, MEDIA_TYPES.pdf), status: 400, message: says('quotum') },
  { what: 'a file larger than what is left of UPLOAD_QUOTA_BYTES_PER_DAY (12 of 30 MB)', user: 'heavy', file: () => document('plan.pdf', pdfOfSize(13 * MB), MEDIA_TYPES.pdf), status: 400, message: says('quotum') },
];

/** Field messages of the page ("Fout:" hidden before each). */
function errorMessages(body: string): string[] {
  return [...body.matchAll(/<p id="[^"]*-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Fout:<\/span>([^<]*)<\/p>/g)].map((m) =>
    (m[1] ?? '').trim().replace(/&#39;/g, "'").replace(/&quot;/g, '"'),
  );
}

describeOnEachDatabase('every bad upload over HTTP', world, (get) => {
  const newUrl = (): string => `/dossiers/${get().data.clientId}/documenten/nieuw`;
  const session = (user: TestUser): Promise<WebSession> => loggedInOnce(get().app, user);

  async function upload(user: TestUser, file: MultipartPart | undefined) {
    const browser = await session(user);
    await browser.get(newUrl());
    const parts: MultipartPart[] = [{ name: 'publicatienaam', value: 'Eindverslag outplacement' }, { name: 'soort', value: 'eindverslag' }];
    return browser.postMultipart(newUrl(), file === undefined ? parts : [...parts, file]);
  }

  async function stored() {
    const t = get();
    const rows = await t.db.selectFrom('documents').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return { rows: Number(rows.n), files: filesUnder(t.blobDir) };
  }

  /** The uploads that bring the quota users to their limits, made once before their rows. */
  let quotasReached: Promise<void> | undefined;
  function reachQuotas(): Promise<void> {
    quotasReached ??= (async () => {
      const { busy, heavy } = get().data;
      for (let i = 0; i < 3; i++) assert.equal((await upload(busy, document(`plan${String(i)}.pdf`, PDF, MEDIA_TYPES.pdf))).statusCode, 303, 'an upload within the quota');
      assert.equal((await upload(heavy, document('groot.pdf', pdfOfSize(18 * MB), MEDIA_TYPES.pdf))).statusCode, 303, '18 of the 30 MB');
    })();
    return quotasReached;
  }

  for (const row of ROWS) {
    it(`ASVS 5.2 D3 ${row.what}: ${String(row.status)} "${row.message.slice(0, 50)}…", nothing stored`, async () => {
      const { data } = get();
      if (row.user !== undefined) await reachQuotas();
      const before = await stored();
      const response = await upload(data[row.user ?? 'begeleider'], row.file());
      assert.equal(response.statusCode, row.status, row.what);
      if (row.status === 400) {
        const shown = errorMessages(response.body);
        assert.equal(shown.length, 1, JSON.stringify(shown));
        assert.ok(shown[0]?.startsWith(row.message), `expected "${row.message}", got "${shown[0] ?? ''}"`);
        assert.match(response.body, /name="publicatienaam" type="text"[^>]* value="Eindverslag outplacement"/, 'the input is kept');
      } else {
        assert.ok(response.body.includes(row.message), 'the Dutch page');
        assert.equal(response.headers.connection, 'close');
      }
      assert.deepEqual(await stored(), before, 'nothing stored: no row, no file, no temporary file');
    });
  }

  it('ASVS 5.2.1 the attest scan counts in the same daily quota: the busy user gets the same message there, nothing stored', async () => {
    await reachQuotas();
    const browser = await session(get().data.busy);
    await browser.get('/toegang-aanvragen');
    const before = await get().db.selectFrom('attest_requests').select('id').execute();
    const response = await browser.postMultipart('/toegang-aanvragen', [{ name: 'scan', fileName: 'attest.pdf', contentType: MEDIA_TYPES.pdf, data: PDF }]);
    assert.equal(response.statusCode, 400);
    assert.ok(errorMessages(response.body).some((message) => message.startsWith(says('quotum'))), JSON.stringify(errorMessages(response.body)));
    assert.deepEqual(await get().db.selectFrom('attest_requests').select('id').execute(), before);
  });

  it('ASVS 5.2.1 the quota is per calendar day in Brussels: the next day (00:00 Brussels) the busy user uploads again', async () => {
    await reachQuotas();
    const { app, clock, data } = get();
    const start = clock.now();
    /** A fresh login at the clock's time: the suite's session does not outlive a jump of hours. */
    const uploadNow = async (fileName: string) => {
      const browser = new WebSession(app);
      assert.equal((await browser.login(data.busy.email, data.busy.password)).statusCode, 303);
      await browser.get(newUrl());
      return browser.postMultipart(newUrl(), [{ name: 'publicatienaam', value: fileName }, { name: 'soort', value: 'ander' }, document(fileName, PDF, MEDIA_TYPES.pdf)]);
    };
    try {
      // One minute before the next midnight in Brussels (23:00 UTC in November, when TEST_NOW is).
      const midnight = brusselsDay(clock.today()).to;
      assert.equal(midnight.toISOString(), `${clock.today()}T23:00:00.000Z`);
      clock.set(new Date(midnight.getTime() - 60_000));
      const late = await uploadNow('laat.pdf');
      assert.equal(late.statusCode, 400, 'still the same day at 23:59 in Brussels');
      assert.ok(errorMessages(late.body)[0]?.startsWith(says('quotum')));
      clock.advanceMinutes(1);
      const next = await uploadNow('morgen.pdf');
      assert.equal(next.statusCode, 303, 'a new day at 00:00 in Brussels');
      const added = await get().db.selectFrom('documents').select('uploadedBy').where('publicationName', '=', 'morgen.pdf').execute();
      assert.deepEqual(added, [{ uploadedBy: data.busy.id }], 'the document is stored');
    } finally {
      clock.set(start);
    }
  });

  it('ASVS 5.2.1 a body over the limit is answered 413 and the connection closed before the body is sent whole', async () => {
    const t = get();
    const browser = await session(t.data.begeleider);
    await browser.get(newUrl());
    const before = await stored();
    const server = createServer((request, response) => {
      t.app.routing(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      const announced = 25 * MB;
      const first = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${browser.csrfToken ?? ''}\r\n`, 'utf8');
      const answer = new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.once('close', () => {
          resolve(text);
        });
      });
      socket.write(
        `POST ${newUrl()} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${browser.cookieHeader}\r\n` +
          `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${String(announced)}\r\n\r\n`,
      );
      socket.write(first);
      // Only the head and the first part are sent: the answer and the close must come without the rest.
      const text = await Promise.race([answer, new Promise<string>((resolve) => setTimeout(() => {
        resolve('no answer within 10 s');
      }, 10_000))]);
      assert.match(text, /^HTTP\/1\.1 413 /, text.slice(0, 200));
      assert.match(text, /\r\nconnection: close\r\n/i);
      assert.ok(text.includes(messages.errors.tooLargeTitle), 'the Dutch page');
      assert.ok(socket.bytesWritten < announced / 100, `${String(socket.bytesWritten)} bytes sent of ${String(announced)}`);
      socket.destroy();
      assert.deepEqual(await stored(), before);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
}, { config: QUOTA });
