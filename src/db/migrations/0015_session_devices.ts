/**
 * Issue 13, items 2 and 3: a growing login delay instead of the hard lockout, and sessions the
 * user can see.
 * - `login_throttle`: failure counters of the login, one row per scope and key: `adres` (the
 *   normalised e-mail address, known or not), `ip` (the client address) and `adres-ip` (the pair;
 *   it also remembers the last successful login from that client address). The key is a SHA-256,
 *   so the table holds no address in clear. Every instant comes from the application's clock.
 * - `sessions.user_agent`: the browser's User-Agent at login (cut to 512 characters), shown as a
 *   short device summary on "Mijn sessies".
 * - The old lock (`users.locked_until`) is no longer set nor read: locks still running are lifted.
 * Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import type { AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('adres', 'ip', 'adres-ip')`))
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0).check(sql`failures >= 0`))
    .addColumn('last_failed_at', 'timestamptz')
    .addColumn('notified_at', 'timestamptz')
    .addColumn('last_success_at', 'timestamptz')
    .addPrimaryKeyConstraint('login_throttle_pkey', ['scope', 'key_hash'])
    .execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.updateTable('users').set({ locked_until: null, failed_attempts: 0, first_failed_at: null }).execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
