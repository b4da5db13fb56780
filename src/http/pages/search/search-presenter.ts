import { formatDate } from '../../../domain/calendar-date.ts';
import type { Client } from '../../../domain/clients.ts';
import { fullName } from '../../../domain/clients.ts';
import { maskInsz } from '../../../domain/insz.ts';
import { errorFor, type FieldErrors } from '../form.ts';

export function presentSearchPage(input: { query?: string; errors?: FieldErrors; results?: readonly Client[]; limit: number }) {
  return {
    title: 'Klant zoeken',
    errors: input.errors ?? [],
    query: { value: input.query ?? '', errorMessage: errorFor(input.errors, 'zoekterm') },
    searched: input.results !== undefined,
    truncated: (input.results?.length ?? 0) >= input.limit,
    results: (input.results ?? []).map((client) => ({
      name: fullName(client),
      href: `/dossiers/${client.id}`,
      insz: maskInsz(client.insz),
      birthDate: formatDate(client.birthDate),
      city: client.city ?? '',
    })),
  };
}

export type SearchPageView = ReturnType<typeof presentSearchPage>;
