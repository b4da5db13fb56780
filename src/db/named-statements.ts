/**
 * Named prepared statements for PostgreSQL (issue 16). Kysely's PostgresDialect sends every
 * statement as `client.query(text, values)`, unnamed, so PostgreSQL parses and plans it again
 * on every request. This wrapper gives each distinct statement text a stable name (a hash of
 * the text) on each pooled connection, so that `pg` parses it once per connection and
 * PostgreSQL may keep its plan.
 *
 * Only SELECT, INSERT, UPDATE, DELETE and WITH are named (BEGIN, COMMIT and DDL keep the simple protocol).
 * Statement text with inlined values would create names without end, so each connection
 * names at most `maxPerConnection` texts; later new texts go unnamed, as before.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const NAMED_STATEMENTS_PER_CONNECTION = 500;

const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

export function statementName(text: string): string {
  return `k${createHash('sha1').update(text).digest('base64url')}`;
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

export function nameStatements(pool: pg.Pool, maxPerConnection = NAMED_STATEMENTS_PER_CONNECTION): void {
  pool.on('connect', (client) => {
    const target = client as unknown as { query: Query };
    const original: Query = target.query.bind(client);
    const named = new Set<string>();
    target.query = (config, values, callback) => {
      if (typeof config === 'string' && Array.isArray(values) && callback === undefined && PREPARABLE.test(config)) {
        const name = statementName(config);
        if (named.has(name) || named.size < maxPerConnection) {
          named.add(name);
          return original({ text: config, values, name });
        }
      }
      return original(config, values, callback);
    };
  });
}
