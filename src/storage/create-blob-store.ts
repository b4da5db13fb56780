/**
 * The blob store the configuration asks for: the bucket of `S3_BUCKET` (AWS SDK v3, the SDK's
 * usual credential chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile or a role), or
 * else the folder `DATA_DIR/blobs`. Shared by `main.ts` and the storage scripts.
 * The AWS SDK is loaded only when a bucket is configured: it is the largest module graph of the
 * application, and the embedded default never needs it (start-up time, issue 16).
 */
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Clock } from '../services/clock.ts';
import type { BlobStore } from './blob-store.ts';
import { createFilesystemBlobStore } from './filesystem-blob-store.ts';

/** A start-up check that cannot reach the bucket gives up after this long (not the SDK's default minutes). */
const S3_TIMEOUT_MS = 10_000;

export async function createBlobStore(config: Pick<Config, 'dataDir' | 's3'>, clock: Pick<Clock, 'now'>): Promise<BlobStore> {
  if (config.s3 === undefined) return createFilesystemBlobStore(path.join(config.dataDir, 'blobs'), clock);
  const { bucket, endpoint, region } = config.s3;
  const [{ S3Client }, { createS3BlobStore }] = await Promise.all([import('@aws-sdk/client-s3'), import('./s3-blob-store.ts')]);
  const client = new S3Client({
    region,
    ...(endpoint === undefined ? {} : { endpoint, forcePathStyle: true }),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: S3_TIMEOUT_MS, requestTimeout: S3_TIMEOUT_MS * 6 },
  });
  return createS3BlobStore({ client, bucket, endpoint, clock });
}
