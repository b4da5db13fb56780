import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.ts';

/** A transaction or the database itself: repositories take whichever the use case passes. */
export type Executor = Kysely<DB>;
