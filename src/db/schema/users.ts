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
  /** The browser's User-Agent at login, at most 512 characters (migration 0015). */
  userAgent: string | null;
}

/** Failure counters of the login (migration 0015): per address, per client address, per pair. */
export interface LoginThrottleTable {
  scope: 'adres' | 'ip' | 'adres-ip';
  /** SHA-256 of the address, the client address or the pair. */
  keyHash: string;
  failures: Generated<number>;
  lastFailedAt: Timestamp | null;
  /** The account's holder was mailed about this series of failures. */
  notifiedAt: Timestamp | null;
  /** Pair only: the last correct password from this client address for this address. */
  lastSuccessAt: Timestamp | null;
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

/** The TOTP second factor of a user (migration 0014): the secret only encrypted (AES-256-GCM). */
export interface SecondFactorsTable {
  userId: string;
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to the user's id as associated data. */
  secretEncrypted: string;
  createdAt: CreatedAt;
  /** Null while the enrolment waits for its first code. */
  confirmedAt: Timestamp | null;
  /** RFC 6238 time-step of the last accepted code: that step and earlier ones are refused. */
  lastUsedStep: number | null;
}

/** Single-use recovery codes (migration 0014): only the SHA-256 of each 120-bit code. */
export interface RecoveryCodesTable {
  id: Generated<string>;
  userId: string;
  codeHash: string;
  createdAt: CreatedAt;
  usedAt: Timestamp | null;
}
