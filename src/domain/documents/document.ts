/**
 * Documents in the client's dossier (D1–D6): the action plan, the final report and other
 * documents a partner adds. A document is never removed and its file never changes; a beheerder
 * can withdraw it with a reason (D4), and the organisation that added it can correct its kind
 * (D7, issue 15 defect 2).
 */
import type { CalendarDate } from '../calendar-date.ts';
import { requiredText, type Problem } from '../result.ts';
import { isPartner, type Role } from '../roles.ts';
import type { StoredFile } from './stored-file.ts';

export const DOCUMENT_KINDS = ['actieplan', 'eindverslag', 'attest', 'ander'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** D2: the words of "Soort" on screen. */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  actieplan: 'Actieplan',
  eindverslag: 'Eindverslag',
  attest: 'Attest',
  ander: 'Ander document',
};

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** A document and its file (`StoredFile`: name, size, media type, SHA-256). */
export type Document = StoredFile & Readonly<{
  id: string;
  clientId: string;
  organisationId: string;
  organisationName: string;
  stepId: string | null;
  publicationName: string;
  kind: DocumentKind;
  uploadedBy: string;
  uploadedByLabel: string;
  uploadedAt: Date;
  /** The calendar day of uploadedAt in Brussels: "Datum toevoegen". */
  uploadedOn: CalendarDate;
  withdrawnAt: Date | null;
  withdrawnByLabel: string | null;
  withdrawalReason: string | null;
  /** O12: moves by one with each correction of the kind (D7). */
  version: number;
  /** Who last corrected the kind; null while it is as added. */
  kindChangedByLabel: string | null;
}>;

/**
 * D7: the kind of a document is corrected by its own organisation (a partner that added it), as
 * long as it was not withdrawn. Anyone else does not see the correction at all (404).
 */
export function mayCorrectKind(actor: Readonly<{ role: Role; organisationId: string }>, document: Pick<Document, 'organisationId' | 'withdrawnAt'>): boolean {
  return isPartner(actor.role) && actor.organisationId === document.organisationId && document.withdrawnAt === null;
}

/** D2: Publicatienaam, 1–200 characters. */
export const PUBLICATION_NAME_MAX = 200;
/** D4: the reason of a withdrawal. */
export const WITHDRAWAL_REASON_MAX = 1000;

export function checkPublicationName(name: string): Problem[] {
  return requiredText('publicatienaam', name, PUBLICATION_NAME_MAX);
}

export function checkWithdrawalReason(reason: string): Problem[] {
  return requiredText('reden', reason, WITHDRAWAL_REASON_MAX);
}

