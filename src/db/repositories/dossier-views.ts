import type { Executor } from './executor.ts';

/** A6: one opening of a dossier page or one download: who, which organisation, when, what. */
export type DossierView = Readonly<{
  id: number;
  occurredAt: Date;
  actorLabel: string;
  organisationName: string | null;
  action: string;
  details: Record<string, unknown>;
}>;

/** A6: the dossier's openings and downloads, newest first, a page at a time (index audit_events_client_idx). */
export async function page(
  trx: Executor,
  clientId: string,
  actions: readonly string[],
  range: { limit: number; offset: number },
): Promise<{ total: number; views: DossierView[] }> {
  const base = trx.selectFrom('audit_events as a').where('a.client_id', '=', clientId).where('a.action', 'in', actions);
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.occurred_at', 'a.actor_label', 'o.name as organisation_name', 'a.action', 'a.details'])
    .orderBy('a.id', 'desc')
    .limit(range.limit)
    .offset(range.offset)
    .execute();
  return {
    total: counted.total,
    views: rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      actorLabel: row.actor_label,
      organisationName: row.organisation_name,
      action: row.action,
      details: row.details,
    })),
  };
}
