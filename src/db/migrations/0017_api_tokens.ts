/**
 * Partner API v1 (issue 17):
 * - `users.api_system`: the one account per partner organisation under which its API tokens act
 *   ("systeem van <organisatie>"). It has no password and is disabled, so nobody can log in with
 *   it; the user administration does not list it. Rows it writes (steps, stop requests) name it.
 * - `api_tokens`: a token per name and scopes of an organisation; only the SHA-256 of the secret
 *   is stored, the token carries its id so that lookup is by id. Revoked and expired tokens stay
 *   listed. `last_used_at` is refreshed at most once a minute.
 * - `api_idempotency`: the first answer to a create with an `Idempotency-Key`, per token and key,
 *   kept 24 hours, in the database so that every instance sees it.
 * Timestamps come from the application's clock. Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import type { AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('api_system', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await sql`create unique index users_api_system_unique on users (organisation_id) where api_system`.execute(db);

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('system_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scopes', 'jsonb', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by_label', 'text')
    .addColumn('last_used_at', 'timestamptz')
    .addCheckConstraint('api_tokens_expiry_check', sql`expires_at > created_at`)
    .execute();
  await db.schema.createIndex('api_tokens_organisation_idx').on('api_tokens').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('api_idempotency')
    .addColumn('token_id', 'uuid', (c) => c.notNull().references('api_tokens.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('response', 'jsonb')
    .addPrimaryKeyConstraint('api_idempotency_pk', ['token_id', 'key'])
    .execute();
  await db.schema.createIndex('api_idempotency_created_idx').on('api_idempotency').column('created_at').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
