import { sql } from 'kysely';
import type { AuditEntry, AuditRecord, ClientEvent } from '../../domain/audit.ts';
import type { Executor } from './executor.ts';


/** `at` comes from the application's clock, as every timestamp the application writes. */
export async function append(trx: Executor, entry: AuditEntry, at: Date): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      occurredAt: at,
      actorUserId: entry.actorUserId,
      actorLabel: entry.actorLabel,
      organisationId: entry.organisationId,
      action: entry.action,
      clientId: entry.clientId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
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

/** One page of a dossier's events of the given actions, newest first (index audit_events_client_idx). */
export async function pageOfClient(
  trx: Executor,
  clientId: string,
  actions: readonly string[],
  range: { limit: number; offset: number },
): Promise<{ total: number; events: ClientEvent[] }> {
  const base = trx.selectFrom('audit_events as a').where('a.clientId', '=', clientId).where('a.action', 'in', actions);
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const events = await base
    .leftJoin('organisations as o', 'o.id', 'a.organisationId')
    .select(['a.id', 'a.occurredAt', 'a.actorLabel', 'o.name as organisationName', 'a.action', 'a.details'])
    .orderBy('a.id', 'desc')
    .limit(range.limit)
    .offset(range.offset)
    .execute();
  return { total: counted.total, events };
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
  range: { limit: number; offset: number },
): Promise<{ total: number; events: ClientEvent[] }> {
  const visits = trx
    .with('e', (db) =>
      db
        .selectFrom('audit_events as a')
        .where('a.clientId', '=', clientId)
        .where('a.action', 'in', actions)
        .select([
          'a.id',
          'a.occurredAt',
          'a.actorLabel',
          'a.organisationId',
          'a.action',
          'a.details',
          sql<Date | null>`lag(a.occurred_at) over (partition by a.actor_user_id, a.action, a.details->>'page' order by a.id)`.as('previousAt'),
        ]),
    )
    .selectFrom('e')
    .where((eb) =>
      eb.or([
        eb('e.action', '<>', collapse.action),
        eb('e.previousAt', 'is', null),
        eb(sql`e.occurred_at - e.previous_at`, '>', sql`${collapse.gapSeconds} * interval '1 second'`),
      ]),
    );
  const counted = await visits.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const events = await visits
    .leftJoin('organisations as o', 'o.id', 'e.organisationId')
    .select(['e.id', 'e.occurredAt', 'e.actorLabel', 'o.name as organisationName', 'e.action', 'e.details'])
    .orderBy('e.id', 'desc')
    .limit(range.limit)
    .offset(range.offset)
    .execute();
  return { total: counted.total, events };
}

export async function listByActions(trx: Executor, actions: readonly string[], limit = 100): Promise<AuditRecord[]> {
  return trx.selectFrom('audit_events').selectAll().where('action', 'in', actions).orderBy('id', 'desc').limit(limit).execute();
}
