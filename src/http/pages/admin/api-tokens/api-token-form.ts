/** The form "Nieuwe API-sleutel" (issue 17): naam, rechten (checkboxes), vervaldatum (govuk date input). */
import type { ApiTokenInput } from '../../../../domain/api-tokens.ts';
import { messages } from '../../../messages/index.ts';
import { EMPTY_DATE, parseDateParts, readDateParts, type DateParts } from '../../date-input.ts';
import { asRawForm, textField, type FormResult } from '../../form.ts';
import { anchorOf } from '../../shared/problems.ts';

export type ApiTokenFormInput = Readonly<{ naam: string; scopes: string[]; vervaldatum: DateParts }>;

export const EMPTY_API_TOKEN: ApiTokenFormInput = { naam: '', scopes: [], vervaldatum: EMPTY_DATE };

export function readApiTokenForm(body: unknown): ApiTokenFormInput {
  const form = asRawForm(body);
  const raw = form['scopes'];
  const scopes = (Array.isArray(raw) ? raw : [raw]).filter((s): s is string => typeof s === 'string');
  return { naam: textField(form, 'naam'), scopes, vervaldatum: readDateParts(form, 'vervaldatum') };
}

/** The date must be a real calendar date; the rest is the service's to check. */
export function validateApiTokenForm(input: ApiTokenFormInput): FormResult<ApiTokenInput> {
  const expiry = parseDateParts(input.vervaldatum, messages.apiTokens.expiryRequired);
  if (!expiry.ok) return { ok: false, errors: [{ field: 'vervaldatum', message: expiry.message, href: anchorOf('vervaldatum') }] };
  return { ok: true, value: { name: input.naam, scopes: input.scopes, expiresOn: expiry.date } };
}
