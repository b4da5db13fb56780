/**
 * The blob store in an S3-compatible bucket (AWS S3, MinIO, Ceph), for several instances:
 * each blob at `blobs/<sha256>`, an upload under `tmp/<uuid>.part` while it streams in (a
 * multipart upload of 5 MB parts, one part in flight: memory per upload stays bounded) and is
 * checked (D3, by ranged reads of that object). `commit` copies it to its final key (a copy is
 * atomic: the blob is there whole or not at all) with the time it was kept as metadata, and
 * removes the temporary object. A refused, cut or failed upload aborts the multipart upload and
 * removes the temporary object, so nothing is left.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Clock } from '../services/clock.ts';
import { BlobNotFoundError, isSha256, type BlobCheck, type BlobContent, type BlobStore, type PendingBlob, type PutResult, type ReadAt } from './blob-store.ts';
import { describeS3Failure, isS3NotFound } from './s3-errors.ts';
import { streamInto, type BlobSink } from './streamed-put.ts';

const TEMPORARY_NAME = /^[0-9a-f-]{36}\.part$/;
const PART_BYTES = 5 * 1024 * 1024;
const MAX_READ = 8 * 1024 * 1024;
/** The metadata that holds when a blob was kept (by the portal's clock). */
const STORED_AT = 'stored-at';

export type S3BlobStoreOptions = Readonly<{ client: S3Client; bucket: string; endpoint?: string; clock?: Pick<Clock, 'now'> }>;

