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
  passwordHash: string;
  disabledAt: Timestamp | null;
  failedAttempts: Generated<number>;
  firstFailedAt: Timestamp | null;
  lockedUntil: Timestamp | null;
  lastLoginAt: Timestamp | null;
  createdAt: CreatedAt;
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
