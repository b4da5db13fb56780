/**
 * Issue 11: the columns of the old hard lockout go. Since migration 0015 the growing login delay
 * (`login_throttle`) replaced it: `users.locked_until`, `failed_attempts` and `first_failed_at`
 * were only ever reset since, never set nor read. The audit records of old locks
 * (`account.geblokkeerd`) stay as they are. Written against Kysely<any>; never edited after it landed.
 */
import type { AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').dropColumn('locked_until').dropColumn('failed_attempts').dropColumn('first_failed_at').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
