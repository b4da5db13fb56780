/** A6: "Wie bekeek dit dossier" for service staff, paged, and its CSV export. */
import type { FastifyInstance } from 'fastify';
import type { ClientEvent as DossierView } from '../../../db/repositories/audit.ts';
import { AuditAction } from '../../../services/audit/actions.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { attachmentDisposition } from '../shared/content-disposition.ts';
import { presentDossierFrame } from '../dossier/dossier-presenter.ts';
import { formatMoment } from './attests-presenter.ts';
import { toCsv } from './csv.ts';

type Route = { Params: { clientId: string } };

export const viewersPath = (clientId: string): string => `/dossiers/${clientId}/wie-bekeek`;

const PAGE_NAMES: Readonly<Record<string, string>> = {
  klantenportret: 'Klantenportret',
  'stappen-naar-werk': 'Stappen naar werk',
  traject: 'Traject',
  documenten: 'Documenten',
  'wie-bekeek': 'Wie bekeek dit dossier',
  stap: 'Stap naar werk',
  'stap-toevoegen': 'Stap toevoegen',
  logboek: 'Logboek van de stappen',
  'verlenging-aanvragen': 'Verlenging aanvragen',
  profiel: 'Profiel & Gewenste jobs',
  'gewenste-job': 'Gewenste job',
  cv: "Cv's",
  'cv-afdrukken': 'CV afdrukken',
  'interne-opmerking': 'Interne opmerking',
  wijzigingen: 'Wijzigingen',
  'document-toevoegen': 'Document toevoegen',
  'document-intrekken': 'Document intrekken',
  'volledige-logging': 'Volledige logging',
};

function what(view: DossierView): string {
  if (view.action === AuditAction.attestScanDownloaded) {
    const name = view.details['bestandsnaam'];
    return `Scan van het attest gedownload${typeof name === 'string' ? `: ${name}` : ''}`;
  }
  if (view.action === AuditAction.documentDownloaded) {
    const name = view.details['publicatienaam'];
    return `Document gedownload${typeof name === 'string' ? `: ${name}` : ''}`;
  }
  const page = view.details['page'];
  return `Geopend: ${typeof page === 'string' ? (PAGE_NAMES[page] ?? page) : 'dossier'}`;
}

const rowOf = (view: DossierView) => ({ when: formatMoment(view.occurredAt), who: view.actorLabel, organisation: view.organisationName ?? '', what: what(view) });

export function viewersRoutes(app: FastifyInstance): void {
  const { dossierViews } = app.services;

  app.get<Route>('/wie-bekeek', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const page = typeof query['pagina'] === 'string' && /^\d{1,6}$/.test(query['pagina']) ? Number(query['pagina']) : 1;
    const result = await dossierViews.list(actorOf(request), request.params.clientId, page);
    const path = viewersPath(result.dossier.client.id);
    return reply.render('pages/attests/viewers.njk', {
      title: 'Wie bekeek dit dossier',
      frame: presentDossierFrame(result.dossier, 'klantenportret'),
      rows: result.views.map(rowOf),
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      previousHref: result.page > 1 ? `${path}?pagina=${result.page - 1}` : null,
      nextHref: result.page < result.pageCount ? `${path}?pagina=${result.page + 1}` : null,
      csvHref: `${path}.csv`,
    });
  });

  app.get<Route>('/wie-bekeek.csv', async (request, reply) => {
    const { dossier, views } = await dossierViews.exportAll(actorOf(request), request.params.clientId);
    const csv = toCsv(
      ['Datum en tijd', 'Wie', 'Organisatie', 'Wat'],
      views.map((v) => {
        const r = rowOf(v);
        return [r.when, r.who, r.organisation, r.what];
      }),
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', attachmentDisposition(`wie-bekeek-${dossier.client.id}.csv`))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'no-store')
      .send(csv);
  });
}

/** The attest actions of the dossier's Klantenportret: what the actor may do from there. */
export function presentAttestLinks(input: { isPartner: boolean; isStaff: boolean; hasRunningAttest: boolean; clientId: string }) {
  const links: { text: string; href: string }[] = [];
  if (input.isPartner && input.hasRunningAttest) links.push({ text: 'Verlenging aanvragen', href: `/dossiers/${input.clientId}/verlenging` });
  if (input.isStaff) links.push({ text: 'Wie bekeek dit dossier', href: viewersPath(input.clientId) });
  return links;
}
