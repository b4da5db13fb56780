import { formatDate } from '../../../domain/calendar-date.ts';
import { fullName } from '../../../domain/clients.ts';
import { maskInsz } from '../../../domain/insz.ts';
import type { RunningOutplacement } from '../../../domain/clients.ts';
import type { MyClientsPage } from '../../../services/dossiers/dossier-service.ts';
import { messages } from '../../messages/index.ts';
import { pagination } from '../shared/pagination.ts';
import { stepPath } from '../steps/steps-overview-presenter.ts';

export const MY_CLIENTS_PATH = '/klanten';

/** Issue 16: `?pagina=N`; anything but a page number of at most 6 digits (0, -1, "twee", a list) is the first page. */
export function pageOf(raw: unknown): number {
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

const count = new Intl.NumberFormat('nl-BE');

const pageHref = (page: number): string => (page > 1 ? `${MY_CLIENTS_PATH}?pagina=${String(page)}` : MY_CLIENTS_PATH);


/** Issue 15 defect 12: whether the organisation already has a Bezig Outplacement line, and until when (a link to it). */
function outplacementCell(clientId: string, line: RunningOutplacement | null) {
  if (line === null) return { text: messages.myClients.noRunningLine, href: null };
  return { text: line.endDate === null ? messages.myClients.running : messages.myClients.runningUntil(formatDate(line.endDate)), href: stepPath(clientId, line.stepId) };
}

export function presentMyClients(organisationName: string, found: MyClientsPage) {
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize));
  const first = (found.page - 1) * found.pageSize + 1;
  const last = first + found.clients.length - 1;
  return {
    title: 'Mijn klanten',
    organisationName,
    count: found.total,
    summary: messages.myClients.shown(count.format(first), count.format(last), count.format(found.total)),
    pageMissing: found.requestedPageMissing ? messages.myClients.pageMissing(count.format(found.requestedPage), count.format(found.page)) : null,
    rows: found.clients.map(({ client, startDate, endDate, runningOutplacement }) => ({
      name: { text: fullName(client), href: `/dossiers/${client.id}` },
      insz: maskInsz(client.insz),
      birthDate: formatDate(client.birthDate),
      attest: `${formatDate(startDate)} – ${formatDate(endDate)}`,
      outplacement: outplacementCell(client.id, runningOutplacement),
    })),
    pagination: pagination(found.page, pages, pageHref, messages.myClients.landmark),
  };
}

export type MyClientsView = ReturnType<typeof presentMyClients>;
