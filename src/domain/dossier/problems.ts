/**
 * What is wrong with a change to the client dossier (K1–K3), as a field and a code. The web
 * layer turns codes into Dutch messages; the rules stay in `domain/dossier`, testable alone.
 */
export type UpkeepProblemCode =
  | 'verplicht'
  | 'te-lang'
  | 'ongeldig'
  | 'postcode'
  | 'telefoon'
  | 'e-mail'
  | 'na-vandaag'
  | 'toekomst'
  | 'voor-van'
  | 'bestaat-al'
  | 'onbekend-beroep'
  | 'onbekende-isco-code'
  | 'gewijzigd'
  | 'verwijderd';

export type UpkeepProblem = Readonly<{
  /** The form field the problem belongs to (its name in the form, e.g. `postcode`). */
  field: string;
  code: UpkeepProblemCode;
  /** Extra facts for the message: a maximum length, who changed the data meanwhile. */
  params?: Readonly<Record<string, string>>;
}>;

/** A field that must be filled in; `''` after trimming counts as empty. */
export function required(field: string, value: string): UpkeepProblem[] {
  return value.trim() === '' ? [{ field, code: 'verplicht' }] : [];
}

export function maxLength(field: string, value: string, max: number): UpkeepProblem[] {
  return value.length > max ? [{ field, code: 'te-lang', params: { max: String(max) } }] : [];
}

/** A required text of at most `max` characters. */
export function requiredText(field: string, value: string, max: number): UpkeepProblem[] {
  const missing = required(field, value);
  return missing.length > 0 ? missing : maxLength(field, value, max);
}
