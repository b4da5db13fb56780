/** The documents of a dossier (D1–D6; migration 0003). */
import type { Generated } from 'kysely';
import type { CreatedAt, Seq, Timestamp } from './columns.ts';

export interface DocumentsTable {
  id: Generated<string>;
  client_id: string;
  organisation_id: string;
  step_id: string | null;
  publication_name: string;
  kind: 'actieplan' | 'eindverslag' | 'attest' | 'ander';
  /** As uploaded, made safe: no path, no control characters. */
  file_name: string;
  /** bigint, read back as a number (at most 20 MB). */
  size_bytes: number;
  media_type: string;
  /** The blob's name in the blob store. */
  sha256: string;
  uploaded_by: string;
  uploaded_by_label: string;
  uploaded_at: CreatedAt;
  withdrawn_at: Timestamp | null;
  withdrawn_by_label: string | null;
  withdrawal_reason: string | null;
  seq: Seq;
}
