/**
 * Document blobs (D3, D6): the bytes of uploaded files, kept apart from the database and named by
 * their SHA-256. An upload streams into a temporary place while it is hashed, counted and checked;
 * it becomes a blob only when it is complete and accepted, and only when the use case keeps it
 * (`commit`, just before the row that refers to it is written). Two stores implement it: a folder
 * on disk (`filesystem-blob-store.ts`, the default) and an S3-compatible bucket
 * (`s3-blob-store.ts`, with `S3_BUCKET`), for several instances on several machines.
 */
import type { Readable } from 'node:stream';

/** Reads `length` bytes at `position` of the stored file (fewer at its end). */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

/**
 * What the caller wants to know about the bytes before they are kept. `P` is the caller's own
 * kind of refusal; the store only passes it on.
 */
export type BlobCheck<P> = Readonly<{
  maxBytes: number;
  /** The refusal for more than `maxBytes` bytes. */
  tooLarge: P;
  /** How many first bytes `start` needs. */
  headBytes: number;
  /** Called once with the first `headBytes` bytes (fewer when the source is shorter, none when empty). */
  start(head: Uint8Array): P | undefined;
  /** Called with the whole upload in its temporary file, before it is accepted. */
  complete(read: ReadAt, size: number): Promise<P | undefined>;
}>;

/** An accepted upload in its temporary place, not yet a blob: `commit` keeps it, `discard` drops it. */
export type PendingBlob = Readonly<{ sha256: string; size: number; temporaryName: string }>;

export type PutResult<P> = { ok: true; blob: PendingBlob } | { ok: false; problem: P };

export type BlobContent = Readonly<{ stream: Readable; size: number }>;

export interface BlobStore {
  /**
   * Streams `source` into a temporary file, hashing and counting as it goes, and applies `check`.
   * The source is always read to its end (a refused upload's remaining bytes are discarded, not
   * written), so that the request carrying it can be answered. A refused upload leaves no file;
   * when the source fails (a cut upload) the temporary file is removed and the error thrown.
   */
  put<P>(source: AsyncIterable<Uint8Array>, check: BlobCheck<P>): Promise<PutResult<P>>;
  /** Moves the pending upload into place under its SHA-256 (durably); the same content is kept once. */
  commit(blob: PendingBlob): Promise<void>;
  /** Removes the temporary file of an upload that is not kept; nothing when it was committed. */
  discard(blob: PendingBlob): Promise<void>;
  open(sha256: string): Promise<BlobContent>;
  exists(sha256: string): Promise<boolean>;
  /** Temporary files left by a process that stopped mid-upload; run at start-up. */
  removeStaleTemporaryFiles(olderThanMs: number): Promise<number>;
  /** The SHA-256 of every kept blob (for the orphan job and `npm run storage:verify`). */
  list(): AsyncIterable<string>;
  /**
   * When the blob was last kept, by the store's clock (a `commit` of the same content again
   * renews it, so that the orphan job never removes bytes a new row is about to refer to).
   * Undefined when there is no such blob.
   */
  storedAt(sha256: string): Promise<Date | undefined>;
  /** Removes a kept blob (the orphan job only); nothing when it is not there. */
  remove(sha256: string): Promise<void>;
  /** Start-up check: the store is reachable and writable (a small probe written and removed). */
  probe(): Promise<void>;
  /** Readiness: whether the store answers now (no write). */
  isReachable(): Promise<boolean>;
  /** For the logs: `map /data/blobs` or `bucket documenten op http://…`. */
  readonly description: string;
}

/** The store cannot be used (start-up check): `message` is one Dutch line for the operator. */
export class BlobStoreUnavailableError extends Error {
  override name = 'BlobStoreUnavailableError';
}

export class BlobNotFoundError extends Error {
  override name = 'BlobNotFoundError';
  constructor(sha256: string) {
    super(`Blob ${sha256} niet gevonden`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}
