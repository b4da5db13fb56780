/** Accounts and their sessions (migration 0001). */
import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './columns.ts';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  role: 'begeleider' | 'partnerbeheerder' | 'secretariaat' | 'interventieadviseur' | 'beheerder';
  organisationId: string;
  officeId: string | null;
  /** argon2id; null until an invited user chose a password (migration 0008). */
  passwordHash: string | null;
  disabledAt: Timestamp | null;
  failedAttempts: Generated<number>;
  firstFailedAt: Timestamp | null;
  lockedUntil: Timestamp | null;
  lastLoginAt: Timestamp | null;
  createdAt: CreatedAt;
  /** O12: raised by every administrative change (migration 0008). */
  version: Generated<number>;
  /** Migration 0017: the account under which an organisation's API tokens act; never logs in. */
  apiSystem: Generated<boolean>;
}

export interface SessionsTable {
  /** SHA-256 of the session id: a leaked table does not hand out sessions. */
  idHash: string;
  userId: string | null;
  data: Json;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}

/** One-time links to choose a password (migration 0008): only the token's SHA-256 is stored. */
export interface AccountTokensTable {
  id: Generated<string>;
  userId: string;
  purpose: 'invite' | 'reset';
  tokenHash: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  voidedAt: Timestamp | null;
}
