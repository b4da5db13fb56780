import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';
import type { Database } from './database.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_steps.ts';
import * as m0003 from './migrations/0003_documents.ts';
import * as m0004 from './migrations/0004_dossier_upkeep.ts';
import * as m0005 from './migrations/0005_attest_requests.ts';
import * as m0006 from './migrations/0006_one_clock.ts';
import * as m0007 from './migrations/0007_jobs_and_outbox.ts';
import * as m0008 from './migrations/0008_accounts.ts';
import * as m0009 from './migrations/0009_organisation_admin.ts';
import * as m0010 from './migrations/0010_client_search.ts';
import * as m0011 from './migrations/0011_document_kind_correction.ts';
import * as m0012 from './migrations/0012_planned_stop.ts';
import * as m0013 from './migrations/0013_audit_chain.ts';
import * as m0014 from './migrations/0014_second_factor.ts';
import * as m0015 from './migrations/0015_session_devices.ts';
import * as m0016 from './migrations/0016_upload_quota.ts';
import * as m0017 from './migrations/0017_api_tokens.ts';
import * as m0018 from './migrations/0018_webhooks.ts';
import * as m0019 from './migrations/0019_reference_versions.ts';
import * as m0020 from './migrations/0020_shared_rate_limits.ts';
import * as m0021 from './migrations/0021_audit_partitions.ts';
import * as m0022 from './migrations/0022_drop_lockout_columns.ts';

/** Migrations in order. A new migration is a new file added here; a landed one never changes what it does. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_foundation': m0001,
  '0002_steps': m0002,
  '0003_documents': m0003,
  '0004_dossier_upkeep': m0004,
  '0005_attest_requests': m0005,
  '0006_one_clock': m0006,
  '0007_jobs_and_outbox': m0007,
  '0008_accounts': m0008,
  '0009_organisation_admin': m0009,
  '0010_client_search': m0010,
  '0011_document_kind_correction': m0011,
  '0012_planned_stop': m0012,
  '0013_audit_chain': m0013,
  '0014_second_factor': m0014,
  '0015_session_devices': m0015,
  '0016_upload_quota': m0016,
  '0017_api_tokens': m0017,
  '0018_webhooks': m0018,
  '0019_reference_versions': m0019,
  '0020_shared_rate_limits': m0020,
  '0021_audit_partitions': m0021,
  '0022_drop_lockout_columns': m0022,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Brings the schema up to date; throws when any migration fails (the caller exits non-zero). */
export function migrateToLatest(db: Database): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema to the named migration (tests of a migration on the rows before it). */
export function migrateTo(db: Database, name: string): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(db: Database, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<string[]> {
  // Migrations name tables and columns as the database does: they run without the camelCase mapping.
  const migrator = new Migrator({ db: db.withoutPlugins(), provider });
  const result = await run(migrator);
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'onbekend';
    const reason = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new MigrationError(`Migratie ${failed} mislukt: ${reason}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
