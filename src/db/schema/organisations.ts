/** Organisations, their offices (vestigingen) and funding numbers (migration 0001). */
import type { Generated } from 'kysely';
import type { CreatedAt } from './columns.ts';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: 'dienst' | 'partner';
  createdAt: CreatedAt;
}

export interface OfficesTable {
  id: Generated<string>;
  organisationId: string;
  name: string;
  code: string;
  createdAt: CreatedAt;
}

export interface FundingNumbersTable {
  id: Generated<string>;
  organisationId: string;
  code: string;
  description: string;
  createdAt: CreatedAt;
}
