/**
 * Checks that the schema types (src/db/schema/) match the migrated database.
 *
 * Migrates a fresh in-memory PGlite (as src/db/database.ts opens it), reads its tables with kysely-codegen's PostgreSQL
 * introspector, reads the `DB` interface with the TypeScript compiler, and compares them after
 * normalising both sides: table names, column names (camelCase in the types, as the
 * CamelCasePlugin maps them), nullability, the base type a row holds (string, number, boolean,
 * Date, JSON, arrays) and whether an insert may leave the column out. The checked-in types are
 * richer than what codegen writes (unions for the checked values, ColumnType for timestamps), so
 * they are compared by meaning, not as text. Prints one line per mismatch and exits 1 when there
 * is any.
 *
 *   npm run check:schema
 */
import { fileURLToPath } from 'node:url';
import { CamelCasePlugin, type Kysely } from 'kysely';
import { PostgresIntrospector, type PostgresDB } from 'kysely-codegen';
import ts from 'typescript';
import { createDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const SCHEMA_FILE = fileURLToPath(new URL('../src/db/schema/index.ts', import.meta.url));

/** A column as both sides are compared: what a row holds and what an insert needs. */
type Column = Readonly<{ nullable: boolean; base: string; insertOptional: boolean }>;
type Tables = Map<string, Map<string, Column>>;

/** What a row of the application holds for a PostgreSQL type, given the parsers of src/db/database.ts. */
const BASE_OF_PG_TYPE: Record<string, readonly string[]> = {
  text: ['string'],
  varchar: ['string'],
  bpchar: ['string'],
  uuid: ['string'],
  date: ['string'], // calendar days stay `YYYY-MM-DD`
  int2: ['number'],
  int4: ['number'],
  // bigint: read as a number (sizes); the insertion order `seq` is typed as text and only sorted on.
  int8: ['number', 'string'],
  bool: ['boolean'],
  timestamptz: ['Date'],
  timestamp: ['Date'],
  json: ['json'],
  jsonb: ['json'],
};

async function databaseTables(): Promise<Tables> {
  const db = createDatabase({ kind: 'pglite', dataDir: undefined });
  try {
    await migrateToLatest(db);
    // The introspector reads the catalogue as it is: without the camelCase mapping of the application.
    const catalogue = db.withoutPlugins() as unknown as Kysely<PostgresDB>;
    const metadata = await new PostgresIntrospector().introspect({ db: catalogue });
    const tables: Tables = new Map();
    for (const table of metadata.tables) {
      if (table.name.startsWith('kysely_')) continue;
      const columns = new Map<string, Column>();
      for (const column of table.columns) {
        const bases = BASE_OF_PG_TYPE[column.dataType] ?? [`(${column.dataType})`];
        columns.set(column.name, {
          nullable: column.isNullable,
          base: bases.map((base) => (column.isArray ? `${base}[]` : base)).join(' or '),
          insertOptional: column.hasDefaultValue || column.isAutoIncrementing,
        });
      }
      tables.set(table.name, columns);
    }
    return tables;
  } finally {
    await db.destroy();
  }
}

function typeTables(): Tables {
  const program = ts.createProgram([SCHEMA_FILE], { strict: true, noEmit: true, allowImportingTsExtensions: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2024 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE);
  const declaration = source?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB');
  if (declaration === undefined) throw new Error(`interface DB not found in ${SCHEMA_FILE}`);
  const db = checker.getTypeAtLocation(declaration);

  const part = (type: ts.Type, name: '__select__' | '__insert__'): ts.Type => {
    const property = type.getProperty(name);
    return property === undefined ? type : checker.getTypeOfSymbol(property);
  };
  const members = (type: ts.Type): ts.Type[] => (type.isUnion() ? type.types : [type]);
  const baseOf = (type: ts.Type): string => {
    if (type.flags & (ts.TypeFlags.StringLike)) return 'string';
    if (type.flags & ts.TypeFlags.NumberLike) return 'number';
    if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      return `${element === undefined ? '?' : baseOf(element)}[]`;
    }
    const text = checker.typeToString(type);
    return text === 'Date' ? 'Date' : text.startsWith('Record<string,') ? 'json' : `(${text})`;
  };

  const tables: Tables = new Map();
  for (const table of checker.getPropertiesOfType(db)) {
    const columns = new Map<string, Column>();
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      // `ColumnType<…> | null` is a union: each member has its own select and insert types.
      const declared = members(checker.getTypeOfSymbol(column)).filter((t) => (t.flags & ts.TypeFlags.Null) === 0);
      const selected = members(checker.getTypeOfSymbol(column)).flatMap((t) => members(part(t, '__select__')));
      const inserted = declared.flatMap((t) => members(part(t, '__insert__')));
      const nonNull = selected.filter((t) => (t.flags & ts.TypeFlags.Null) === 0);
      columns.set(column.name, {
        nullable: nonNull.length < selected.length,
        base: [...new Set(nonNull.map(baseOf))].join(' | '),
        // Generated<…> (insert type with undefined) or never written (GeneratedAlways, ColumnType<…, never>).
        insertOptional: inserted.some((t) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Never)) !== 0),
      });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

/** The column names as the application's CamelCasePlugin maps them. */
class ColumnNames extends CamelCasePlugin {
  toCamel(name: string): string {
    return this.camelCase(name);
  }
  toSnake(name: string): string {
    return this.snakeCase(name);
  }
}

/** One line per difference between the migrated database and the types. */
function compare(database: Tables, types: Tables): string[] {
  const names = new ColumnNames();
  const problems: string[] = [];
  for (const table of database.keys()) if (!types.has(table)) problems.push(`${table}: table in the database, not in the DB interface`);
  for (const table of types.keys()) if (!database.has(table)) problems.push(`${table}: table in the DB interface, not in the database`);
  for (const [table, dbColumns] of database) {
    const typeColumns = types.get(table);
    if (typeColumns === undefined) continue;
    const seen = new Set<string>();
    for (const [column, actual] of dbColumns) {
      const key = names.toCamel(column);
      const where = `${table}.${column} (${key})`;
      seen.add(key);
      if (names.toSnake(key) !== column) problems.push(`${where}: the CamelCasePlugin would not map ${key} back to ${column}`);
      const declared = typeColumns.get(key);
      if (declared === undefined) {
        problems.push(`${where}: column in the database, not in the types`);
        continue;
      }
      if (declared.nullable !== actual.nullable) problems.push(`${where}: ${actual.nullable ? 'nullable' : 'not null'} in the database, ${declared.nullable ? 'nullable' : 'not null'} in the types`);
      if (!actual.base.split(' or ').includes(declared.base)) problems.push(`${where}: ${actual.base} in the database, ${declared.base} in the types`);
      if (declared.insertOptional && !actual.insertOptional) problems.push(`${where}: optional on insert in the types (Generated), but the database has no default`);
    }
    for (const key of typeColumns.keys()) if (!seen.has(key)) problems.push(`${table}.${key}: column in the types, not in the database`);
  }
  return problems;
}

const [database, types] = [await databaseTables(), typeTables()];
const problems = compare(database, types);
if (problems.length > 0) {
  console.error(`Schema types and migrated database differ (${problems.length}):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
const columns = [...database.values()].reduce((n, table) => n + table.size, 0);
console.log(`Schema types match the migrated database: ${database.size} tables, ${columns} columns.`);
