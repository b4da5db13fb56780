/** View data for the beheerder's Beroepencatalogus (K2). */
import { dateInBrussels, formatDate } from '../../../domain/calendar-date.ts';
import type { Occupation } from '../../../domain/dossier/occupations.ts';
import { OCCUPATION_TITLE_MAX } from '../../../domain/dossier/occupations.ts';
import { errorFor, type FieldErrors } from '../form.ts';

export const OCCUPATIONS_PATH = '/beheer/beroepen';

export type NewOccupationInput = Readonly<{ titel: string; isco: string }>;

export function presentOccupations(model: {
  query: string;
  results: readonly Occupation[] | null;
  added: readonly (Occupation & { createdByLabel: string; createdAt: Date })[];
  input: NewOccupationInput;
  errors: FieldErrors;
  limit: number;
}) {
  return {
    title: 'Beroepencatalogus',
    errors: model.errors,
    action: OCCUPATIONS_PATH,
    query: model.query,
    searched: model.results !== null,
    truncated: (model.results?.length ?? 0) >= model.limit,
    results: (model.results ?? []).map((o) => ({ code: o.code, title: o.title, source: o.source === 'isco-08' ? 'ISCO-08' : 'Toegevoegd' })),
    added: model.added.map((o) => ({ code: o.code, title: o.title, by: o.createdByLabel, on: formatDate(dateInBrussels(o.createdAt)) })),
    titleMax: OCCUPATION_TITLE_MAX,
    titel: { value: model.input.titel, errorMessage: errorFor(model.errors, 'titel') },
    isco: { value: model.input.isco, errorMessage: errorFor(model.errors, 'isco-code') },
  };
}

export type OccupationsView = ReturnType<typeof presentOccupations>;
