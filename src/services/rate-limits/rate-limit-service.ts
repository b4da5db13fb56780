/**
 * The rate limits counted in the database (issue 14 item 3), so that every instance on one
 * PostgreSQL counts the same hits. Windows start and end on the application's clock.
 */
import type { ServiceContext } from '../context.ts';

/** The state of one key as @fastify/rate-limit reads it: hits in the window, milliseconds left. */
export type RateLimitState = Readonly<{ current: number; ttl: number }>;

export function createRateLimitService({ db, repos, clock }: ServiceContext) {
  return {
    /** Counts one hit of `key` in a window of `windowMs`. */
    async hit(key: string, windowMs: number): Promise<RateLimitState> {
      const now = clock.now();
      const { hits, resetAt } = await repos.rateLimits.hit(db, key, now, windowMs);
      return { current: hits, ttl: Math.max(0, resetAt.getTime() - now.getTime()) };
    },

    /** The state of `key` without counting a hit. */
    async read(key: string): Promise<RateLimitState> {
      const now = clock.now();
      const state = await repos.rateLimits.read(db, key, now);
      return state === null ? { current: 0, ttl: 0 } : { current: state.hits, ttl: state.resetAt.getTime() - now.getTime() };
    },

    /** The periodic clean-up: removes the keys whose window has ended. */
    removeExpired(): Promise<number> {
      return repos.rateLimits.removeExpired(db, clock.now());
    },
  };
}
