/** Partner API v1 (migration 0017): tokens of an organisation and the first answers to idempotent creates. */
import type { CreatedAt, Json, Timestamp } from './columns.ts';

export interface ApiTokensTable {
  id: string;
  organisationId: string;
  systemUserId: string;
  name: string;
  /** The scopes as a JSON array of strings (read back through `isApiScope`). */
  scopes: Json;
  /** SHA-256 (hex) of the secret part of the token. */
  secretHash: string;
  createdAt: CreatedAt;
  createdByLabel: string;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
  revokedByLabel: string | null;
  lastUsedAt: Timestamp | null;
}

export interface ApiIdempotencyTable {
  tokenId: string;
  key: string;
  requestHash: string;
  createdAt: CreatedAt;
  /** Null while the first request is still being answered. */
  status: number | null;
  response: Json | null;
}
