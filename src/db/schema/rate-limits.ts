/** The rate limits shared by every instance (migration 0020, unlogged). */
import type { Timestamp } from './columns.ts';

export interface RateLimitsTable {
  key: string;
  hits: number;
  resetAt: Timestamp;
}
