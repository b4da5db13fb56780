/** D7 "Soort wijzigen": the chosen Soort and the version it was chosen on (O12). */
import { isDocumentKind, type DocumentKind } from '../../../domain/documents/document.ts';
import { messages } from '../../messages/index.ts';
import { textField, type FormResult, type RawForm } from '../form.ts';
import { readVersion } from '../shared/version.ts';

/** What the user chose, kept to be shown again. */
export type KindFormInput = Readonly<{ soort: string; version: number }>;

export function readKindForm(form: RawForm): KindFormInput {
  return { soort: textField(form, 'soort'), version: readVersion(form) };
}

export function validateKindForm(input: KindFormInput): FormResult<{ kind: DocumentKind; version: number }> {
  if (!isDocumentKind(input.soort)) return { ok: false, errors: [{ field: 'soort', message: messages.documents.kindRequired }] };
  return { ok: true, value: { kind: input.soort, version: input.version } };
}
