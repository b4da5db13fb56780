/** View data for the beheerder's Beroepencatalogus (K2). */
import { dateInBrussels, formatDate } from '../../../domain/calendar-date.ts';
import type { Occupation } from '../../../domain/dossier/occupations.ts';
import { OCCUPATION_TITLE_MAX } from '../../../domain/dossier/occupations.ts';
import type { AuditRecord } from '../../../domain/audit.ts';
import { errorFor, type FieldErrors } from '../form.ts';
import { presentAdminHistory } from '../admin/shared/admin-history.ts';

export const OCCUPATIONS_PATH = '/beheer/beroepen';

export type NewOccupationInput = Readonly<{ titel: string; isco: string }>;

export function presentOccupations(model: {
  query: string;
  results: readonly Occupation[] | null;
  added: readonly (Occupation & { createdByLabel: string; createdAt: Date })[];
  retired: readonly (Occupation & { retiredAt: Date | null })[];
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
    results: (model.results ?? []).map((o) => ({ code: o.code, title: o.title, href: occupationPath(o.code), source: o.source === 'isco-08' ? 'ISCO-08' : 'Toegevoegd' })),
    added: model.added.map((o) => ({ code: o.code, title: o.title, href: occupationPath(o.code), by: o.createdByLabel, on: formatDate(dateInBrussels(o.createdAt)) })),
    retired: model.retired.map((o) => ({ code: o.code, title: o.title, href: occupationPath(o.code), on: o.retiredAt === null ? '' : formatDate(dateInBrussels(o.retiredAt)) })),
    titleMax: OCCUPATION_TITLE_MAX,
    titel: { value: model.input.titel, errorMessage: errorFor(model.errors, 'titel') },
    isco: { value: model.input.isco, errorMessage: errorFor(model.errors, 'isco-code') },
  };
}

export type OccupationsView = ReturnType<typeof presentOccupations>;

/** An entry of the catalogue: rename or retire it, with its history (issue 12). */
export const occupationPath = (code: string): string => `${OCCUPATIONS_PATH}/${encodeURIComponent(code)}`;

export type OccupationFormInput = Readonly<{ titel: string; versie: string }>;

export function presentOccupation(model: {
  occupation: Occupation & { retiredAt: Date | null; version: number };
  history: readonly AuditRecord[];
  input: OccupationFormInput;
  errors: FieldErrors;
}) {
  const { occupation, input, errors } = model;
  return {
    title: `Beroep ${occupation.title}`,
    errors,
    code: occupation.code,
    source: occupation.source === 'isco-08' ? 'ISCO-08' : 'Toegevoegd',
    retired: occupation.retiredAt === null ? null : formatDate(dateInBrussels(occupation.retiredAt)),
    action: occupationPath(occupation.code),
    retireAction: `${occupationPath(occupation.code)}/uitfaseren`,
    cancelHref: OCCUPATIONS_PATH,
    versie: input.versie,
    titel: { value: input.titel, errorMessage: errorFor(errors, 'titel') },
    titleMax: OCCUPATION_TITLE_MAX,
    history: presentAdminHistory(model.history),
  };
}

export type OccupationView = ReturnType<typeof presentOccupation>;
