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

/** The button pressed (`actie`): one of `actions`, the first (the form's main button) when missing or unknown. */
export function actionField<A extends string>(form: RawForm, actions: readonly [A, ...A[]]): A {
  const action = textField(form, 'actie');
  return actions.find((a) => a === action) ?? actions[0];
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
