/**
 * Issue 14: the portal with its documents in an S3 bucket (s3rver in this process), and the
 * upkeep of both stores. An upload lands in the bucket and downloads from it; a bucket failing
 * in the middle of an upload gives the usual Dutch error and leaves no row and no object; a
 * missing object gives the Dutch page. The orphan job removes, after the grace period of the
 * clock, what no document or attest scan refers to, on the bucket and on the folder;
 * `npm run storage:verify` names the rows whose bytes are missing and exits 1.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createContentCheck, DOCUMENT_UPLOADS } from '../../src/domain/documents/content-check.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { messages } from '../../src/http/messages/index.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import type { BlobStore } from '../../src/storage/blob-store.ts';
import { openZip } from '../../src/storage/zip-reader.ts';
import { temporaryBlobStore, type TemporaryBlobStore } from '../support/blob-store.ts';
import { databaseKinds } from '../support/databases.ts';
import { MEDIA_TYPES, pdfOfSize } from '../support/documents.ts';
import { aClient, anAttest, anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { S3_CREDENTIALS, startS3, type TestS3 } from '../support/s3.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function keep(storage: BlobStore, bytes: Buffer): Promise<string> {
  const put = await storage.put(Readable.from([bytes]), createContentCheck(DOCUMENT_UPLOADS, 'x.pdf', MEDIA_TYPES.pdf, openZip));
  assert.ok(put.ok);
  await storage.commit(put.blob);
  return put.blob.sha256;
}

for (const kind of databaseKinds()) {
  describe(`issue 14 documents in S3 and the upkeep of both stores [${kind}]`, () => {
    let s3: TestS3;
    let t: TestApp & { close: () => Promise<void> };
    let folder: TemporaryBlobStore;
    let onFolder: Services;
    let begeleider: TestUser;
    let clientId: string;
    const uploaded = pdfOfSize(1_000);
    let documentId = '';

    before(async () => {
      s3 = await startS3();
      t = await startTestApp(kind, { storage: (clock) => s3.store(clock) });
      folder = temporaryBlobStore(t.clock);
      onFolder = createServices(t.db, createRepositories(), t.clock, folder.storage);
      const partner = await anOrganisation(t.db, { name: 'Koers' });
      const client = await aClient(t.db);
      await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, t.clock.today());
      begeleider = await aUser(t.db, 'begeleider', partner);
      clientId = client.id;
    });
    after(async () => {
      await t.close();
      await s3.stop();
      folder.remove();
    });

    async function upload(session: WebSession, name: string, bytes: Buffer) {
      await session.get(`/dossiers/${clientId}/documenten/nieuw`);
      return session.postMultipart(`/dossiers/${clientId}/documenten/nieuw`, [
        { name: 'publicatienaam', value: name },
        { name: 'soort', value: 'eindverslag' },
        { name: 'document', fileName: `${name}.pdf`, contentType: MEDIA_TYPES.pdf, data: bytes },
      ]);
    }

    it('issue 14: D3 an upload lands in the bucket under its SHA-256 and downloads from it; a bucket failing mid-upload gives the Dutch error, no row, no object', async () => {
      const session = new WebSession(t.app);
      assert.equal((await session.login(begeleider.email, begeleider.password)).statusCode, 303);
      assert.equal((await upload(session, 'Eindverslag', uploaded)).statusCode, 303);
      documentId = (await t.db.selectFrom('documents').select('id').executeTakeFirstOrThrow()).id;
      assert.deepEqual(await s3.keys(), [`blobs/${sha256(uploaded)}`]);
      const download = await session.get(`/dossiers/${clientId}/documenten/${documentId}`);
      assert.equal(download.statusCode, 200);
      assert.deepEqual(download.rawPayload, uploaded);

      const restore = s3.failUploads();
      try {
        const failed = await upload(session, 'Te groot voor een kapotte opslag', pdfOfSize(6 * 1024 * 1024));
        assert.equal(failed.statusCode, 500);
        assert.ok(failed.body.includes(messages.errors.serverTitle), 'the usual Dutch error page');
      } finally {
        restore();
      }
      assert.equal((await t.db.selectFrom('documents').select('id').execute()).length, 1, 'no row');
      assert.deepEqual(await s3.keys(), [`blobs/${sha256(uploaded)}`], 'no object');
    });

    it('issue 14: the orphan job removes, after ORPHAN_GRACE_HOURS by the clock, the blobs no document or attest scan refers to, on the bucket and on the folder', async () => {
      const start = t.clock.now();
      const organisation = await t.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
      const stores = [
        { name: 's3', storage: t.services.blobUpkeep, blobs: s3.store(t.clock) },
        { name: 'folder', storage: onFolder.blobUpkeep, blobs: folder.storage },
      ];
      const kept: Record<string, { scan: string; orphan: string }> = {};
      for (const { name, blobs } of stores) {
        await keep(blobs, uploaded); // the document's bytes: referenced
        const scan = await keep(blobs, pdfOfSize(2_000 + name.length));
        await t.db
          .insertInto('attest_requests')
          .values({
            kind: 'nieuw', organisationId: organisation.id, insz: name === 's3' ? '85073100229' : '85073100130', familyName: 'Peeters', firstName: 'An', birthDate: '1985-07-31',
            regime: 'algemeen', startDate: '2026-11-01', endDate: '2027-08-01', scanSha256: scan, scanFileName: 'attest.pdf', scanMediaType: 'application/pdf',
            scanSizeBytes: 2_000, submittedBy: begeleider.id, submittedByLabel: 'Begeleider', submittedAt: start,
          })
          .execute();
        kept[name] = { scan, orphan: await keep(blobs, pdfOfSize(3_000 + name.length)) };
      }

      t.clock.advanceMinutes(23 * 60);
      for (const { storage } of stores) assert.deepEqual((await storage.removeOrphans()).removed, [], 'within the grace period nothing goes');
      t.clock.advanceMinutes(2 * 60);
      for (const { name, storage, blobs } of stores) {
        const { scan, orphan } = kept[name] ?? assert.fail('set above');
        const report = await storage.removeOrphans();
        assert.deepEqual(report.removed, [orphan], `${name}: the orphan only`);
        assert.equal(report.checked, 3);
        assert.equal(await blobs.exists(orphan), false);
        assert.ok(await blobs.exists(scan), `${name}: the attest scan is kept`);
        assert.ok(await blobs.exists(sha256(uploaded)), `${name}: the document is kept`);
      }
      const jobs = t.services.jobRunner({ info: () => undefined, debug: () => undefined, error: () => undefined });
      assert.ok(jobs.names.includes('orphaned-blobs'), 'run by the periodic jobs, once across instances');
    });

    it('issue 14: D6 storage:verify names the rows whose bytes are missing and exits 1; a download of a gone object gives the Dutch page', async () => {
      // The scan of the attest request written for the folder store, in the bucket as well.
      await keep(s3.store(t.clock), pdfOfSize(2_000 + 'folder'.length));
      assert.deepEqual(await t.services.blobUpkeep.verify(), { checked: 3, missing: [] });
      await s3.store().remove(sha256(uploaded));
      const report = await t.services.blobUpkeep.verify();
      assert.deepEqual(report.missing, [{ table: 'documents', id: documentId, sha256: sha256(uploaded) }]);

      const session = new WebSession(t.app);
      await session.login(begeleider.email, begeleider.password);
      const gone = await session.get(`/dossiers/${clientId}/documenten/${documentId}`);
      assert.equal(gone.statusCode, 410);
      assert.ok(gone.body.includes(messages.errors.documentMissingTitle));

      if (t.target.kind !== 'postgres') return; // the script needs a database another process can open
      const databaseUrl = t.target.url;
      // Not spawnSync: the S3 server the script talks to runs in this process.
      const run = () =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          execFile(
            process.execPath,
            ['scripts/storage-verify.ts'],
            {
              cwd: ROOT,
              encoding: 'utf8',
              timeout: 60_000,
              env: { PATH: process.env['PATH'], NODE_ENV: 'test', DATABASE_URL: databaseUrl, S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, AWS_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey },
            },
            (error, stdout, stderr) => {
              resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
            },
          );
        });
      const missing = await run();
      assert.equal(missing.status, 1, missing.stderr);
      assert.match(missing.stderr, new RegExp(`ONTBREEKT: document ${documentId} \\(sha256 ${sha256(uploaded)}\\)`));
      await keep(s3.store(t.clock), uploaded);
      const whole = await run();
      assert.equal(whole.status, 0, whole.stderr);
      assert.match(whole.stdout, /documentopslag in orde: de bestanden van alle 3 rijen zijn aanwezig/);
    });
  });
}
