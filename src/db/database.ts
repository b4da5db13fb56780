/**
 * One SQL dialect (PostgreSQL) on two engines: PostgreSQL through `pg` when a connection
 * string is given, otherwise the embedded PGlite in a folder (or in memory for tests).
 *
 * Columns are snake_case in the database and camelCase in TypeScript: Kysely's CamelCasePlugin
 * turns the names the query builder writes into snake_case and the keys of result rows into
 * camelCase. Raw `sql` text is not rewritten (it names the columns as the database does), and
 * JSON values (audit details, session data) keep their keys. Table names are the same on both sides.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, type Dialect } from 'kysely';
import pg from 'pg';
import { countingDialect, type StatementListener } from './counting-dialect.ts';
import { nameStatements } from './named-statements.ts';
import type { DB } from './schema/index.ts';

export type Database = Kysely<DB>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | {
      kind: 'pglite';
      dataDir: string | undefined /* undefined: in memory */;
      /** A data folder dumped by PGlite's `dumpDataDir` to start from (tests start from one migrated dump). */
      loadDataDir?: Blob;
      /** PGlite's own pglite.wasm, compiled once, for a process that opens many databases (the tests). */
      wasmModule?: WebAssembly.Module;
    };

const PG_DATE_OID = 1082;
const PG_INT8_OID = 20;

/** Dates stay `YYYY-MM-DD` strings (calendar days, no time zone); counts become numbers. */
const parseDate = (value: string): string => value;
const parseInt8 = (value: string): number => Number(value);

/** pg's own parsers, but for dates and counts. */
const typeParser = ((oid: number, format?: 'text' | 'binary'): unknown => {
  if (oid === PG_DATE_OID) return parseDate;
  if (oid === PG_INT8_OID) return parseInt8;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- pg types the oid as its enum of known ids
  return pg.types.getTypeParser(oid, format);
}) as typeof pg.types.getTypeParser;

const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];

export type DatabaseOptions = Readonly<{
  /** Called with the text of every statement sent, BEGIN and COMMIT included (tests, benchmark). */
  onStatement?: StatementListener;
  /** PostgreSQL: send statements as named prepared statements (default true; see named-statements.ts). */
  namedStatements?: boolean;
}>;

export function createDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Database {
  const counted = (dialect: Dialect): Dialect => (options.onStatement === undefined ? dialect : countingDialect(dialect, options.onStatement));
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      types: { getTypeParser: typeParser },
    });
    if (options.namedStatements !== false) nameStatements(pool);
    return new Kysely<DB>({ dialect: counted(new PostgresDialect({ pool })), plugins });
  }
  if (target.dataDir !== undefined) mkdirSync(target.dataDir, { recursive: true });
  // Options go in the one-argument form: with an undefined data folder, PGlite ignores a second argument.
  const pglite = new PGlite({
    dataDir: target.dataDir,
    loadDataDir: target.loadDataDir,
    pgliteWasmModule: target.wasmModule,
    parsers: { [PG_DATE_OID]: parseDate, [PG_INT8_OID]: parseInt8 },
  });
  return new Kysely<DB>({ dialect: counted(new PGliteDialect({ pglite })), plugins });
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'postgres' ? 'PostgreSQL' : target.dataDir === undefined ? 'PGlite (in memory)' : `PGlite (${target.dataDir})`;
}
