/**
 * Webhooks (issue 17, item 6): the endpoints an organisation registers, and the outbox rows that
 * carry their deliveries.
 * - `webhook_endpoints`: URL, chosen events, the signing secret encrypted with the portal's key
 *   (AES-256-GCM, `WEBHOOK_SECRET_KEY`), enabled or not.
 * - `outbox` gains the endpoint of a webhook row, its ordering key (endpoint + dossier: a later
 *   event waits until the earlier one is delivered or given up) and the last attempt's instant and
 *   HTTP status, shown on the page.
 * - `webhook_access_endings`: which attest's end of access (A1) was announced, for which end date,
 *   so that the sweep announces each once (again only when an extension moved the end).
 * Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import { createTableWithUuid, type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await createTableWithUuid(db, 'webhook_endpoints')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('url', 'text', (c) => c.notNull().check(sql`char_length(url) between 8 and 2000`))
    .addColumn('events', sql`text[]`, (c) => c.notNull().check(sql`cardinality(events) > 0`))
    /** base64 of iv (12 bytes) + tag (16 bytes) + ciphertext: never the secret itself. */
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .execute();
  await sql`create index webhook_endpoints_organisation_idx on webhook_endpoints (organisation_id, seq)`.execute(db);

  await db.schema
    .alterTable('outbox')
    .addColumn('webhook_endpoint_id', 'uuid', (c) => c.references('webhook_endpoints.id').onDelete('set null'))
    .addColumn('ordering_key', 'text')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_status', 'integer')
    .execute();
  await sql`alter table outbox add constraint outbox_webhook_ordering_check check ((channel = 'webhook') = (ordering_key is not null))`.execute(db);
  // The head of each dossier's queue: the oldest row of the key that is neither sent nor given up.
  await sql`create index outbox_webhook_order_idx on outbox (ordering_key, id) where channel = 'webhook' and sent_at is null and given_up_at is null`.execute(db);
  // The page's "last delivery" per endpoint.
  await sql`create index outbox_webhook_endpoint_idx on outbox (webhook_endpoint_id, id) where webhook_endpoint_id is not null`.execute(db);

  await db.schema
    .createTable('webhook_access_endings')
    .addColumn('attest_id', 'uuid', (c) => c.primaryKey().references('attests.id'))
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('announced_at', 'timestamptz', (c) => c.notNull())
    .execute();
}
