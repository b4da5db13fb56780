/**
 * Documents in the client's dossier (D1–D6): the action plan, the final report and other
 * documents a partner adds. A document is never changed or removed; a beheerder can withdraw it
 * with a reason (D4).
 */
import type { CalendarDate } from '../calendar-date.ts';

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

export type TextProblem = 'verplicht' | 'te-lang';

/** Counted in characters as a person sees them (code points), not UTF-16 units. */
function length(text: string): number {
  return Array.from(text).length;
}

export function checkPublicationName(name: string): TextProblem | undefined {
  if (name === '') return 'verplicht';
  if (length(name) > PUBLICATION_NAME_MAX) return 'te-lang';
  return undefined;
}

export function checkWithdrawalReason(reason: string): TextProblem | undefined {
  if (reason === '') return 'verplicht';
  if (length(reason) > WITHDRAWAL_REASON_MAX) return 'te-lang';
  return undefined;
}

/** "Datum toevoegen" as in the manual's overview: dd-mm-jjjj. */
export function formatDayWithDashes(date: CalendarDate): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return `${day}-${month}-${year}`;
}
