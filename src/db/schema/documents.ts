/** The documents of a dossier (D1–D6; migration 0003; the kind correction of migration 0011). */
import type { Generated } from 'kysely';
import type { CreatedAt, Seq, Timestamp } from './columns.ts';

export interface DocumentsTable {
  id: Generated<string>;
  clientId: string;
  organisationId: string;
  stepId: string | null;
  publicationName: string;
  kind: 'actieplan' | 'eindverslag' | 'attest' | 'ander';
  /** As uploaded, made safe: no path, no control characters. */
  fileName: string;
  /** bigint, read back as a number (at most 20 MB). */
  sizeBytes: number;
  mediaType: string;
  /** The blob's name in the blob store. */
  sha256: string;
  uploadedBy: string;
  uploadedByLabel: string;
  uploadedAt: CreatedAt;
  withdrawnAt: Timestamp | null;
  withdrawnByLabel: string | null;
  withdrawalReason: string | null;
  seq: Seq;
  /** O12: moves by one with each kind correction (migration 0011). */
  version: Generated<number>;
  /** Who last corrected the kind; null while it is as added. */
  kindChangedByLabel: string | null;
}
