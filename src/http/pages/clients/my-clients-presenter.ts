import { formatDate } from '../../../domain/calendar-date.ts';
import { fullName } from '../../../domain/clients.ts';
import { maskInsz } from '../../../domain/insz.ts';
import type { MyClient, RunningOutplacement } from '../../../domain/clients.ts';
import { messages } from '../../messages/index.ts';
import { stepPath } from '../steps/steps-overview-presenter.ts';

/** Issue 15 defect 12: whether the organisation already has a Bezig Outplacement line, and until when (a link to it). */
function outplacementCell(clientId: string, line: RunningOutplacement | null) {
  if (line === null) return { text: messages.myClients.noRunningLine, href: null };
  return { text: line.endDate === null ? messages.myClients.running : messages.myClients.runningUntil(formatDate(line.endDate)), href: stepPath(clientId, line.stepId) };
}

export function presentMyClients(organisationName: string, clients: readonly MyClient[]) {
  return {
    title: 'Mijn klanten',
    organisationName,
    count: clients.length,
    rows: clients.map(({ client, startDate, endDate, runningOutplacement }) => ({
      name: { text: fullName(client), href: `/dossiers/${client.id}` },
      insz: maskInsz(client.insz),
      birthDate: formatDate(client.birthDate),
      attest: `${formatDate(startDate)} – ${formatDate(endDate)}`,
      outplacement: outplacementCell(client.id, runningOutplacement),
    })),
  };
}

export type MyClientsView = ReturnType<typeof presentMyClients>;
