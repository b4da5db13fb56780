/**
 * Nothing orphaned (issue 14): a blob that no row refers to (a process stopped between keeping
 * the upload and committing its row) is removed by the periodic job, once it has been kept
 * longer than the grace period, on either store; a row whose blob is missing is reported by
 * `npm run storage:verify`.
 *
 * A blob kept again (the same content uploaded anew) has its time renewed by the store, and the
 * time is read again just before the removal, so a new row about to refer to an old unreferenced
 * blob keeps it.
 */
import type { BlobReference } from '../../db/repositories/blob-references.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 500;
const HOUR_MS = 60 * 60_000;

export type OrphanReport = Readonly<{ checked: number; removed: string[]; temporary: number }>;

export type StorageReport = Readonly<{ checked: number; missing: BlobReference[] }>;

export function createBlobUpkeepService({ db, repos, clock }: ServiceContext, storage: BlobStore, options: { graceHours: number }) {
  const graceMs = options.graceHours * HOUR_MS;

  /**
   * Removes the blobs no row refers to that were kept before now minus the grace period; the
   * job runner logs the report (the digests removed).
   */
  async function removeOrphans(): Promise<OrphanReport> {
    const limit = clock.now().getTime() - graceMs;
    const removed: string[] = [];
    let checked = 0;
    let batch: string[] = [];
    const handle = async (): Promise<void> => {
      const known = await repos.blobReferences.referenced(db, batch);
      for (const sha256 of batch.filter((s) => !known.has(s))) {
        const kept = await storage.storedAt(sha256);
        if (kept === undefined || kept.getTime() > limit) continue;
        // Asked again, just before it goes: a row written since the batch was read keeps it.
        if ((await repos.blobReferences.referenced(db, [sha256])).size > 0) continue;
        await storage.remove(sha256);
        removed.push(sha256);
      }
      checked += batch.length;
      batch = [];
    };
    for await (const sha256 of storage.list()) {
      batch.push(sha256);
      if (batch.length >= BATCH) await handle();
    }
    await handle();
    // Uploads cut off by a stopped process, older than the grace period.
    const temporary = await storage.removeStaleTemporaryFiles(graceMs);
    return { checked, removed, temporary };
  }

  /** Checks every row that refers to a blob against the store. */
  async function verify(): Promise<StorageReport> {
    const missing: BlobReference[] = [];
    let checked = 0;
    for (const table of ['documents', 'attest_requests'] as const) {
      let after: string | undefined;
      for (;;) {
        const rows = await repos.blobReferences.page(db, table, after, BATCH);
        for (const row of rows) if (!(await storage.exists(row.sha256))) missing.push(row);
        checked += rows.length;
        if (rows.length < BATCH) break;
        after = rows.at(-1)?.id;
      }
    }
    return { checked, missing };
  }

  return { removeOrphans, verify };
}

export type BlobUpkeepService = ReturnType<typeof createBlobUpkeepService>;
