/**
 * The blob store on disk, under DATA_DIR/blobs: each blob at `ab/cd/<sha256>` (the first two
 * byte pairs of its hash as folders, so that no folder grows too large), uploads in `tmp/` on the
 * same file system so that the move into place is an atomic rename. A temporary file is synced
 * before it is checked and moved; the folder is synced after the move.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../services/clock.ts';
import { BlobNotFoundError, BlobStoreUnavailableError, isSha256, type BlobCheck, type BlobContent, type BlobStore, type PendingBlob, type PutResult, type ReadAt } from './blob-store.ts';
import { streamInto, type BlobSink } from './streamed-put.ts';

const TEMPORARY_NAME = /^[0-9a-f-]{36}\.part$/;
/** No check reads more than this at once (a zip directory of 1,000 entries is far smaller). */
const MAX_READ = 8 * 1024 * 1024;

/** `clock`: the time a blob is kept at (its file's modification time), read by the orphan job. */
export function createFilesystemBlobStore(root: string, clock: Pick<Clock, 'now'> = { now: () => new Date() }): BlobStore {
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
    let handle = (await open(file, 'wx+', 0o600)) as FileHandle | undefined;
    const sink: BlobSink = {
      // Chunks arrive at 64 kB; written in batches of about 1 MB they cost far fewer awaited
      // system calls per file (the upload is bound by CPU, not by the disk).
      write: async (chunks) => {
        if (handle === undefined) throw new Error('the temporary file is closed');
        await writeBatch(handle, chunks);
      },
      finish: async () => {
        if (handle === undefined) throw new Error('the temporary file is closed');
        await handle.sync();
        return reader(handle);
      },
      close: async () => {
        const opened = handle;
        handle = undefined;
        await opened?.close();
      },
      drop: async () => {
        const opened = handle;
        handle = undefined;
        await opened?.close().catch(() => undefined);
        await rm(file, { force: true });
      },
    };
    const result = await streamInto(source, check, sink);
    return result.ok ? { ok: true, blob: { sha256: result.sha256, size: result.size, temporaryName } } : result;
  }

  async function commit(blob: PendingBlob): Promise<void> {
    if (!isSha256(blob.sha256)) throw new Error('not a SHA-256');
    const from = temporaryPath(blob.temporaryName);
    const now = clock.now();
    if (await exists(blob.sha256)) {
      // Content-addressed: the same bytes are already kept; kept again now (for the orphan job).
      await utimes(pathOf(blob.sha256), now, now);
      await rm(from, { force: true });
      return;
    }
    const folder = folderOf(blob.sha256);
    await mkdir(folder, { recursive: true });
    await utimes(from, now, now);
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

  async function* list(): AsyncIterable<string> {
    for (const first of await folderNames(root)) {
      for (const second of await folderNames(path.join(root, first))) {
        for (const name of await folderNames(path.join(root, first, second))) {
          if (isSha256(name) && name.startsWith(first + second)) yield name;
        }
      }
    }
  }

  async function storedAt(sha256: string): Promise<Date | undefined> {
    if (!isSha256(sha256)) return undefined;
    const stats = await stat(pathOf(sha256)).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    return stats?.mtime;
  }

  async function remove(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    await rm(pathOf(sha256), { force: true });
  }

  async function probe(): Promise<void> {
    const file = path.join(temporaryFolder, `.probe-${randomUUID()}`);
    try {
      await mkdir(temporaryFolder, { recursive: true });
      await writeFile(file, 'probe');
      await rm(file);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new BlobStoreUnavailableError(`Documentopslag onbruikbaar: in de map ${root} kan niet geschreven worden (${typeof code === 'string' ? code : String(error)}); controleer DATA_DIR en de rechten.`);
    }
  }

  async function isReachable(): Promise<boolean> {
    try {
      await stat(root);
      return true;
    } catch {
      return false;
    }
  }

  return { put, commit, discard, open: openBlob, exists, removeStaleTemporaryFiles, list, storedAt, remove, probe, isReachable, description: `map ${root}` };
}

/** The folders of the blob layout (two hexadecimal characters), or the blob files in the last one. */
async function folderNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => /^[0-9a-f]{2}$/.test(name) || isSha256(name)).sort();
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

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
