/**
 * Issue 18: a document whose file is missing from the blob store (D6). The download answers a
 * Dutch page with 410 instead of the generic 500, the log gets one warning with the document's id
 * and digest (no names, no stack), and the missing file is recorded as `document.bestand-ontbreekt`.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { it } from 'node:test';
import { messages } from '../../src/http/messages/index.ts';
import { MEDIA_TYPES, pdfOfSize } from '../support/documents.ts';
import { aClient, anAttest, anOrganisation, aUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const client = await aClient(t.db);
  await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, t.clock.today());
  return { client, begeleider: await aUser(t.db, 'begeleider', partner) };
}

/** The app's JSON log lines, both database runs together. */
const logLines: Array<Record<string, unknown>> = [];
const logStream = new Writable({
  write(chunk: Buffer | string, _encoding, done) {
    for (const line of String(chunk).split('\n')) if (line.trim() !== '') logLines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

describeOnEachDatabase(
  'a document whose file is missing',
  world,
  (get) => {
    it('issue 18: D6 the download of a document whose file is gone answers 410 with a Dutch page, logs one warning with id and digest, and records it', async () => {
      const t = get();
      const { client, begeleider } = t.data;
      const session = new WebSession(t.app);
      assert.equal((await session.login(begeleider.email, begeleider.password)).statusCode, 303);

      // Two documents with their own content; the file of the first one disappears.
      const ids: string[] = [];
      for (const [name, bytes] of [['Eindverslag Janssens', 1_000], ['Actieplan Janssens', 1_001]] as const) {
        await session.get(`/dossiers/${client.id}/documenten/nieuw`);
        const created = await session.postMultipart(`/dossiers/${client.id}/documenten/nieuw`, [
          { name: 'publicatienaam', value: name },
          { name: 'soort', value: 'eindverslag' },
          { name: 'document', fileName: `${name}.pdf`, contentType: MEDIA_TYPES.pdf, data: pdfOfSize(bytes) },
        ]);
        assert.equal(created.statusCode, 303, created.body);
        const row = await t.db.selectFrom('documents').select('id').where('publicationName', '=', name).executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      const [missingId, keptId] = ids as [string, string];
      const missing = await t.db.selectFrom('documents').select('sha256').where('id', '=', missingId).executeTakeFirstOrThrow();
      rmSync(path.join(t.blobDir, missing.sha256.slice(0, 2), missing.sha256.slice(2, 4), missing.sha256));

      const response = await session.get(`/dossiers/${client.id}/documenten/${missingId}`);
      assert.equal(response.statusCode, 410);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.ok(response.body.includes(messages.errors.documentMissingTitle), 'the Dutch title');
      assert.ok(response.body.includes(messages.errors.documentMissingBody), 'the Dutch explanation');
      assert.ok(!response.body.includes(messages.errors.serverTitle), 'not the generic error page');

      // One warning, with the document's id and digest, nothing about the person or the file's name.
      const lines = logLines.filter((line) => JSON.stringify(line).includes(missingId));
      assert.equal(lines.length, 1, JSON.stringify(lines));
      const [line] = lines;
      assert.ok(line !== undefined);
      assert.equal(line['level'], 40, 'at warn level');
      assert.equal(line['documentId'], missingId);
      assert.equal(line['sha256'], missing.sha256);
      const logged = JSON.stringify(line);
      for (const secret of [client.familyName, client.insz, 'Eindverslag Janssens', 'stack']) assert.ok(!logged.includes(secret), `no ${secret} in the log`);
      assert.ok(!logLines.some((other) => Number(other['level']) >= 50), 'nothing logged as an error');
      assert.equal(/Foutcode: ([0-9a-f-]{36})/.exec(response.body)?.[1], line['reqId'], 'the page shows the reference of the log line');

      // Recorded, each time, for whoever looks after the storage; not as a download (A6).
      const recorded = async (action: string) =>
        (await t.db.selectFrom('audit_events').select(['actorUserId', 'clientId', 'details']).where('action', '=', action).execute()).filter(
          (row) => row.details['documentId'] === missingId,
        );
      assert.deepEqual(await recorded('document.bestand-ontbreekt'), [
        { actorUserId: begeleider.id, clientId: client.id, details: { documentId: missingId, sha256: missing.sha256 } },
      ]);
      assert.equal((await session.get(`/dossiers/${client.id}/documenten/${missingId}`)).statusCode, 410);
      assert.equal((await recorded('document.bestand-ontbreekt')).length, 2);
      assert.deepEqual(await recorded('document.gedownload'), []);

      // The other document still downloads.
      const kept = await session.get(`/dossiers/${client.id}/documenten/${keptId}`);
      assert.equal(kept.statusCode, 200);
      assert.deepEqual(kept.rawPayload, pdfOfSize(1_001));
    });
  },
  { config: { LOG_LEVEL: 'warn' }, logStream },
);
