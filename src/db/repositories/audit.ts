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

export async function listByActions(trx: Executor, actions: readonly string[], limit = 100): Promise<AuditRecord[]> {
  return trx.selectFrom('audit_events').selectAll().where('action', 'in', actions).orderBy('id', 'desc').limit(limit).execute();
}

/** The history of one administered record (organisation, office, funding number, step type, occupation), oldest first. */
export async function listForSubject(trx: Executor, subjectId: string, limit = 500): Promise<AuditRecord[]> {
  return trx
    .selectFrom('audit_events')
    .selectAll()
    .where(sql<boolean>`details ? 'subjectId'`)
    .where(sql<string>`details->>'subjectId'`, '=', subjectId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/** The administrative history of an organisation and everything of it (offices, funding numbers, step types), oldest first. */
export async function listForSubjectOrganisation(trx: Executor, organisationId: string, limit = 500): Promise<AuditRecord[]> {
  return trx
    .selectFrom('audit_events')
    .selectAll()
    .where(sql<boolean>`details ? 'subjectOrganisationId'`)
    .where(sql<string>`details->>'subjectOrganisationId'`, '=', organisationId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}
