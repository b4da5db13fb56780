/**
 * A blob store of its own for a test: a fresh folder under the system's temporary folder,
 * removed by `remove`. Nothing is shared between suites.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BlobStore } from '../../src/storage/blob-store.ts';
import { createFilesystemBlobStore } from '../../src/storage/filesystem-blob-store.ts';

export type TemporaryBlobStore = Readonly<{ storage: BlobStore; dir: string; remove: () => void }>;

/** `clock`: the time the store keeps blobs at (the orphan job's grace period), the test's clock. */
export function temporaryBlobStore(clock?: { now(): Date }): TemporaryBlobStore {
  const dir = mkdtempSync(path.join(tmpdir(), 'lbp-blobs-'));
  return {
    storage: createFilesystemBlobStore(dir, clock),
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file under the folder (blobs and temporary files), as paths relative to it. */
export function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return found.sort();
}
