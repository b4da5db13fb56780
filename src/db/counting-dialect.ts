/**
 * A dialect wrapper that reports every statement the application sends, including BEGIN,
 * COMMIT and ROLLBACK (which PGlite runs outside `executeQuery`). Used by the statement
 * budget test and the benchmark; production runs without it.
 */
import type { DatabaseConnection, Dialect, Driver } from 'kysely';

export type StatementListener = (sql: string) => void;

export function countingDialect(inner: Dialect, listener: StatementListener): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => countingDriver(inner.createDriver(), listener),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
  };
}

function countingDriver(inner: Driver, listener: StatementListener): Driver {
  const patched = new WeakSet<DatabaseConnection>();
  // A connection inside BEGIN/COMMIT/ROLLBACK: counted once by the wrapper, not again by executeQuery.
  const inControl = new WeakSet<DatabaseConnection>();
  async function control(connection: DatabaseConnection, text: string, run: () => Promise<void>): Promise<void> {
    listener(text);
    inControl.add(connection);
    try {
      await run();
    } finally {
      inControl.delete(connection);
    }
  }
  const driver: Driver = {
    init: (options) => inner.init(options),
    async acquireConnection(options) {
      const connection = await inner.acquireConnection(options);
      if (!patched.has(connection)) {
        patched.add(connection);
        const execute = connection.executeQuery.bind(connection);
        connection.executeQuery = (query) => {
          if (!inControl.has(connection)) listener(query.sql);
          return execute(query);
        };
      }
      return connection;
    },
    beginTransaction: (connection, settings) => control(connection, 'begin', () => inner.beginTransaction(connection, settings)),
    commitTransaction: (connection) => control(connection, 'commit', () => inner.commitTransaction(connection)),
    rollbackTransaction: (connection) => control(connection, 'rollback', () => inner.rollbackTransaction(connection)),
    releaseConnection: (connection, options) => inner.releaseConnection(connection, options),
    destroy: (options) => inner.destroy(options),
  };
  if (inner.savepoint !== undefined) driver.savepoint = inner.savepoint.bind(inner);
  if (inner.rollbackToSavepoint !== undefined) driver.rollbackToSavepoint = inner.rollbackToSavepoint.bind(inner);
  if (inner.releaseSavepoint !== undefined) driver.releaseSavepoint = inner.releaseSavepoint.bind(inner);
  return driver;
}
