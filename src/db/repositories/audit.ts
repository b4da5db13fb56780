import { sql, type QueryCreator, type SelectQueryBuilder } from 'kysely';
import type { AuditEntry, AuditRecord, ClientEvent } from '../../domain/audit.ts';
import { auditHash, chainOf, GENESIS_HASH, type StoredLink } from '../../domain/audit-chain.ts';
import type { DB } from '../schema/index.ts';
import type { Executor } from './executor.ts';


/**
 * Appends a record to its chain (ASVS 16.4.2): under a transaction-scoped lock on the chain, so
 * that concurrent writers of one dossier link their records in one order, it reads the chain's
 * last hash and writes the new record with its own. The lock is held until the caller's
 * transaction ends; other dossiers' chains do not wait. `at` comes from the application's clock.
 *
 * `durable: false` (a dossier page view, A6; issue 16) lets the caller's transaction commit
 * without waiting for its WAL flush (`synchronous_commit = off` for that transaction only, set
 * in the lock's statement, so no round trip is added). The record is visible to everyone at
 * commit, like any other; only a crash of the database server itself can lose the last few
 * hundred milliseconds of such commits (docs/performance.md).
 */
export async function append(trx: Executor, entry: AuditEntry, at: Date, options: { durable?: boolean } = {}): Promise<void> {
  if (!trx.isTransaction) {
    await trx.transaction().execute((inner) => append(inner, entry, at, options));
    return;
  }
  const chain = chainOf(entry.clientId);
  if (options.durable === false) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${chain}, 0)), set_config('synchronous_commit', 'off', true)`.execute(trx);
  } else {
    await sql`select pg_advisory_xact_lock(hashtextextended(${chain}, 0))`.execute(trx);
  }
  const last = await trx.selectFrom('audit_events').select('hash').where('chain', '=', chain).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  // The hash covers the details as the database will give them back (JSON), not as passed.
  const details = JSON.parse(JSON.stringify(entry.details ?? {})) as unknown;
  const content = {
    chain,
    occurredAt: at,
    actorUserId: entry.actorUserId,
    actorLabel: entry.actorLabel,
    organisationId: entry.organisationId,
    action: entry.action,
    clientId: entry.clientId ?? null,
    details,
  };
  await trx
    .insertInto('audit_events')
    .values({ ...content, details: JSON.stringify(details), prevHash, hash: auditHash(prevHash, content) })
    .execute();
}

/** The records after `afterId` (every chain), in id order: the verification reads them in pages. */
export async function pageAfter(trx: Executor, afterId: number, limit: number): Promise<StoredLink[]> {
  const rows = await trx
    .selectFrom('audit_events')
    .select(['id', 'chain', 'occurredAt', 'actorUserId', 'actorLabel', 'organisationId', 'action', 'clientId', 'details', 'prevHash', 'hash'])
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  return rows;
}

export async function listByClient(trx: Executor, clientId: string, limit = 100): Promise<AuditRecord[]> {
  return trx.selectFrom('audit_events').selectAll().where('clientId', '=', clientId).orderBy('id', 'desc').limit(limit).execute();
}

/** The dossier's events of one kind family (e.g. steps), oldest first, for the timeline. */
export async function listByClientAndActions(trx: Executor, clientId: string, actions: readonly string[], limit = 500): Promise<AuditRecord[]> {
  return trx
    .selectFrom('audit_events')
    .selectAll()
    .where('clientId', '=', clientId)
    .where('action', 'in', actions)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/** Whether the dossier's log holds a record of one of the actions for this item (`details.itemId`). */
export async function hasItemRecord(trx: Executor, clientId: string, itemId: string, actions: readonly string[]): Promise<boolean> {
  const row = await trx
    .selectFrom('audit_events')
    .select('id')
    .where('clientId', '=', clientId)
    .where('action', 'in', actions)
    .where(sql<string>`details->>'itemId'`, '=', itemId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The history of one step, oldest first. */
export async function listForStep(trx: Executor, clientId: string, stepId: string): Promise<AuditRecord[]> {
  return trx
    .selectFrom('audit_events')
    .selectAll()
    .where('clientId', '=', clientId)
    .where(sql<string>`details->>'stepId'`, '=', stepId)
    .orderBy('id', 'asc')
    .execute();
}

/** The history of one document (D5, D7), oldest first, with the name of each actor's organisation. */
export async function listForDocument(trx: Executor, clientId: string, documentId: string, actions: readonly string[]): Promise<ClientEvent[]> {
  return trx
    .selectFrom('audit_events as a')
    .leftJoin('organisations as o', 'o.id', 'a.organisationId')
    .select(['a.id', 'a.occurredAt', 'a.actorLabel', 'o.name as organisationName', 'a.action', 'a.details'])
    .where('a.clientId', '=', clientId)
    .where('a.action', 'in', actions)
    .where(sql<string>`a.details->>'documentId'`, '=', documentId)
    .orderBy('a.id', 'asc')
    .execute();
}

type Range = Readonly<{ limit: number; offset: number }>;
type EventsPage = { total: number; events: ClientEvent[] };

/** The dossier's events of `actions` (index audit_events_client_idx) with the columns the log pages read. */
function eventsOfClient(db: QueryCreator<DB>, clientId: string, actions: readonly string[]) {
  return db
    .selectFrom('audit_events as a')
    .where('a.clientId', '=', clientId)
    .where('a.action', 'in', actions)
    .select(['a.id', 'a.occurredAt', 'a.actorLabel', 'a.organisationId', 'a.action', 'a.details']);
}

type EventColumns = Readonly<{ id: number; occurredAt: Date; actorLabel: string; organisationId: string | null; action: string; details: Record<string, unknown> }>;

/** One page of the events `e`, newest first, with their total and the name of each actor's organisation. */
async function pageOfEvents(events: SelectQueryBuilder<DB & { e: EventColumns }, 'e', object>, range: Range): Promise<EventsPage> {
  const counted = await events.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const page = await events
    .leftJoin('organisations as o', 'o.id', 'e.organisationId')
    .select(['e.id', 'e.occurredAt', 'e.actorLabel', 'o.name as organisationName', 'e.action', 'e.details'])
    .orderBy('e.id', 'desc')
    .limit(range.limit)
    .offset(range.offset)
    .execute();
  return { total: counted.total, events: page };
}

/** One page of a dossier's events of the given actions, newest first. */
export async function pageOfClient(trx: Executor, clientId: string, actions: readonly string[], range: Range): Promise<EventsPage> {
  return pageOfEvents(trx.with('e', (db) => eventsOfClient(db, clientId, actions)).selectFrom('e'), range);
}

/**
 * One page of a dossier's visits, newest first (A6 "Wie bekeek dit dossier", issue 15 defect 11):
 * the events of `actions`, except that an opening (`collapse.action`) of a page that the same
 * user opened before within `collapse.gapSeconds` counts as the same visit and is left out. The
 * visit shows as its first opening. Every record stays in the audit log; this only reads it.
 */
export async function visitsOfClient(
  trx: Executor,
  clientId: string,
  actions: readonly string[],
  collapse: { action: string; gapSeconds: number },
  range: Range,
): Promise<EventsPage> {
  const visits = trx
    .with('e', (db) =>
      eventsOfClient(db, clientId, actions).select(
        sql<Date | null>`lag(a.occurred_at) over (partition by a.actor_user_id, a.action, a.details->>'page' order by a.id)`.as('previousAt'),
      ),
    )
    .selectFrom('e')
    .where((eb) =>
      eb.or([
        eb('e.action', '<>', collapse.action),
        eb('e.previousAt', 'is', null),
        eb(sql`e.occurred_at - e.previous_at`, '>', sql`${collapse.gapSeconds} * interval '1 second'`),
      ]),
    );
  return pageOfEvents(visits, range);
}

export async function listByActions(trx: Executor, actions: readonly string[], limit = 100): Promise<AuditRecord[]> {
  return trx.selectFrom('audit_events').selectAll().where('action', 'in', actions).orderBy('id', 'desc').limit(limit).execute();
}

/**
 * The records whose details hold `value` under `key`, oldest first. The key is written into the
 * query as a literal, so that the partial index of migration 0009 (on `subjectId`) applies.
 */
function listByDetail(trx: Executor, key: 'subjectId' | 'subjectOrganisationId', value: string, limit: number): Promise<AuditRecord[]> {
  return trx
    .selectFrom('audit_events')
    .selectAll()
    .where(sql<boolean>`details ? ${sql.lit(key)}`)
    .where(sql<string>`details->>${sql.lit(key)}`, '=', value)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/** The history of one administered record (organisation, office, funding number, step type, occupation), oldest first. */
export async function listForSubject(trx: Executor, subjectId: string, limit = 500): Promise<AuditRecord[]> {
  return listByDetail(trx, 'subjectId', subjectId, limit);
}

/** The administrative history of an organisation and everything of it (offices, funding numbers, step types), oldest first. */
export async function listForSubjectOrganisation(trx: Executor, organisationId: string, limit = 500): Promise<AuditRecord[]> {
  return listByDetail(trx, 'subjectOrganisationId', organisationId, limit);
}

/** Issue 17: per client, the moment of its last recorded change (any action but `excluded`: openings, refusals). */
export async function lastChangesOf(trx: Executor, clientIds: readonly string[], excluded: readonly string[]): Promise<Map<string, Date>> {
  if (clientIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('audit_events')
    .select(['clientId', (eb) => eb.fn.max('occurredAt').as('last')])
    .where('clientId', 'in', clientIds)
    .where('action', 'not in', excluded)
    .groupBy('clientId')
    .execute();
  return new Map(rows.flatMap((r) => (r.clientId === null ? [] : [[r.clientId, new Date(r.last)] as const])));
}
