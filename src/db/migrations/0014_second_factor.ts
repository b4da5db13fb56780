/**
 * A second factor for every account (issue 13 item 1, ASVS 6.3.3, 6.5):
 * - `second_factors`: one TOTP secret per user, stored encrypted by the application (AES-256-GCM,
 *   key from MFA_ENCRYPTION_KEY): the row never holds the secret in clear. `confirmed_at` is null
 *   while the enrolment waits for its first code. `last_used_step` is the RFC 6238 time-step of the
 *   last accepted code: a code of that step or an earlier one is refused (no replay).
 * - `recovery_codes`: the 10 single-use codes, only their SHA-256 (each code has 120 random bits).
 * Timestamps come from the application's clock. Written against Kysely<any>; never edited after it landed.
 */
import { createTableWithUuid, type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('second_factors')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('last_used_step', 'integer')
    .execute();
  await createTableWithUuid(db, 'recovery_codes')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('recovery_codes_user_idx').on('recovery_codes').column('user_id').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
