/** The audit log, append-only (migration 0001). */
import type { Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.ts';

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  /** Name of the actor at the time ("Systeem" for the application itself). */
  actor_label: string;
  organisation_id: string | null;
  action: string;
  client_id: string | null;
  details: Json;
}
