/**
 * The application's services as main.ts composes them, on the bench database and the real
 * clock. Their blob store is a folder under the system's temporary directory that nothing
 * writes to here (uploads are measured by uploads.ts, in a server process of their own),
 * removed at the end all the same.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/db/database.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { systemClock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createFilesystemBlobStore } from '../../src/storage/filesystem-blob-store.ts';

const BLOB_ROOT = path.join(tmpdir(), `lbp-bench-blobs-${process.pid}`);

export function benchServices(db: Database): Services {
  return createServices(db, createRepositories(), systemClock, createFilesystemBlobStore(BLOB_ROOT));
}

export async function removeBlobFolder(): Promise<void> {
  await rm(BLOB_ROOT, { recursive: true, force: true });
}
