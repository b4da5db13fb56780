/**
 * Idempotent creates of the partner API (issue 17): the first answer to a request with an
 * `Idempotency-Key` is kept 24 hours per token and key, in the database (every instance sees it).
 * The same key with the same body returns that answer; with another body it is refused; while the
 * first request is still being answered, a second one is told so. Time from the injected clock.
 */
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../context.ts';

export const IDEMPOTENCY_HOURS = 24;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

export type StoredResponse = Readonly<{ body: unknown; headers: Readonly<Record<string, string>> }>;

export type IdempotencyStart =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; response: StoredResponse }
  | { kind: 'other-request' }
  | { kind: 'in-progress' };

/** A stable hash of what the request asks: method, path and body. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(JSON.stringify([method, path, body ?? null])).digest('hex');
}

export function createIdempotencyService({ db, repos, clock }: ServiceContext) {
  const windowStart = (): Date => new Date(clock.now().getTime() - IDEMPOTENCY_HOURS * 3_600_000);

  async function begin(tokenId: string, key: string, hash: string): Promise<IdempotencyStart> {
    // A key older than the window is forgotten first, so that it can be used again.
    await repos.apiTokens.releaseIdempotencyKey(db, tokenId, key, windowStart());
    if (await repos.apiTokens.reserveIdempotencyKey(db, tokenId, key, hash, clock.now())) return { kind: 'new' };
    const stored = await repos.apiTokens.findIdempotencyKey(db, tokenId, key);
    if (stored === undefined) return begin(tokenId, key, hash);
    if (stored.requestHash !== hash) return { kind: 'other-request' };
    if (stored.status === null || stored.response === null) return { kind: 'in-progress' };
    return { kind: 'replay', status: stored.status, response: stored.response as unknown as StoredResponse };
  }

  async function finish(tokenId: string, key: string, status: number, response: StoredResponse): Promise<void> {
    await repos.apiTokens.storeIdempotentAnswer(db, tokenId, key, status, response);
  }

  /** The first request failed unexpectedly: the key may be used again. */
  async function abandon(tokenId: string, key: string): Promise<void> {
    await repos.apiTokens.releaseIdempotencyKey(db, tokenId, key);
  }

  /** Removes answers past the window (a periodic clean-up). */
  function purge(): Promise<number> {
    return repos.apiTokens.purgeIdempotency(db, windowStart());
  }

  return { begin, finish, abandon, purge };
}
