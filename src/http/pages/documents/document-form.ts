/**
 * "Document toevoegen" (D2): Publicatienaam, Soort and the file, read from the multipart body by
 * shared/multipart-form.ts (the CSRF token first, the file streamed into the upload service).
 */
import { checkPublicationName, isDocumentKind, type DocumentKind } from '../../../domain/documents/document.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { textField, type FieldError, type FormResult, type RawForm } from '../form.ts';

/** What the user typed, kept to be shown again. */
export type DocumentFormInput = Readonly<{ publicatienaam: string; soort: string }>;

export type DocumentFormValue = Readonly<{ publicationName: string; kind: DocumentKind }>;

/** Issue 15 defect 2: no Soort chosen in advance; the user chooses (or it follows from where the user came from). */
export const EMPTY_DOCUMENT_FORM: DocumentFormInput = { publicatienaam: '', soort: '' };

/** The form's file field. */
export const FILE_FIELD = 'document';

/** Publicatienaam and Soort as typed, from the multipart form's fields (see shared/multipart-form.ts). */
export function readDocumentForm(form: RawForm): DocumentFormInput {
  return { publicatienaam: textField(form, 'publicatienaam').replace(/\s+/g, ' '), soort: textField(form, 'soort') };
}

/** The fields besides the file: Publicatienaam* (1–200 characters) and Soort. */
export function validateDocumentForm(input: DocumentFormInput): FormResult<DocumentFormValue> {
  const errors: FieldError[] = [];
  // D2: the domain's rule, as the service applies it.
  errors.push(...problemsToErrors(checkPublicationName(input.publicatienaam), problemMessages.documents));
  if (!isDocumentKind(input.soort)) errors.push({ field: 'soort', message: messages.documents.kindRequired });
  if (errors.length > 0 || !isDocumentKind(input.soort)) return { ok: false, errors };
  return { ok: true, value: { publicationName: input.publicatienaam, kind: input.soort } };
}
