/**
 * A landed migration never changes what it does to a database (docs/architecture.md, issue 11).
 * Each migration runs here against no database: Kysely compiles its statements for PostgreSQL and
 * a dummy driver answers every read with no rows, as a new database would. The statements and
 * their parameters are hashed per migration and compared with the hashes below. Moving a landed
 * migration onto a shared helper (migration-helpers.ts) must keep its hash; a new migration adds
 * its line. Only 0001 and 0003 changed in issue 11, by the quoting of four trigger names (same
 * schema, compared with pg_dump).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { MIGRATIONS } from '../../src/db/migrate.ts';

const LANDED: Readonly<Record<string, string>> = {
  '0001_foundation': '7cb56ecf4cab612c0742b0da665b3fe3e8c2e0e556ab86f80d4c7afc3ce2cf0c',
  '0002_steps': '332a01e44badaebd0c2705d3756b07897fa20bd2e4c78b41978502754ce0624d',
  '0003_documents': 'b406a766808b590e9785e49af1f4853607435a193a8e8aa0f06ea89d63e6e68a',
  '0004_dossier_upkeep': 'f1967d2f77764140d8f7cdb6e38234019c0a49972a7a19c5960a57a0d434a6f0',
  '0005_attest_requests': '3d458c02343346821f94737fdbef37acb1d850eac8f41359631941805fb80017',
  '0006_one_clock': 'e7303c73f7003634bc91a2010e1a13cb0f886dc26abaaa5f4da14e07a4cbd452',
  '0007_jobs_and_outbox': 'b09f2a19c5a7f26765c8740ef6e3e6dc064a906d10eb0448f5e308b96ea51f9d',
  '0008_accounts': '01c78a5db22635bc2ff5649c33dc88b03ecc7c79e51c99fef9f51253e71f2be6',
  '0009_organisation_admin': 'f79e7900a914ee40875b9b0021922c88032dd47c2c485a568e006d42739ea1d8',
  '0010_client_search': '667c67427cc7f0a2e89dda3fd06e38f0c4a4b7c75c0fac5ae56bcef8bfad9e7b',
  '0011_document_kind_correction': '694efe1938b2f84499e91ba8dd4f97607289c143f44067f50aec5cd1fbd29c35',
  '0012_planned_stop': '863e4a1d3d1401c594ebfaca97eeeaed5ee07283a4ba84b429e77e50345b7ef2',
  '0013_audit_chain': '4630123667b01e32e3e6b123f7b7a19f4984ffafc3f64203002e478b8808dc7c',
  '0014_second_factor': '80e0615f67d22351d453d186c323e5b763aa579e3355cf0ac59525fb06e93812',
  '0015_session_devices': 'c5aafe9f09fe2f83ae3c1a8b6b56a9c3f930642aaf487679a96cc3df111dc030',
  '0016_upload_quota': 'f4fc80f9eb8bfe98a9b9352e842e444658a4be4bebe2ea486250e2c0a00e0d7e',
  '0017_api_tokens': '6afc52f78f37d31b6670bb782ca9b53c1a2934f4053bb8356c626489c5c26e40',
  '0018_webhooks': '9215a5bc9dec68abe08772d31c589861e3f5e34184b42bf0b0d88299069d09d8',
  '0019_reference_versions': '956c3af74158967b9bf9f971e553e6a0d2ae851d52db55b8f96691d072b7f080',
  '0020_shared_rate_limits': '2d1a28290efe192ed1468182a0478ca8a25b7b6808c6de2c5aeef62a1438dc27',
  '0021_audit_partitions': 'bd3bcc5a68b53b343842fbd656dc45b7e0b809bf60bf0b57978124f33cfb39ea',
  '0022_drop_lockout_columns': '0ca84dd9cd110b8f2515962ef105a05d128a9bc681adf6c008a2d6784df81d45',
};

/** The SHA-256 of every statement the migration sends, each as its text and its parameters. */
async function statementsDigest(up: (db: Kysely<unknown>) => Promise<void>): Promise<string> {
  const hash = createHash('sha256');
  const db = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      hash.update(JSON.stringify([event.query.sql, event.query.parameters])).update('\n');
    },
  });
  await up(db);
  await db.destroy();
  return hash.digest('hex');
}

describe('landed migrations', () => {
  it('issue 11: every landed migration sends the same statements with the same values as when it landed', async () => {
    const digests: Record<string, string> = {};
    for (const [name, migration] of Object.entries(MIGRATIONS)) digests[name] = await statementsDigest((db) => migration.up(db));
    assert.deepEqual(digests, LANDED);
  });
});
