/**
 * `npm run storage:verify`: checks every row that refers to a document blob (documents, scans of
 * signed attests) against the configured store (the bucket of S3_BUCKET or DATA_DIR/blobs) and
 * names each one whose bytes are missing. Exits 1 when one is missing or the store cannot be
 * used. On the embedded database the portal must be stopped first (one process per data folder).
 */
import { ConfigError, loadConfig, type Config } from '../src/config.ts';
import { createDatabase, describeTarget, type DatabaseTarget } from '../src/db/database.ts';
import { DataDirInUseError, lockDataDir, type DataDirLock } from '../src/db/embedded-lock.ts';
import { createRepositories } from '../src/db/repositories/index.ts';
import { systemClock } from '../src/services/clock.ts';
import { createBlobUpkeepService } from '../src/services/documents/blob-upkeep-service.ts';
import { BlobStoreUnavailableError } from '../src/storage/blob-store.ts';
import { createBlobStore } from '../src/storage/create-blob-store.ts';

const TABLES = { documents: 'document', attest_requests: 'scan van attestaanvraag' } as const;

let lock: DataDirLock | undefined;
let config: Config;
try {
  config = loadConfig();
  if (config.databaseUrl === undefined) lock = lockDataDir(config.dataDir);
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuratiefout: ${error.message}` : error instanceof DataDirInUseError ? error.message : error);
  process.exit(1);
}
const target: DatabaseTarget = config.databaseUrl !== undefined ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
const storage = await createBlobStore(config, systemClock);
const db = createDatabase(target);
try {
  await storage.probe();
  const report = await createBlobUpkeepService({ db, repos: createRepositories(), clock: systemClock }, storage, { graceHours: config.orphanGraceHours }).verify();
  const where = `${describeTarget(target)}, ${storage.description}`;
  if (report.missing.length === 0) {
    console.log(`${where}: documentopslag in orde: de bestanden van alle ${String(report.checked)} rijen zijn aanwezig.`);
  } else {
    for (const row of report.missing) console.error(`ONTBREEKT: ${TABLES[row.table]} ${row.id} (sha256 ${row.sha256})`);
    console.error(`${where}: ${String(report.missing.length)} van ${String(report.checked)} rijen missen hun bestand.`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof BlobStoreUnavailableError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
  lock?.release();
}
