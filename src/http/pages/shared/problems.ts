/**
 * The one way from a service's problems to field errors: the message per code from messages/index.ts
 * (`problemMessages.<feature>`), the link of the error summary from one table of anchors, and
 * the one status rule: a conflict (O12, changed or removed meanwhile) is 409, any other refusal 400.
 */
import { isConflict, type Problem } from '../../../domain/result.ts';
import type { ProblemMessages } from '../../messages/index.ts';
import type { FieldError } from '../form.ts';

/** Where the error summary links to when a field's first control is not named after it. */
const ANCHORS: Readonly<Record<string, string>> = {
  datum: '#datum-dag',
  'voorgestelde-datum': '#voorgestelde-datum-dag',
  aanvrager: '#aanvrager-zoek',
  uitvoerder: '#uitvoerder-zoek',
  inschrijvingsdatum: '#inschrijvingsdatum-dag',
  'beschikbaar-vanaf': '#beschikbaar-vanaf-dag',
  beroep: '#beroep-zoek',
  van: '#van-maand',
  tot: '#tot-maand',
  geboortedatum: '#geboortedatum-dag',
  startdatum: '#startdatum-dag',
  einddatum: '#einddatum-dag',
  'geldig-van': '#geldig-van-dag',
  'geldig-tot': '#geldig-tot-dag',
};

export function anchorOf(field: string): string {
  return ANCHORS[field] ?? `#${field}`;
}

/** `linkOf` may send the summary elsewhere, e.g. O4's "al bezig" to the existing line. */
export function problemsToErrors(problems: readonly Problem[], texts: ProblemMessages, linkOf?: (problem: Problem) => string | undefined): FieldError[] {
  return problems.map((problem) => {
    const text = texts[problem.code];
    if (text === undefined) throw new Error(`no message for problem ${problem.code}`);
    return { field: problem.field, message: text(problem.params ?? {}, problem.field), href: linkOf?.(problem) ?? anchorOf(problem.field) };
  });
}

/** 409 when the data changed meanwhile (O12, see `isConflict`), otherwise 400. */
export function statusOf(problemsOrConflict: readonly Problem[] | boolean): 400 | 409 {
  const conflict = typeof problemsOrConflict === 'boolean' ? problemsOrConflict : isConflict(problemsOrConflict);
  return conflict ? 409 : 400;
}
