/**
 * The one vocabulary for "this input has a problem": every rule and every use case answers with
 * a `Result`, whose problems name the form field and a code; the web layer turns the codes into
 * Dutch messages (http/pages/shared/problems.ts). Also the field checks that several forms share.
 */

export type Problem = Readonly<{
  /** The form field the problem belongs to (its name in the form, e.g. `postcode`). */
  field: string;
  /** What is wrong, in the domain's words (`verplicht`, `te-lang`, `gewijzigd`, …). */
  code: string;
  /** Extra facts for the message: a maximum length, dates, who changed the data meanwhile. */
  params?: Readonly<Record<string, string>>;
}>;

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const succeeded = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const failed = (problems: Problem[]): { ok: false; problems: Problem[] } => ({ ok: false, problems });

/**
 * O12: the data changed since the form was read (`gewijzigd`, with `by` when known) or the item is
 * gone (`verwijderd`). The one conflict: every page answers it with 409 and the input kept.
 */
export const CONFLICT_CODES: readonly string[] = ['gewijzigd', 'verwijderd'];

export function changedMeanwhile(field: string, by: string, params: Readonly<Record<string, string>> = {}): Problem {
  return { field, code: 'gewijzigd', params: { by, ...params } };
}

export function removedMeanwhile(field: string): Problem {
  return { field, code: 'verwijderd' };
}

export function isConflict(problems: readonly Problem[]): boolean {
  return problems.some((p) => CONFLICT_CODES.includes(p.code));
}

/** Counted in characters as a person sees them (code points), not UTF-16 units. */
export function textLength(text: string): number {
  return Array.from(text).length;
}

/** A field that must be filled in; `''` after trimming counts as empty. */
export function required(field: string, value: string): Problem[] {
  return value.trim() === '' ? [{ field, code: 'verplicht' }] : [];
}

export function maxLength(field: string, value: string, max: number): Problem[] {
  return textLength(value) > max ? [{ field, code: 'te-lang', params: { max: String(max) } }] : [];
}

/** A required text of at most `max` characters. */
export function requiredText(field: string, value: string, max: number): Problem[] {
  const missing = required(field, value);
  return missing.length > 0 ? missing : maxLength(field, value, max);
}
