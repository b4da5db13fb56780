/** Column types shared by the tables. */
import type { ColumnType } from 'kysely';

/** A moment that can be changed later. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Written by the application from its clock (never a database default): one clock for every row. */
export type CreatedAt = ColumnType<Date, Date | string, never>;
/** The last change, from the application's clock. */
export type UpdatedAt = ColumnType<Date, Date | string, Date | string>;
/** A calendar date, `YYYY-MM-DD`. */
export type DateColumn = ColumnType<string, string, string>;
export type Json = ColumnType<Record<string, unknown>, string, string>;
/** Insertion order (migration 0006; bigint, read as a number): newest-first lists sort on it, not on a clock. */
export type Seq = ColumnType<number, never, never>;
