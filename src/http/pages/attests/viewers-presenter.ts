/** A6: "Wie bekeek dit dossier": the page, its CSV rows, and the Klantenportret's attest links. */
import type { ClientEvent as DossierView } from '../../../domain/audit.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import { AuditAction } from '../../../services/audit/actions.ts';
import { isDossierPage, VISIT_GAP_SECONDS } from '../../../domain/dossier/pages.ts';
import { dossierPageNames, formerDossierPageNames, unnamedDossierPage } from '../../messages/index.ts';
import { presentDossierFrame, type DossierFrame } from '../dossier/dossier-presenter.ts';
import { formatMoment } from './attests-presenter.ts';
import { extensionPath } from './extension-presenter.ts';

export const viewersPath = (clientId: string): string => `/dossiers/${clientId}/wie-bekeek`;

/** The Dutch name of a logged page key, also of keys earlier versions wrote; never the raw key. */
export function dossierPageName(key: unknown): string {
  if (isDossierPage(key)) return dossierPageNames[key];
  return (typeof key === 'string' ? formerDossierPageNames[key] : undefined) ?? unnamedDossierPage;
}

function what(view: DossierView): string {
  if (view.action === AuditAction.attestScanDownloaded) {
    const name = view.details['fileName'] ?? view.details['bestandsnaam'];
    return `Scan van het attest gedownload${typeof name === 'string' ? `: ${name}` : ''}`;
  }
  if (view.action === AuditAction.documentDownloaded) {
    const name = view.details['publicationName'] ?? view.details['publicatienaam'];
    return `Document gedownload${typeof name === 'string' ? `: ${name}` : ''}`;
  }
  return `Geopend: ${dossierPageName(view.details['page'])}`;
}

type ViewerRow = Readonly<{ when: string; who: string; organisation: string; what: string }>;

/** Issue 17: a read through the partner API names the token it came through (`kanaal`). */
function whoOf(view: DossierView): string {
  const channel = view.details['kanaal'];
  return typeof channel === 'string' ? `${view.actorLabel} (API-sleutel ${channel})` : view.actorLabel;
}

export const rowOf = (view: DossierView): ViewerRow => ({ when: formatMoment(view.occurredAt), who: whoOf(view), organisation: view.organisationName ?? '', what: what(view) });

export type ViewersView = Readonly<{
  title: string;
  frame: DossierFrame;
  rows: ViewerRow[];
  total: number;
  page: number;
  pageCount: number;
  previousHref: string | null;
  nextHref: string | null;
  csvHref: string;
  visitGapMinutes: number;
}>;

export function presentViewers(result: { dossier: Dossier; views: readonly DossierView[]; total: number; page: number; pageCount: number }): ViewersView {
  const path = viewersPath(result.dossier.client.id);
  return {
    title: 'Wie bekeek dit dossier',
    frame: presentDossierFrame(result.dossier, 'klantenportret'),
    rows: result.views.map(rowOf),
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    previousHref: result.page > 1 ? `${path}?pagina=${result.page - 1}` : null,
    nextHref: result.page < result.pageCount ? `${path}?pagina=${result.page + 1}` : null,
    csvHref: `${path}.csv`,
    visitGapMinutes: VISIT_GAP_SECONDS / 60,
  };
}

/** A6 as a CSV file: one row per opening or download. */
export function viewersCsvRows(views: readonly DossierView[]): string[][] {
  return views.map((v) => {
    const r = rowOf(v);
    return [r.when, r.who, r.organisation, r.what];
  });
}

export type AttestLink = Readonly<{ text: string; href: string }>;

/** The attest actions of the dossier's Klantenportret: what the actor may do from there. */
export function presentAttestLinks(input: { isPartner: boolean; isStaff: boolean; hasRunningAttest: boolean; clientId: string }): AttestLink[] {
  const links: AttestLink[] = [];
  if (input.isPartner && input.hasRunningAttest) links.push({ text: 'Verlenging aanvragen', href: extensionPath(input.clientId) });
  if (input.isStaff) links.push({ text: 'Wie bekeek dit dossier', href: viewersPath(input.clientId) });
  return links;
}
