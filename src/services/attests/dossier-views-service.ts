/**
 * A6: "Wie bekeek dit dossier", for service staff: every opening of a dossier page and every
 * document download, by whom, of which organisation, when; paged, and whole as a CSV export.
 * Opening the page is itself an opening (logged through withDossier); an export is logged too.
 * The page shows visits (repeated openings of one page by one user within a few minutes count
 * once); the CSV export holds every record.
 */
import { VISIT_GAP_SECONDS } from '../../domain/dossier/pages.ts';
import { isServiceStaff } from '../../domain/roles.ts';
import type { Actor } from '../../domain/users.ts';
import type { ClientEvent as DossierView } from '../../domain/audit.ts';
import { AuditAction, VIEW_ACTIONS } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import type { Dossier, DossierAccess } from '../dossiers/dossier-access.ts';
import { ForbiddenError } from '../errors.ts';

export const VIEWS_PAGE_SIZE = 50;
/** The page shows visits: repeated openings of a page by one user within a few minutes are one (issue 15 defect 11). */
const VISITS = { action: AuditAction.dossierOpened, gapSeconds: VISIT_GAP_SECONDS };
/** The export holds at most this many lines, newest first. */
export const VIEWS_EXPORT_LIMIT = 50_000;

export type DossierViewsPage = Readonly<{ dossier: Dossier; views: DossierView[]; total: number; page: number; pageCount: number }>;

export function createDossierViewsService({ repos, clock }: ServiceContext, access: DossierAccess) {
  const record = auditRecorder({ repos, clock });
  function requireStaff(actor: Actor): void {
    if (!isServiceStaff(actor.role)) throw new ForbiddenError('wie bekeek dit dossier');
  }

  function list(actor: Actor, clientId: string, page: number): Promise<DossierViewsPage> {
    requireStaff(actor);
    return access.withDossier({ actor, clientId, page: 'wie-bekeek' }, async (trx, dossier) => {
      const wanted = Number.isInteger(page) && page >= 1 ? page : 1;
      const size = VIEWS_PAGE_SIZE;
      const visits = (offset: number) => repos.audit.visitsOfClient(trx, dossier.client.id, VIEW_ACTIONS, VISITS, { limit: size, offset });
      const first = await visits((wanted - 1) * size);
      const pageCount = Math.max(1, Math.ceil(first.total / size));
      if (wanted <= pageCount) return { dossier, views: first.events, total: first.total, page: wanted, pageCount };
      const last = await visits((pageCount - 1) * size);
      return { dossier, views: last.events, total: last.total, page: pageCount, pageCount };
    });
  }

  function exportAll(actor: Actor, clientId: string): Promise<{ dossier: Dossier; views: DossierView[] }> {
    requireStaff(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const { events: views, total } = await repos.audit.pageOfClient(trx, dossier.client.id, VIEW_ACTIONS, { limit: VIEWS_EXPORT_LIMIT, offset: 0 });
      await record(trx, actor, AuditAction.viewersExported, { clientId: dossier.client.id, details: { lines: views.length, total } });
      return { dossier, views };
    });
  }

  return { list, exportAll };
}
