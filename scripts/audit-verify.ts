/**
 * `npm run audit:verify`: recomputes the hash chains of the audit log of the configured database
 * (ASVS 16.4.2) and names the first record that does not hold. Exits 1 on a break. On the
 * embedded database the portal must be stopped first (one process per data folder).
 */
import { loadConfig } from '../src/config.ts';
import { createDatabase, describeTarget, type DatabaseTarget } from '../src/db/database.ts';
import { DataDirInUseError, lockDataDir, type DataDirLock } from '../src/db/embedded-lock.ts';
import { createRepositories } from '../src/db/repositories/index.ts';
import { createAuditVerification } from '../src/services/audit/audit-verification.ts';

const REASONS = {
  schakel: 'verwijst niet naar het vorige record van zijn keten (een record is verwijderd, ingevoegd of verplaatst)',
  inhoud: 'heeft een inhoud die niet meer bij zijn hash past (het record is gewijzigd)',
  ongeketend: 'heeft geen hash, hoewel het na het begin van de keten geschreven is',
} as const;

const config = loadConfig();
const target: DatabaseTarget = config.databaseUrl !== undefined ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
let lock: DataDirLock | undefined;
try {
  if (target.kind === 'pglite' && target.dataDir !== undefined) lock = lockDataDir(target.dataDir);
} catch (error) {
  console.error(error instanceof DataDirInUseError ? error.message : error);
  process.exit(1);
}
const db = createDatabase(target);
try {
  const report = await createAuditVerification({ db, repos: createRepositories() }).verify();
  const where = describeTarget(target);
  if (report.broken === null) {
    console.log(`${where}: auditlog in orde: ${String(report.checked)} records in ${String(report.chains)} ketens nagerekend` +
      (report.unchained > 0 ? `, ${String(report.unchained)} oudere records zonder keten (van voor migratie 0013)` : '') + '.');
  } else {
    const { id, chain, reason } = report.broken;
    console.error(`${where}: auditlog GEBROKEN bij record ${String(id)} (keten ${chain ?? 'geen'}): het ${REASONS[reason]}. ${String(report.checked)} records ervoor zijn in orde.`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
  lock?.release();
}