export function createS3BlobStore({ client, bucket, endpoint, clock = { now: () => new Date() } }: S3BlobStoreOptions): BlobStore {
  const keyOf = (sha256: string): string => `blobs/${sha256}`;
  const temporaryKey = (name: string): string => {
    if (!TEMPORARY_NAME.test(name)) throw new Error('not a temporary blob name');
    return `tmp/${name}`;
  };
  const deleteKey = async (key: string): Promise<void> => {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  };
  const description = `bucket ${bucket}${endpoint === undefined ? '' : ` op ${endpoint}`}`;

  async function put<P>(source: AsyncIterable<Uint8Array>, check: BlobCheck<P>): Promise<PutResult<P>> {
    const temporaryName = `${randomUUID()}.part`;
    const key = temporaryKey(temporaryName);
    const body = new PassThrough({ highWaterMark: 1024 * 1024 });
    const upload = new Upload({ client, params: { Bucket: bucket, Key: key, Body: body }, queueSize: 1, partSize: PART_BYTES, leavePartsOnError: false });
    // Settles when the upload is complete or failed; never left unobserved.
    const uploaded: Promise<Error | undefined> = upload.done().then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    const failedUpload = async (): Promise<never> => {
      throw (await uploaded) ?? new Error('the upload ended before its bytes were written');
    };
    let dropped = false;
    const sink: BlobSink = {
      write: async (chunks) => {
        for (const chunk of chunks) {
          if (!body.write(chunk)) {
            // Wait until the upload takes more, or fails.
            await Promise.race([new Promise((resolve) => body.once('drain', resolve)), failedUpload()]);
          }
        }
      },
      finish: async () => {
        body.end();
        const error = await uploaded;
        if (error !== undefined) throw error;
        return rangeReader(key);
      },
      close: () => Promise.resolve(),
      drop: async () => {
        if (dropped) return;
        dropped = true;
        await upload.abort().catch(() => undefined);
        body.destroy();
        await uploaded;
        // The upload may have been complete, or its single part sent, before the abort.
        await deleteKey(key);
      },
    };
    const result = await streamInto(source, check, sink);
    return result.ok ? { ok: true, blob: { sha256: result.sha256, size: result.size, temporaryName } } : result;
  }

  function rangeReader(key: string): ReadAt {
    return async (position, length) => {
      const wanted = Math.max(0, Math.min(length, MAX_READ));
      if (wanted === 0) return new Uint8Array(0);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${String(position)}-${String(position + wanted - 1)}` }));
        return answer.Body === undefined ? new Uint8Array(0) : await answer.Body.transformToByteArray();
      } catch (error) {
        // A range past the end (S3 answers 416): nothing there.
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416) return new Uint8Array(0);
        throw error;
      }
    };
  }

  /** Copies `from` to the blob's key with the time it is kept now (a copy onto itself renews it). */
  async function keepAs(from: string, sha256: string): Promise<void> {
    await client.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: keyOf(sha256),
        CopySource: `${bucket}/${from}`,
        MetadataDirective: 'REPLACE',
        Metadata: { [STORED_AT]: clock.now().toISOString() },
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async function commit(blob: PendingBlob): Promise<void> {
    if (!isSha256(blob.sha256)) throw new Error('not a SHA-256');
    const from = temporaryKey(blob.temporaryName);
    // Content-addressed: the same bytes already kept are kept again now (for the orphan job).
    await keepAs((await exists(blob.sha256)) ? keyOf(blob.sha256) : from, blob.sha256);
    await deleteKey(from);
  }

  async function discard(blob: PendingBlob): Promise<void> {
    await deleteKey(temporaryKey(blob.temporaryName));
  }

  async function openBlob(sha256: string): Promise<BlobContent> {
    if (!isSha256(sha256)) throw new BlobNotFoundError(sha256);
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
      return { stream: answer.Body as Readable, size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isS3NotFound(error)) throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async function head(sha256: string) {
    try {
      return await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
    } catch (error) {
      if (isS3NotFound(error)) return undefined;
      throw error;
    }
  }

  async function exists(sha256: string): Promise<boolean> {
    return isSha256(sha256) && (await head(sha256)) !== undefined;
  }

  async function* keysUnder(prefix: string): AsyncIterable<{ key: string; lastModified: Date | undefined }> {
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      for (const item of page.Contents ?? []) if (item.Key !== undefined) yield { key: item.Key, lastModified: item.LastModified };
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async function removeStaleTemporaryFiles(olderThanMs: number): Promise<number> {
    // "Now" by the bucket's own clock, from an object written now (as the folder store does).
    const probeKey = `tmp/.nu-${randomUUID()}`;
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: probeKey, Body: Buffer.from('nu') }));
    const written = (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: probeKey }))).LastModified;
    await deleteKey(probeKey);
    if (written === undefined) return 0;
    const limit = written.getTime() - olderThanMs;
    let removed = 0;
    for await (const { key, lastModified } of keysUnder('tmp/')) {
      if (TEMPORARY_NAME.test(key.slice('tmp/'.length)) && lastModified !== undefined && lastModified.getTime() <= limit) {
        await deleteKey(key);
        removed++;
      }
    }
    return removed;
  }

  async function* list(): AsyncIterable<string> {
    for await (const { key } of keysUnder('blobs/')) {
      const sha256 = key.slice('blobs/'.length);
      if (isSha256(sha256)) yield sha256;
    }
  }

  async function storedAt(sha256: string): Promise<Date | undefined> {
    if (!isSha256(sha256)) return undefined;
    const found = await head(sha256);
    if (found === undefined) return undefined;
    const kept = found.Metadata?.[STORED_AT];
    return kept !== undefined && !Number.isNaN(Date.parse(kept)) ? new Date(kept) : found.LastModified;
  }

  async function remove(sha256: string): Promise<void> {
    if (isSha256(sha256)) await deleteKey(keyOf(sha256));
  }

  async function probe(): Promise<void> {
    const key = `tmp/.probe-${randomUUID()}`;
    try {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.from('probe') }));
      await deleteKey(key);
    } catch (error) {
      throw describeS3Failure(error, bucket, endpoint);
    }
  }

  async function isReachable(): Promise<boolean> {
    try {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
      return true;
    } catch {
      return false;
    }
  }

  return { put, commit, discard, open: openBlob, exists, removeStaleTemporaryFiles, list, storedAt, remove, probe, isReachable, description };
}
