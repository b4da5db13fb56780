/**
 * Issue 14 item 7: the portal as `npm run cluster` starts it (scripts/cluster/start-cluster.ts):
 * three instances (`node src/main.ts`) on one fresh PostgreSQL database and one S3 server
 * (s3rver), behind nginx. Which instance answered shows in the `X-Instance-Id` header; nginx
 * runs one worker, so its round robin is steered (test/support/cluster-http.ts).
 *
 * The instances are child processes on the machine's clock (as in the SIGTERM test of
 * shutdown.test.ts): nothing here depends on the date; the windows and sessions only have to
 * last the few seconds of the test. Skipped without nginx or TEST_DATABASE_URL, except on CI
 * (CI=true), where a missing nginx, Chromium or database is a failure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { S3Client } from '@aws-sdk/client-s3';
import type { Browser, Page, Response } from 'playwright-core';
import { nginxInstalled, NGINX_PATH } from '../../scripts/cluster/nginx.ts';
import { S3RVER_CREDENTIALS, startCluster, type Cluster, type ClusterInstance } from '../../scripts/cluster/start-cluster.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { messages } from '../../src/http/messages/index.ts';
import { settableClock } from '../../src/services/clock.ts';
import { createBlobUpkeepService } from '../../src/services/documents/blob-upkeep-service.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { createS3BlobStore } from '../../src/storage/s3-blob-store.ts';
import { chromiumInstalled, CHROMIUM_PATH, launchChromium } from '../support/browser.ts';
import { ClusterSession, halfSentUpload, steerTo, uploadBody } from '../support/cluster-http.ts';
import { TEST_NOW } from '../support/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { PDF, pdfOfSize } from '../support/documents.ts';
import { AttestQueuePage, openFromNavigation } from './pages/attests-pages.ts';
import { DocumentLogPage, TrajectDocumentsPage, type DocumentFormPage } from './pages/documents-pages.ts';
import type { ConfirmPage } from './pages/confirm-page.ts';
import { LoginPage, logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';

const ORDER = ['portaal-a', 'portaal-b', 'portaal-c'] as const;
const required = process.env['CI'] === 'true';
const missing = [
  ...(nginxInstalled() ? [] : [`nginx (${NGINX_PATH})`]),
  ...(chromiumInstalled() ? [] : [`Chromium (${CHROMIUM_PATH})`]),
  ...(process.env['TEST_DATABASE_URL'] === undefined ? ['TEST_DATABASE_URL'] : []),
];
const skip = missing.length > 0 && !required ? `${missing.join(', ')} ontbreekt: clustertest overgeslagen` : false;

describe('three instances behind nginx on one PostgreSQL and one S3 server (issue 14 item 7)', { skip, timeout: 170_000 }, () => {
  let database: TestDatabase;
  let cluster: Cluster;
  let browser: Browser;

  before(async () => {
    if (missing.length > 0) throw new Error(`${missing.join(', ')} ontbreekt en CI=true: de clustertest moet lopen.`);
    database = await createTestDatabase('postgres');
    if (database.target.kind !== 'postgres') throw new Error('expected PostgreSQL');
    [cluster, browser] = await Promise.all([
      startCluster({ databaseUrl: database.target.url, env: { SHUTDOWN_DEADLINE_SECONDS: '10', UPLOAD_QUOTA_PER_DAY: '100000' } }),
      launchChromium(),
    ]);
  });

  after(async () => {
    await browser.close();
    await cluster.stop();
    await database.drop();
  });

  function instance(id: (typeof ORDER)[number]): ClusterInstance {
    const found = cluster.instances.find((i) => i.id === id);
    if (found === undefined) throw new Error(`no ${id}`);
    return found;
  }

  /** Does `action` on a page that has loaded (its styles and scripts too), with the round robin steered to `target`; returns the instance that answered. */
  async function steered(page: Page, target: string, answers: (response: Response) => boolean, action: () => Promise<unknown>): Promise<string> {
    await page.waitForLoadState('load');
    await steerTo(cluster.url, ORDER, target);
    const [response] = await Promise.all([page.waitForResponse(answers), action()]);
    return (await response.headerValue('x-instance-id')) ?? 'geen';
  }

  const post = (pathname: RegExp) => (response: Response) => response.request().method() === 'POST' && pathname.test(new URL(response.url()).pathname);
  
  it('issue 14 item 7: in the browser, login, upload, download, the attest approval and the change log each land on another instance than the step before, all three used', async () => {
    const newPage = async (): Promise<Page> => {
      const context = await browser.newContext({ baseURL: cluster.url, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
      context.setDefaultTimeout(15_000);
      // Chromium's own request for the icon would take a turn of the round robin at an unknown moment.
      await context.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
      return context.newPage();
    };
    const landed: Record<string, string> = {};
    const name = 'Verslag via drie instanties';

    const page = await newPage();
    const login = await LoginPage.open(page);
    await page.getByLabel('E-mailadres').fill('begeleider@demo.be');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    landed['aanmelden'] = await steered(page, 'portaal-a', post(/^\/aanmelden$/), () => login.submit());
    // Unsteered, both at once (the steps that count come after): the begeleider to "Document
    // toevoegen", the secretariaat to the confirmation of an attest request's approval.
    const toForm = async (): Promise<DocumentFormPage> => {
      const portrait = await (await MyClientsPage.verifyOnPage(page)).openClient('Ann Janssens');
      await (await portrait.openBegeleiding()).openTraject();
      return (await TrajectDocumentsPage.verifyOnPage(page)).addDocument();
    };
    const staff = await newPage();
    const toApproval = async (): Promise<{ client: string; confirm: ConfirmPage }> => {
      await logInAs(staff, 'secretariaat@demo.be');
      await openFromNavigation(staff, 'Te behandelen attesten');
      const [client] = await (await AttestQueuePage.verifyOnPage(staff)).clients();
      assert.ok(client !== undefined, 'the demo data have a request to approve');
      const detail = await (await AttestQueuePage.verifyOnPage(staff)).open(client);
      await detail.markOriginalReceived();
      return { client, confirm: await detail.pressApprove() };
    };
    const [form, { client, confirm }] = await Promise.all([toForm(), toApproval()]);
    await form.fill({ publicationName: name, kind: 'Ander document', file: { name: 'verslag.pdf', mimeType: 'application/pdf', buffer: PDF } });
    landed['opladen'] = await steered(page, 'portaal-b', post(/\/documenten\/nieuw$/), () => form.save());
    const traject = await TrajectDocumentsPage.verifyOnPage(page);
    assert.equal(await traject.successMessage(), `Het document ${name} is toegevoegd.`);

    // The document's link, fetched with the browser's session (a download raises no response event in the page).
    const href = await page.getByRole('table', { name: 'Documenten overzicht, nieuwste eerst' }).getByRole('link', { name, exact: true }).getAttribute('href');
    assert.match(href ?? '', /\/documenten\/[0-9a-f-]{36}$/);
    await page.waitForLoadState('load');
    await steerTo(cluster.url, ORDER, 'portaal-c');
    const download = await page.request.get(href ?? '');
    assert.equal(download.status(), 200);
    landed['downloaden'] = download.headers()['x-instance-id'] ?? 'geen';
    const downloaded = await download.body();
    assert.ok(downloaded.equals(PDF), 'the bytes downloaded (from S3, through another instance) are the uploaded ones');

    landed['goedkeuren'] = await steered(staff, 'portaal-a', post(/^\/attesten\//), () => confirm.confirm('Ja, keur de aanvraag goed'));
    assert.match((await (await AttestQueuePage.verifyOnPage(staff)).successMessage()) ?? '', new RegExp(`De aanvraag voor ${client} is goedgekeurd`));

    landed['logging'] = await steered(page, 'portaal-b', (response) => response.request().isNavigationRequest(), () => traject.openFullLog());
    const lines = await (await DocumentLogPage.verifyOnPage(page)).lines();
    assert.deepEqual(
      lines.filter((line) => line.document.startsWith(name)).map((line) => line.action),
      ['Gedownload', 'Toegevoegd'],
      'the change log shows the upload and the download, each made on another instance',
    );

    const steps = Object.values(landed);
    assert.equal(steps.length, 5);
    for (let i = 1; i < steps.length; i++) assert.notEqual(steps[i], steps[i - 1], `step ${i} landed where the step before did: ${JSON.stringify(landed)}`);
    assert.deepEqual(new Set(steps), new Set(ORDER), `all three instances answered a step: ${JSON.stringify(landed)}`);
  });

  it('issue 14 items 3 and 7: the per-IP login limit (30 per 15 minutes) is reached across the three instances; each refuses the 31st post', async () => {
    const session = new ClusterSession(cluster.url, '203.0.113.77');
    await session.get('/aanmelden');
    const counted: string[] = [];
    // Forms without a password (400): the growing delay counts wrong passwords only and plays no part.
    for (let i = 1; i <= 30; i++) {
      const answer = await session.post('/aanmelden', { email: `onbekend.${i}@test.be`, password: '' });
      assert.equal(answer.status, 400, `post #${i}`);
      counted.push(answer.instance ?? 'geen');
    }
    assert.deepEqual(new Set(counted), new Set(ORDER), 'the 30 counted posts went to all three instances');
    const refusedBy = new Set<string>();
    for (let i = 0; i < 6 && refusedBy.size < ORDER.length; i++) {
      const refused = await session.post('/aanmelden', { email: 'begeleider@demo.be', password: DEMO_PASSWORD });
      assert.equal(refused.status, 429, 'past the limit, the right password too is refused');
      assert.ok(refused.body.includes(messages.login.tooManyAttempts), 'the Dutch message');
      refusedBy.add(refused.instance ?? 'geen');
    }
    assert.deepEqual(refusedBy, new Set(ORDER), 'every instance refuses');
  });

  it('issue 14 items 5 and 7: an instance killed (SIGKILL) in the middle of an upload and one stopped (SIGTERM) under load: every upload answered with success is kept with all its bytes, no half document is visible, no row misses its bytes (the check of storage:verify)', async (t) => {
    const session = new ClusterSession(cluster.url, '203.0.113.90');
    await session.get('/aanmelden');
    assert.equal((await session.post('/aanmelden', { email: 'begeleider@demo.be', password: DEMO_PASSWORD })).status, 303);
    const dossierId = /\/dossiers\/([0-9a-f-]{36})/.exec((await session.get('/klanten')).body)?.[1];
    assert.ok(dossierId !== undefined, 'a client of the demo data');
    await session.get(`/dossiers/${dossierId}/documenten/nieuw`);

    // SIGKILL to portaal-c with half of a 4 MB upload in: nginx answers 502, and nothing of it is kept.
    const killed = instance('portaal-c');
    await steerTo(cluster.url, ORDER, killed.id);
    const cut = halfSentUpload(cluster.url, `/dossiers/${dossierId}/documenten/nieuw`, session.headers, uploadBody(session.csrfToken, 'Afgebroken opladen', pdfOfSize(4 * 1024 * 1024)));
    await sleep(700);
    process.kill(-(killed.child.pid ?? 0), 'SIGKILL');
    assert.deepEqual(await killed.exited, { code: null, signal: 'SIGKILL' });
    cut.finish();
    const cutAnswer = await cut.answer;
    assert.ok(!('status' in cutAnswer) || (cutAnswer.status >= 500 && cutAnswer.instance === undefined), `the cut upload got no success answer: ${JSON.stringify(cutAnswer)}`);

    // Load on the two instances left, SIGTERM to portaal-b in the middle of it.
    const stopped = instance('portaal-b');
    const sent = new Map<string, Buffer>();
    const answers: Array<{ name: string; status: number; instance: string | null }> = [];
    let running = true;
    let serial = 0;
    const worker = async (): Promise<void> => {
      while (running) {
        const n = serial++;
        const name = `Last ${String(n)}`;
        // Each file its own content (stored once per content) and size.
        const file = pdfOfSize(20_000 + n);
        sent.set(name, file);
        const answer = await session.upload(dossierId, name, file).catch(() => ({ status: 0, instance: null }));
        answers.push({ name, status: answer.status, instance: answer.instance });
      }
    };
    const successes = (): number => answers.filter((a) => a.status === 303).length;
    const workers = [worker(), worker(), worker(), worker()];
    for (let i = 0; i < 100 && successes() < 8; i++) await sleep(100);
    stopped.child.kill('SIGTERM');
    const exit = await stopped.exited;
    const atStop = successes();
    for (let i = 0; i < 100 && successes() < atStop + 8; i++) await sleep(100);
    running = false;
    await Promise.all(workers);

    assert.deepEqual(exit, { code: 0, signal: null }, `portaal-b stops cleanly:\n${stopped.output()}`);
    const ok = answers.filter((a) => a.status === 303);
    t.diagnostic(`uploads under load: ${String(answers.length)} sent, ${String(ok.length)} answered 303 (${String(atStop)} before portaal-b stopped), others: ${JSON.stringify(answers.filter((a) => a.status !== 303).map((a) => a.status))}`);
    assert.ok(ok.some((a) => a.instance === stopped.id), 'portaal-b took uploads before it stopped');
    assert.ok(successes() > atStop, 'the load went on after portaal-b stopped');

    const rows = await database.db.selectFrom('documents').select(['id', 'publicationName']).where('publicationName', 'like', 'Last %').execute();
    const kept = new Map(rows.map((row) => [row.publicationName, row]));
    for (const answer of ok) assert.ok(kept.has(answer.name), `${answer.name} was answered 303 by ${String(answer.instance)} and is kept`);
    for (const row of rows) {
      const file = sent.get(row.publicationName);
      assert.ok(file !== undefined, `${row.publicationName} was sent`);
      const download = await fetch(`${cluster.url}/dossiers/${dossierId}/documenten/${row.id}`, { headers: session.headers });
      assert.equal(download.status, 200, `${row.publicationName} downloads`);
      assert.ok(Buffer.from(await download.arrayBuffer()).equals(file), `${row.publicationName}: all its bytes, none other`);
    }
    assert.equal(await database.db.selectFrom('documents').select('id').where('publicationName', '=', 'Afgebroken opladen').executeTakeFirst(), undefined, 'no row of the cut upload');

    // What `npm run storage:verify` checks, on the instances' configuration: every row's bytes are in the bucket.
    const clock = settableClock(TEST_NOW);
    const { endpoint, bucket } = cluster.s3;
    const client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: S3RVER_CREDENTIALS });
    const store = createS3BlobStore({ client, bucket, endpoint, clock });
    const report = await createBlobUpkeepService({ db: database.db, repos: createRepositories(), clock }, store, { graceHours: 24 }).verify();
    client.destroy();
    assert.deepEqual(report.missing, [], 'no row misses its bytes');
    assert.ok(report.checked >= rows.length + 1);
  });
});

