/**
 * D3: the blob store on disk streams into a temporary file, keeps a blob under its SHA-256 only
 * when it is complete and accepted, and leaves nothing behind for a refused or cut upload.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { createContentCheck, DOCUMENT_UPLOADS } from '../../src/domain/documents/content-check.ts';
import { openZip } from '../../src/storage/zip-reader.ts';
import { BlobNotFoundError } from '../../src/storage/blob-store.ts';
import { filesUnder, temporaryBlobStore } from '../support/blob-store.ts';
import { EXE, MEDIA_TYPES, PDF, pdfOfSize } from '../support/documents.ts';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A source that sends its bytes in small chunks, as a network does. */
function chunked(bytes: Buffer, size = 3): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('D3 the filesystem blob store', () => {
  const store = temporaryBlobStore();
  after(() => {
    store.remove();
  });
  const pdfCheck = () => createContentCheck(DOCUMENT_UPLOADS, 'plan.pdf', MEDIA_TYPES.pdf, openZip);

  it('D3 hashes and counts while streaming; the upload waits in tmp/ until committed under ab/cd/<sha256>', async () => {
    const result = await store.storage.put(chunked(PDF), pdfCheck());
    assert.ok(result.ok);
    assert.equal(result.blob.sha256, sha256(PDF));
    assert.equal(result.blob.size, PDF.length);
    assert.deepEqual(filesUnder(store.dir), [`tmp/${result.blob.temporaryName}`]);
    await store.storage.commit(result.blob);
    const where = `${result.blob.sha256.slice(0, 2)}/${result.blob.sha256.slice(2, 4)}/${result.blob.sha256}`;
    assert.deepEqual(filesUnder(store.dir), [where]);
    assert.deepEqual(readFileSync(`${store.dir}/${where}`), PDF);
    assert.ok(await store.storage.exists(result.blob.sha256));
    const content = await store.storage.open(result.blob.sha256);
    assert.equal(content.size, PDF.length);
    const read: Buffer[] = [];
    for await (const chunk of content.stream) read.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(read), PDF);
  });

  it('D3 the same content is kept once; discarding after a commit removes nothing', async () => {
    const again = await store.storage.put(chunked(PDF, 7), pdfCheck());
    assert.ok(again.ok);
    await store.storage.commit(again.blob);
    await store.storage.discard(again.blob);
    assert.equal(filesUnder(store.dir).length, 1);
  });

  it('D3 a file refused on its first bytes, or as too large, leaves no file and is read to its end', async () => {
    const before = filesUnder(store.dir);
    const source = chunked(EXE, 5);
    const refused = await store.storage.put(source, pdfCheck());
    assert.deepEqual(refused, { ok: false, problem: 'type-niet-toegelaten' });
    assert.ok(source.readableEnded, 'the source was read to its end');
    const big = await store.storage.put(Readable.from([pdfOfSize(DOCUMENT_UPLOADS.maxBytes), Buffer.from('x')]), pdfCheck());
    assert.deepEqual(big, { ok: false, problem: 'te-groot' });
    const exact = await store.storage.put(Readable.from([pdfOfSize(DOCUMENT_UPLOADS.maxBytes)]), pdfCheck());
    assert.ok(exact.ok, 'exactly 20 MB is allowed');
    await store.storage.discard(exact.blob);
    assert.deepEqual(filesUnder(store.dir), before);
  });

  it('D3 a source that fails half way (a cut upload) leaves no file and the error reaches the caller', async () => {
    const before = filesUnder(store.dir);
    async function* cut() {
      yield PDF;
      yield Buffer.alloc(64 * 1024, 0x20);
      throw new Error('verbinding verbroken');
    }
    await assert.rejects(store.storage.put(cut(), pdfCheck()), /verbinding verbroken/);
    assert.deepEqual(filesUnder(store.dir), before);
  });

  it('D3 temporary files of a stopped process are removed at start-up; unknown blobs are not found', async () => {
    const pending = await store.storage.put(chunked(pdfOfSize(100)), pdfCheck());
    assert.ok(pending.ok);
    assert.equal(await store.storage.removeStaleTemporaryFiles(60 * 60_000), 0, 'a fresh upload is not stale');
    assert.equal(await store.storage.removeStaleTemporaryFiles(-1), 1);
    assert.ok(!filesUnder(store.dir).some((f) => f.startsWith('tmp/')));
    await assert.rejects(store.storage.open('0'.repeat(64)), BlobNotFoundError);
    await assert.rejects(store.storage.open('../../etc/passwd'), BlobNotFoundError);
    assert.equal(await store.storage.exists('../x'), false);
  });
});
