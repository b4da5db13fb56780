/**
 * Accounts administered in the portal (issue 12, users and sign-in):
 * - `account_tokens`: the one-time links to choose a password (an invitation or a reset). Only a
 *   SHA-256 of the 256-bit token is stored; a link expires, is used once and is void when a newer
 *   one is issued for the same user. Timestamps come from the application's clock.
 * - `users.password_hash` may be empty: an invited user has no password until the link is used.
 * - `users.version` (O12): an administrator's change made on an older version is refused.
 * - indexes for the paged, searchable user list and for the history of one user in the audit log.
 * The unique case-insensitive e-mail index exists since 0001 (`users_email_unique`).
 * Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import { createTableWithUuid, type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await createTableWithUuid(db, 'account_tokens')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('invite', 'reset')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('voided_at', 'timestamptz')
    .addCheckConstraint('account_tokens_expiry_check', sql`expires_at > created_at`)
    .execute();
  await db.schema.createIndex('account_tokens_user_idx').on('account_tokens').column('user_id').execute();

  await db.schema.alterTable('users').alterColumn('password_hash', (c) => c.dropNotNull()).execute();
  await db.schema.alterTable('users').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await sql`create index users_name_idx on users (lower(display_name), id)`.execute(db);
  await sql`create index users_organisation_name_idx on users (organisation_id, lower(display_name), id)`.execute(db);
  await sql`create index audit_events_subject_user_idx on audit_events ((details->>'userId'), id) where details->>'userId' is not null`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
