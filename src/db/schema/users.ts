/** Accounts and their sessions (migration 0001). */
import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './columns.ts';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: 'begeleider' | 'partnerbeheerder' | 'secretariaat' | 'interventieadviseur' | 'beheerder';
  organisation_id: string;
  office_id: string | null;
  password_hash: string;
  disabled_at: Timestamp | null;
  failed_attempts: Generated<number>;
  first_failed_at: Timestamp | null;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** SHA-256 of the session id: a leaked table does not hand out sessions. */
  id_hash: string;
  user_id: string | null;
  data: Json;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}
