/**
 * Organisations, their offices (vestigingen) and funding numbers (migration 0001); the KBO number,
 * addresses, validity periods and versions of administration (migration 0009).
 */
import type { Generated } from 'kysely';
import type { CreatedAt, DateColumn } from './columns.ts';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: 'dienst' | 'partner';
  createdAt: CreatedAt;
  /** KBO/enterprise number, 10 digits; null on rows from before migration 0009 until filled in. */
  enterpriseNumber: string | null;
  version: Generated<number>;
}

export interface OfficesTable {
  id: Generated<string>;
  organisationId: string;
  name: string;
  code: string;
  createdAt: CreatedAt;
  street: string | null;
  postcode: string | null;
  city: string | null;
  version: Generated<number>;
}

export interface FundingNumbersTable {
  id: Generated<string>;
  organisationId: string;
  code: string;
  /** The number's label (Omschrijving). */
  description: string;
  createdAt: CreatedAt;
  validFrom: DateColumn;
  validUntil: DateColumn | null;
  version: Generated<number>;
}

/** Issue 16, migration 0019: one row (id 1) whose version rises with every change to cached reference data. */
export interface ReferenceVersionsTable {
  id: number;
  version: number;
}
