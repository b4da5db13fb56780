/** Clients and the attests that give partners access (A1–A4; migrations 0001 and 0005). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateColumn, Seq, Timestamp } from './columns.ts';

export interface ClientsTable {
  id: Generated<string>;
  insz: string;
  family_name: string;
  first_name: string;
  birth_date: DateColumn;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface AttestsTable {
  id: Generated<string>;
  client_id: string;
  organisation_id: string;
  regime: 'algemeen' | 'cao82' | 'tewerkstellingscel';
  start_date: DateColumn;
  end_date: DateColumn;
  state: 'ingediend' | 'goedgekeurd' | 'afgewezen';
  submitted_by: string | null;
  submitted_at: CreatedAt;
  decided_by: string | null;
  decided_at: Timestamp | null;
  /** Calendar day of approval in Brussels: access (A1) starts that day. */
  approved_on: DateColumn | null;
  rejection_reason: string | null;
  version: Generated<number>;
}

export interface AttestRequestsTable {
  id: Generated<string>;
  kind: 'nieuw' | 'verlenging';
  organisation_id: string;
  insz: string;
  family_name: string;
  first_name: string;
  birth_date: DateColumn;
  regime: 'algemeen' | 'cao82' | 'tewerkstellingscel';
  start_date: DateColumn;
  /** The end date asked for: of a new attest, or the new end of an extended one. */
  end_date: DateColumn;
  attest_id: string | null;
  previous_end_date: DateColumn | null;
  client_id: string | null;
  scan_sha256: string;
  scan_file_name: string;
  scan_media_type: string;
  /** bigint, read back as a number (at most 20 MB). */
  scan_size_bytes: ColumnType<number, number, number>;
  state: Generated<'ingediend' | 'goedgekeurd' | 'afgewezen'>;
  rejection_reason: string | null;
  original_received_by_label: string | null;
  original_received_at: Timestamp | null;
  submitted_by: string;
  submitted_by_label: string;
  submitted_at: CreatedAt;
  decided_by: string | null;
  decided_by_label: string | null;
  decided_at: Timestamp | null;
  version: Generated<number>;
  seq: Seq;
}
