/**
 * Interne opmerking (K3): notes by date and author, visible only inside the organisation that
 * wrote them. Service staff see their own organisation's notes, never the partners'.
 */
import { requiredText, type Problem } from '../result.ts';

export type InternalNote = Readonly<{
  id: string;
  clientId: string;
  organisationId: string;
  authorLabel: string;
  createdAt: Date;
  text: string;
}>;

export const NOTE_MAX_LENGTH = 2000;

export function checkNote(text: string): Problem[] {
  return requiredText('opmerking', text, NOTE_MAX_LENGTH);
}
