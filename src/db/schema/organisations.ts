/** Organisations, their offices (vestigingen) and funding numbers (migration 0001). */
import type { Generated } from 'kysely';
import type { CreatedAt } from './columns.ts';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: 'dienst' | 'partner';
  created_at: CreatedAt;
}

export interface OfficesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  code: string;
  created_at: CreatedAt;
}

export interface FundingNumbersTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  description: string;
  created_at: CreatedAt;
}
