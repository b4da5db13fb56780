/**
 * An S3-compatible server for the tests (the `s3rver` package, in this process, on a random port
 * of 127.0.0.1, its objects in a fresh temporary folder), a bucket in it, and the portal's S3
 * blob store over it. `keys()` lists every object in the bucket (blobs and temporary uploads);
 * `failUploads` makes the store's uploads fail from then on (a bucket that stops answering in the
 * middle of an upload), until the returned function is called.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from '../../src/storage/blob-store.ts';
import { createS3BlobStore } from '../../src/storage/s3-blob-store.ts';

type S3rverInstance = { run(): Promise<{ port: number }>; close(): Promise<void>; httpServer?: Server };
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

/** The access key s3rver accepts (its documented default). */
export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export type TestS3 = Readonly<{
  endpoint: string;
  bucket: string;
  /** A client as the portal makes one (path-style, the test credentials), or one with other credentials or another endpoint. */
  client(options?: { credentials?: { accessKeyId: string; secretAccessKey: string }; endpoint?: string }): S3Client;
  store(clock?: { now(): Date }): BlobStore;
  keys(): Promise<string[]>;
  failUploads(): () => void;
  stop(): Promise<void>;
}>;

export async function startS3(bucket = 'documenten'): Promise<TestS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'lbp-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${String(port)}`;
  const clients: S3Client[] = [];
  let failing = false;
  const client = (options: { credentials?: { accessKeyId: string; secretAccessKey: string }; endpoint?: string } = {}): S3Client => {
    const made = new S3Client({ endpoint: options.endpoint ?? endpoint, forcePathStyle: true, region: 'us-east-1', credentials: options.credentials ?? S3_CREDENTIALS, maxAttempts: 1 });
    made.middlewareStack.add(
      (next, context) => async (args) => {
        if (failing && (context.commandName === 'UploadPartCommand' || context.commandName === 'PutObjectCommand')) {
          throw Object.assign(new Error('de opslag antwoordt niet meer'), { name: 'TimeoutError' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'testFailUploads' },
    );
    clients.push(made);
    return made;
  };
  const lister = client();
  return {
    endpoint,
    bucket,
    client,
    store: (clock) => createS3BlobStore({ client: client(), bucket, endpoint, ...(clock === undefined ? {} : { clock }) }),
    keys: async () => {
      const answer = await lister.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (answer.Contents ?? []).map((item) => item.Key ?? '').sort();
    },
    failUploads: () => {
      failing = true;
      return () => {
        failing = false;
      };
    },
    stop: async () => {
      for (const made of clients) made.destroy();
      server.httpServer?.closeAllConnections();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
