/** What the administration forms share: a text field's view data from the input and the errors. */
import { errorFor, type FieldErrors } from '../../form.ts';

export function textInput(value: string, errors: FieldErrors, field: string) {
  return { value, errorMessage: errorFor(errors, field) };
}
