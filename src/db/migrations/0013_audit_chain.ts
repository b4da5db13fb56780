/**
 * A tamper-evident audit log (ASVS 16.4.2, issue 13 item 8): every record carries the hash of the
 * previous record of its chain and its own hash. A chain is a dossier (the client's id) or, for
 * records of no dossier, "portaal". Records written before this migration keep no hash: the
 * verification starts each chain at its first hashed record and counts the older ones apart.
 * Written against Kysely<any>; never edited after it landed.
 */
import { type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('audit_events')
    .addColumn('chain', 'text')
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text')
    .execute();
  await db.schema.createIndex('audit_events_chain_idx').on('audit_events').columns(['chain', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('audit_events_chain_idx').execute();
  await db.schema.alterTable('audit_events').dropColumn('hash').dropColumn('prev_hash').dropColumn('chain').execute();
}
