/** View data for Begeleiding > Interne opmerking (K3). */
import type { InternalNote } from '../../../domain/dossier/notes.ts';
import { NOTE_MAX_LENGTH } from '../../../domain/dossier/notes.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import { errorFor, type FieldErrors } from '../form.ts';
import { dossierPath, presentDossierFrame } from '../dossier/dossier-presenter.ts';
import { BRUSSELS_DATE_TIME } from '../../../domain/calendar-date.ts';

const dateTime = BRUSSELS_DATE_TIME;

export function notesPath(clientId: string): string {
  return dossierPath(clientId, 'begeleiding', 'interne-opmerking');
}

export function presentNotes(model: { dossier: Dossier; notes: readonly InternalNote[]; organisationName: string; input: string; errors: FieldErrors }) {
  return {
    title: 'Interne opmerking',
    errors: model.errors,
    frame: presentDossierFrame(model.dossier, 'begeleiding', 'interne-opmerking'),
    action: notesPath(model.dossier.client.id),
    organisationName: model.organisationName,
    maxLength: NOTE_MAX_LENGTH,
    opmerking: { value: model.input, errorMessage: errorFor(model.errors, 'opmerking') },
    notes: model.notes.map((note) => ({
      title: 'Opmerking',
      byline: note.authorLabel,
      timestamp: note.createdAt.toISOString(),
      when: dateTime.format(note.createdAt),
      text: note.text,
    })),
  };
}

export type NotesView = ReturnType<typeof presentNotes>;
