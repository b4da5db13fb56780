/**
 * The part of `BlobStore.put` that both stores share (D3): the upload is read chunk by chunk,
 * counted, hashed and checked on its first bytes while it streams into the store's temporary
 * place (a `BlobSink`: a file, or an object being uploaded in parts), then checked whole before
 * it is accepted. Nothing is held whole in memory: chunks go out in batches of about 1 MB.
 *
 * A refused upload is dropped and the rest of the source read and discarded, so that the request
 * can be answered. When the source fails (a cut upload) the temporary bytes are dropped and its
 * error thrown; when the store fails (a disk or a bucket that stops answering) the same, after the
 * rest of the source is read, so that the user gets the portal's error page rather than a reset.
 */
import { createHash } from 'node:crypto';
import type { BlobCheck, ReadAt } from './blob-store.ts';

/** Where one upload's bytes go before they are accepted. */
export type BlobSink = Readonly<{
  /** Writes a batch of chunks, in order. */
  write(chunks: Uint8Array[]): Promise<void>;
  /** All bytes are written: makes them durable and gives random access for the whole check. */
  finish(): Promise<ReadAt>;
  /** The upload is accepted: releases what `finish` held open (the temporary bytes stay). */
  close(): Promise<void>;
  /** Removes the temporary bytes; safe to call more than once and after a failure. */
  drop(): Promise<void>;
}>;

export type StreamedResult<P> = { ok: true; sha256: string; size: number } | { ok: false; problem: P };

const WRITE_BATCH_BYTES = 1024 * 1024;

/** Thrown inside `streamInto` for a failure of the sink (not of the source). */
class SinkFailure extends Error {
  readonly error: unknown;
  constructor(error: unknown) {
    super('the blob store failed');
    this.error = error;
  }
}

export async function streamInto<P>(source: AsyncIterable<Uint8Array>, check: BlobCheck<P>, sink: BlobSink): Promise<StreamedResult<P>> {
  const hash = createHash('sha256');
  let size = 0;
  let head: Uint8Array[] = [];
  let headLength = 0;
  let started = false;
  let problem = undefined as P | undefined;
  let dropped = false;
  const drop = async (): Promise<void> => {
    dropped = true;
    await sink.drop();
  };
  const viaSink = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new SinkFailure(error);
    }
  };

  let batch: Uint8Array[] = [];
  let batchLength = 0;
  const flush = async (): Promise<void> => {
    if (dropped || batchLength === 0) return;
    const chunks = batch;
    batch = [];
    batchLength = 0;
    await viaSink(() => sink.write(chunks));
  };

  const iterator = source[Symbol.asyncIterator]();
  try {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      const chunk = next.value;
      // After a refusal the rest of the source is read and thrown away.
      if (problem !== undefined) continue;
      size += chunk.length;
      if (size > check.maxBytes) {
        problem = check.tooLarge;
        await viaSink(drop);
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
            await viaSink(drop);
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
    if (problem === undefined) {
      const read = await viaSink(() => sink.finish());
      problem = await check.complete(read, size);
    }
    if (problem !== undefined) {
      await viaSink(drop);
      return { ok: false, problem };
    }
    await viaSink(() => sink.close());
    return { ok: true, sha256: hash.digest('hex'), size };
  } catch (caught) {
    await sink.drop().catch(() => undefined);
    if (caught instanceof SinkFailure) {
      // The store failed: the rest of the upload is read and discarded, then the error is thrown.
      await drain(iterator).catch(() => undefined);
      throw caught.error instanceof Error ? caught.error : new Error(String(caught.error));
    }
    throw caught;
  }
}

async function drain(iterator: AsyncIterator<Uint8Array>): Promise<void> {
  while ((await iterator.next()).done !== true) {
    // discarded
  }
}
