import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitState } from '../../../services/rate-limits/rate-limit-service.ts';

/** What the store needs of the rate-limit service (database and clock behind it). */
export type SharedCounter = Readonly<{
  hit(key: string, windowMs: number): Promise<RateLimitState>;
  read(key: string): Promise<RateLimitState>;
}>;

type Callback = (error: Error | null, result?: RateLimitState) => void;

/** The plugin's stores answer through a callback. */
function answer(state: Promise<RateLimitState>, callback: Callback): void {
  state.then(
    (value) => {
      callback(null, value);
    },
    (error: unknown) => {
      callback(error instanceof Error ? error : new Error(String(error)));
    },
  );
}

/**
 * A store for @fastify/rate-limit over the database (issue 14 item 3): every instance on one
 * PostgreSQL counts the same hits. The plugin constructs the store itself (`new Store(options)`),
 * so the class is made around the counter. The window and the time left come from the
 * application's clock through the service, never from the plugin's own `Date.now()`.
 */
export function databaseRateLimitStore(counter: SharedCounter): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      answer(counter.hit(key, timeWindow), callback);
    }

    /** The plugin's `{ increment: false }`: the state without a hit. */
    read(key: string, callback: Callback): void {
      answer(counter.read(key), callback);
    }

    child(): FastifyRateLimitStore {
      return new DatabaseStore();
    }
  }
  return DatabaseStore;
}
