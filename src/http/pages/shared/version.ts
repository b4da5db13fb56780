/** O12: the hidden `versie` field of a form: the version of the data the user read. */
import { textField, type RawForm } from '../form.ts';

/** The version as typed; anything unreadable never matches a stored version (-1). */
export function parseVersion(value: string): number {
  return /^\d{1,9}$/.test(value) ? Number(value) : -1;
}

export function readVersion(form: RawForm): number {
  return parseVersion(textField(form, 'versie'));
}
