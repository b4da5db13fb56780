/**
 * Documents in the client's dossier (D1–D6): the action plan, the final report and other
 * documents a partner adds. A document is never changed or removed; a beheerder can withdraw it
 * with a reason (D4).
 */
import type { CalendarDate } from '../calendar-date.ts';
import { requiredText, type Problem } from '../result.ts';

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

/** D2: Publicatienaam, 1–200 characters. */
export const PUBLICATION_NAME_MAX = 200;
/** D4: the reason of a withdrawal. */
export const WITHDRAWAL_REASON_MAX = 1000;

export type Document = Readonly<{
  id: string;
  clientId: string;
  organisationId: string;
  organisationName: string;
  stepId: string | null;
  publicationName: string;
  kind: DocumentKind;
  /** The file name as uploaded, made safe (see file-name.ts). */
  fileName: string;
  sizeBytes: number;
  mediaType: string;
  sha256: string;
  uploadedBy: string;
  uploadedByLabel: string;
  uploadedAt: Date;
  /** The calendar day of uploadedAt in Brussels: "Datum toevoegen". */
  uploadedOn: CalendarDate;
  withdrawnAt: Date | null;
  withdrawnByLabel: string | null;
  withdrawalReason: string | null;
}>;

export function checkPublicationName(name: string): Problem[] {
  return requiredText('publicatienaam', name, PUBLICATION_NAME_MAX);
}

export function checkWithdrawalReason(reason: string): Problem[] {
  return requiredText('reden', reason, WITHDRAWAL_REASON_MAX);
}

