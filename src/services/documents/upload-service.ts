/**
 * Receiving an uploaded file, in one place for every feature that takes one: the documents of the
 * dossier (D3) and the scan of the signed attest (A2). The file streams into the blob store,
 * which hashes, counts and checks it on the way (D3, see domain/documents/content-check.ts);
 * nothing is held whole in memory. An accepted upload waits in its temporary place until the use
 * case keeps it, inside the transaction that writes the row referring to it, or releases it.
 *
 *   const outcome = await uploads.receive(file, ATTEST_SCAN_UPLOADS, { userId: actor.userId });
 *   if (!outcome.ok) → show the problem at the field;
 *   try { in the transaction: await uploads.keep(outcome.file); insert the row and its audit }
 *   finally { await uploads.release(outcome.file) }
 */
import { dateInBrussels } from '../../domain/calendar-date.ts';
import { createContentCheck, type ContentCheck, type UploadPolicy, type UploadProblem } from '../../domain/documents/content-check.ts';
import { brusselsDay, bytesLeftToday, type UploadQuota } from '../../domain/documents/upload-quota.ts';
import { sanitiseFileName } from '../../domain/documents/file-name.ts';
import { FORMAT_INFO, type FileFormat } from '../../domain/documents/file-formats.ts';
import type { StoredFile } from '../../domain/documents/stored-file.ts';
import type { BlobStore, PendingBlob } from '../../storage/blob-store.ts';
import { openZip } from '../../storage/zip-reader.ts';
import type { ServiceContext } from '../context.ts';

/** A file as it arrives: its bytes as a stream, the name and the type the browser gave it. */
export type IncomingFile = Readonly<{ stream: AsyncIterable<Uint8Array>; fileName: string; declaredType: string }>;

/** An accepted upload, not yet kept: the file's facts, its format and where it waits. */
export type ReceivedFile = StoredFile & Readonly<{ blob: PendingBlob; format: FileFormat }>;

export type UploadOutcome = { ok: true; file: ReceivedFile } | { ok: false; problem: UploadProblem };

/** The user an upload counts for (ASVS 5.2.1 quota), by id. */
export type Uploader = Readonly<{ userId: string }>;

export function createUploadService(storage: BlobStore, { db, repos, clock }: ServiceContext, quota: UploadQuota) {
  /**
   * ASVS 5.2.1: the user's quota of the day (Brussels), before a byte is stored. Used up: the
   * file is refused unread. Otherwise the file may be at most what is left of the day's bytes;
   * past that the blob store stops it as it does a file over the size limit, with `quotum`.
   */
  async function withinQuota(check: ContentCheck, uploader: Uploader): Promise<ContentCheck | undefined> {
    const used = await repos.uploads.uploadedBy(db, uploader.userId, brusselsDay(dateInBrussels(clock.now())));
    const left = bytesLeftToday(quota, used);
    if (left === undefined) return undefined;
    return left < check.maxBytes ? { ...check, maxBytes: left, tooLarge: 'quotum' } : check;
  }

  /** D3: streams, checks and holds the file; a refused file leaves nothing behind. */
  async function receive(file: IncomingFile, policy: UploadPolicy, uploader: Uploader): Promise<UploadOutcome> {
    if (file.fileName === '') return refuseUnread(file, 'geen-bestand');
    const name = sanitiseFileName(file.fileName);
    if (!name.ok) return refuseUnread(file, 'naam-ongeldig');
    const check = await withinQuota(createContentCheck(policy, name.name, file.declaredType, openZip), uploader);
    if (check === undefined) return refuseUnread(file, 'quotum');
    const result = await storage.put(file.stream, check);
    if (!result.ok) return result;
    const format = check.format();
    if (format === undefined) {
      await storage.discard(result.blob);
      throw new Error('the content check passed without finding a format');
    }
    return {
      ok: true,
      file: { blob: result.blob, fileName: name.name, format, mediaType: FORMAT_INFO[format].mediaType, sizeBytes: result.blob.size, sha256: result.blob.sha256 },
    };
  }

  /** Moves the file into the blob store for good: in the use case's transaction, before its row. */
  function keep(file: ReceivedFile): Promise<void> {
    return storage.commit(file.blob);
  }

  /** Drops the temporary file of an upload that was not kept (nothing when it was): call in `finally`. */
  function release(file: ReceivedFile): Promise<void> {
    return storage.discard(file.blob);
  }

  return { receive, keep, release };
}

export type UploadService = ReturnType<typeof createUploadService>;

/** The bytes of a file refused on its name alone are read and discarded, never stored. */
async function refuseUnread(file: IncomingFile, problem: UploadProblem): Promise<UploadOutcome> {
  const bytes = file.stream[Symbol.asyncIterator]();
  while ((await bytes.next()).done !== true) {
    // discarded
  }
  return { ok: false, problem };
}
