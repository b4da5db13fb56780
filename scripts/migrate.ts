/** `npm run migrate`: brings the configured database up to date; exits non-zero on failure. */
import { loadConfig } from '../src/config.ts';
import { createDatabase, describeTarget, type DatabaseTarget } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const config = loadConfig();
const target: DatabaseTarget = config.databaseUrl !== undefined ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
const db = createDatabase(target);
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length === 0 ? `${describeTarget(target)}: al up-to-date` : `${describeTarget(target)}: toegepast ${applied.join(', ')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
