import { formatDate } from '../../../domain/calendar-date.ts';
import { fullName } from '../../../domain/clients.ts';
import { maskInsz } from '../../../domain/insz.ts';
import type { ClientWithPeriod } from '../../../domain/clients.ts';

export function presentMyClients(organisationName: string, clients: readonly ClientWithPeriod[]) {
  return {
    title: 'Mijn klanten',
    organisationName,
    count: clients.length,
    rows: clients.map(({ client, startDate, endDate }) => [
      { html: undefined, text: fullName(client), href: `/dossiers/${client.id}` },
      { text: maskInsz(client.insz) },
      { text: formatDate(client.birthDate) },
      { text: `${formatDate(startDate)} – ${formatDate(endDate)}` },
    ]),
  };
}

export type MyClientsView = ReturnType<typeof presentMyClients>;
