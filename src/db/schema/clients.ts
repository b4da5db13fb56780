/** Clients and the attests that give partners access (A1–A4; migrations 0001 and 0005). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateColumn, Seq, Timestamp } from './columns.ts';

export interface ClientsTable {
  id: Generated<string>;
  insz: string;
  familyName: string;
  firstName: string;
  birthDate: DateColumn;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  /** The first and family name in the normal form of the name search (issue 15 defect 3; migration 0010), written on insert. */
  searchFirstName: string;
  searchFamilyName: string;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface AttestsTable {
  id: Generated<string>;
  clientId: string;
  organisationId: string;
  regime: 'algemeen' | 'cao82' | 'tewerkstellingscel';
  startDate: DateColumn;
  endDate: DateColumn;
  state: 'ingediend' | 'goedgekeurd' | 'afgewezen';
  submittedBy: string | null;
  submittedAt: CreatedAt;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  /** Calendar day of approval in Brussels: access (A1) starts that day. */
  approvedOn: DateColumn | null;
  rejectionReason: string | null;
  version: Generated<number>;
}

export interface AttestRequestsTable {
  id: Generated<string>;
  kind: 'nieuw' | 'verlenging';
  organisationId: string;
  insz: string;
  familyName: string;
  firstName: string;
  birthDate: DateColumn;
  regime: 'algemeen' | 'cao82' | 'tewerkstellingscel';
  startDate: DateColumn;
  /** The end date asked for: of a new attest, or the new end of an extended one. */
  endDate: DateColumn;
  attestId: string | null;
  previousEndDate: DateColumn | null;
  clientId: string | null;
  scanSha256: string;
  scanFileName: string;
  scanMediaType: string;
  /** bigint, read back as a number (at most 20 MB). */
  scanSizeBytes: ColumnType<number, number, number>;
  state: Generated<'ingediend' | 'goedgekeurd' | 'afgewezen'>;
  rejectionReason: string | null;
  originalReceivedByLabel: string | null;
  originalReceivedAt: Timestamp | null;
  submittedBy: string;
  submittedByLabel: string;
  submittedAt: CreatedAt;
  decidedBy: string | null;
  decidedByLabel: string | null;
  decidedAt: Timestamp | null;
  version: Generated<number>;
  seq: Seq;
}
