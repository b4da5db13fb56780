/** Forms parse a request body into a typed value, or a list of field errors. */
/** A message for a field; `href` overrides the link of the error summary (default `#field`). */
export type FieldError = Readonly<{ field: string; message: string; href?: string }>;
export type FieldErrors = readonly FieldError[];

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Form bodies arrive as strings (or arrays of strings for repeated names); anything else is absent. */
export type RawForm = Readonly<Record<string, unknown>>;

export function asRawForm(body: unknown): RawForm {
  return typeof body === 'object' && body !== null ? (body as RawForm) : {};
}

/** A single text field, trimmed; '' when missing or not a string. */
export function textField(form: RawForm, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** Several text fields at once: each key of `names` read (trimmed) from the field it names. */
export function textFields<K extends string>(form: RawForm, names: Readonly<Record<K, string>>): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(names).map(([key, name]) => [key, textField(form, name)])) as Record<K, string>;
}

/** The button pressed (`actie`): one of `actions`, the first (the form's main button) when missing or unknown. */
export function actionField<A extends string>(form: RawForm, actions: readonly [A, ...A[]]): A {
  const action = textField(form, 'actie');
  return actions.find((a) => a === action) ?? actions[0];
}

/**
 * Implicit submission: Enter in a text box presses the form's first submit button. Forms with a
 * search box inside (step form, Gewenste job) start with a hidden button `actie=enter`, which
 * this resolves: a search box whose text differs from what the page showed (`<box>-getoond`, a
 * hidden field the page writes) was typed in just now, so Enter searches it; otherwise Enter
 * is the form's main action (`actions[0]`). Without JavaScript too.
 */
export const ENTER_ACTION = 'enter';

export type SearchBox<A extends string> = Readonly<{ action: A; field: string }>;

export function actionOrEnter<A extends string>(form: RawForm, actions: readonly [A, ...A[]], searches: readonly SearchBox<A>[]): A {
  if (textField(form, 'actie') !== ENTER_ACTION) return actionField(form, actions);
  const typed = searches.find((box) => {
    const query = textField(form, box.field);
    return query !== '' && query !== textField(form, `${box.field}-getoond`);
  });
  return typed?.action ?? actions[0];
}

/**
 * Merges the errors of a later check into the form's own: a field keeps its first message (the
 * form's "verplicht" before the domain's), and the list follows the page's order of fields, so
 * that one answer shows every problem at once, in the order of the form.
 */
export function mergeErrors(fieldOrder: readonly string[], ...lists: readonly FieldErrors[]): FieldError[] {
  const merged: FieldError[] = [];
  for (const error of lists.flat()) if (!merged.some((e) => e.field === error.field)) merged.push(error);
  const rank = (field: string): number => {
    const index = fieldOrder.indexOf(field);
    return index === -1 ? fieldOrder.length : index;
  };
  return merged.map((error, index) => ({ error, index })).sort((a, b) => rank(a.error.field) - rank(b.error.field) || a.index - b.index).map(({ error }) => error);
}

/** A multi-line text field, line breaks as `\n` (a browser sends CRLF); '' when missing. Not trimmed. */
export function multilineField(form: RawForm, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.replace(/\r\n/g, '\n') : '';
}

/** The message for one field, for the presenter to put beside it. */
export function errorFor(errors: FieldErrors | undefined, field: string): { text: string; visuallyHiddenText: string } | undefined {
  const error = errors?.find((e) => e.field === field);
  // govuk's error message announces "Error:" unless told otherwise: ours says "Fout".
  return error === undefined ? undefined : { text: error.message, visuallyHiddenText: 'Fout' };
}

/** The value of a repeated field (checkboxes) as a list. */
export function listField(form: RawForm, name: string): string[] {
  const value = form[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
