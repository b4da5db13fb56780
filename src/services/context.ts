import type { Database } from '../db/database.ts';
import type { Repositories } from '../db/repositories/index.ts';
import type { Clock } from './clock.ts';

/** What every use case needs: the database for its transaction, the repositories and the clock. */
export type ServiceContext = Readonly<{ db: Database; repos: Repositories; clock: Clock }>;
