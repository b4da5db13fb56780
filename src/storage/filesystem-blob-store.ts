/**
 * The blob store on disk, under DATA_DIR/blobs: each blob at `ab/cd/<sha256>` (the first two
 * byte pairs of its hash as folders, so that no folder grows too large), uploads in `tmp/` on the
 * same file system so that the move into place is an atomic rename. A temporary file is synced
 * before it is checked and moved; the folder is synced after the move.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BlobNotFoundError, isSha256, type BlobCheck, type BlobContent, type BlobStore, type PendingBlob, type PutResult, type ReadAt } from './blob-store.ts';

const TEMPORARY_NAME = /^[0-9a-f-]{36}\.part$/;
/** No check reads more than this at once (a zip directory of 1,000 entries is far smaller). */
const MAX_READ = 8 * 1024 * 1024;

export function createFilesystemBlobStore(root: string): BlobStore {
  const temporaryFolder = path.join(root, 'tmp');
  const folderOf = (sha256: string): string => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4));
  const pathOf = (sha256: string): string => path.join(folderOf(sha256), sha256);
  const temporaryPath = (name: string): string => {
    if (!TEMPORARY_NAME.test(name)) throw new Error('not a temporary blob name');
    return path.join(temporaryFolder, name);
  };

  async function put<P>(source: AsyncIterable<Uint8Array>, check: BlobCheck<P>): Promise<PutResult<P>> {
    await mkdir(temporaryFolder, { recursive: true });
    const temporaryName = `${randomUUID()}.part`;
    const file = temporaryPath(temporaryName);
    // Written by `drop` as well: typed wide so that the checks below are not narrowed away.
    let handle = (await open(file, 'wx+', 0o600)) as FileHandle | undefined;
    const hash = createHash('sha256');
    let size = 0;
    let head: Uint8Array[] = [];
    let headLength = 0;
    let started = false;
    let problem = undefined as P | undefined;

    const drop = async (): Promise<void> => {
      const opened = handle;
      handle = undefined;
      await opened?.close();
      await rm(file, { force: true });
    };

    // Chunks arrive at 64 kB; writing them in batches of about 1 MB costs far fewer awaited
    // system calls per file (the upload is bound by CPU, not by the disk).
    let batch: Uint8Array[] = [];
    let batchLength = 0;
    const flush = async (): Promise<void> => {
      if (handle === undefined || batchLength === 0) return;
      const buffers = batch;
      batch = [];
      batchLength = 0;
      await writeBatch(handle, buffers);
    };

    try {
      for await (const chunk of source) {
        // After a refusal the rest of the source is read and thrown away.
        if (problem !== undefined || handle === undefined) continue;
        size += chunk.length;
        if (size > check.maxBytes) {
          problem = check.tooLarge;
          await drop();
          continue;
        }
        if (!started) {
          head.push(chunk);
          headLength += chunk.length;
          if (headLength >= check.headBytes) {
            started = true;
            problem = check.start(Buffer.concat(head).subarray(0, check.headBytes));
            head = [];
            if (problem !== undefined) {
              await drop();
              continue;
            }
          }
        }
        hash.update(chunk);
        batch.push(chunk);
        batchLength += chunk.length;
        if (batchLength >= WRITE_BATCH_BYTES) await flush();
      }
      if (problem === undefined) await flush();
      if (problem === undefined && !started) problem = check.start(Buffer.concat(head));
      if (problem === undefined && handle !== undefined) {
        await handle.sync();
        problem = await check.complete(reader(handle), size);
      }
      if (problem !== undefined || handle === undefined) {
        await drop();
        return { ok: false, problem: problem ?? check.tooLarge };
      }
      await handle.close();
      handle = undefined;
      return { ok: true, blob: { sha256: hash.digest('hex'), size, temporaryName } };
    } catch (error) {
      await drop();
      throw error;
    }
  }

  async function commit(blob: PendingBlob): Promise<void> {
    if (!isSha256(blob.sha256)) throw new Error('not a SHA-256');
    const from = temporaryPath(blob.temporaryName);
    if (await exists(blob.sha256)) {
      // Content-addressed: the same bytes are already kept.
      await rm(from, { force: true });
      return;
    }
    const folder = folderOf(blob.sha256);
    await mkdir(folder, { recursive: true });
    await rename(from, pathOf(blob.sha256));
    // The rename, and the folders made for it, survive a crash only once their folders are synced.
    for (const dir of [folder, path.dirname(folder), root]) await syncFolder(dir);
  }

  async function discard(blob: PendingBlob): Promise<void> {
    await rm(temporaryPath(blob.temporaryName), { force: true });
  }

  async function openBlob(sha256: string): Promise<BlobContent> {
    if (!isSha256(sha256)) throw new BlobNotFoundError(sha256);
    const file = pathOf(sha256);
    try {
      const stats = await stat(file);
      return { stream: createReadStream(file), size: stats.size };
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async function exists(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    try {
      return (await stat(pathOf(sha256))).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async function removeStaleTemporaryFiles(olderThanMs: number): Promise<number> {
    let names: string[];
    try {
      names = await readdir(temporaryFolder);
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
    // The files' times come from the file system: "now" is measured on the same clock, by a
    // file written now, so a process clock that differs (a test's) cannot make a fresh upload stale.
    const probe = path.join(temporaryFolder, '.nu');
    await writeFile(probe, '');
    const limit = (await stat(probe)).mtimeMs - olderThanMs;
    await rm(probe, { force: true });
    let removed = 0;
    for (const name of names.filter((n) => TEMPORARY_NAME.test(n))) {
      const file = path.join(temporaryFolder, name);
      const stats = await stat(file).catch(() => undefined);
      if (stats !== undefined && stats.mtimeMs <= limit) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  return { put, commit, discard, open: openBlob, exists, removeStaleTemporaryFiles };
}

const WRITE_BATCH_BYTES = 1024 * 1024;

/** Writes the buffers in one `writev`, and whatever a short write left behind after it. */
async function writeBatch(handle: FileHandle, buffers: Uint8Array[]): Promise<void> {
  const total = buffers.reduce((sum, b) => sum + b.length, 0);
  const { bytesWritten } = await handle.writev(buffers);
  if (bytesWritten < total) await writeAll(handle, Buffer.concat(buffers).subarray(bytesWritten));
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

function reader(handle: FileHandle): ReadAt {
  return async (position, length) => {
    const wanted = Math.max(0, Math.min(length, MAX_READ));
    const buffer = Buffer.alloc(wanted);
    const { bytesRead } = await handle.read(buffer, 0, wanted, position);
    return buffer.subarray(0, bytesRead);
  };
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
