/** The audit log, append-only (migration 0001). */
import type { Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.ts';

export interface AuditEventsTable {
  id: Generated<number>;
  occurredAt: CreatedAt;
  actorUserId: string | null;
  /** Name of the actor at the time ("Systeem" for the application itself). */
  actorLabel: string;
  organisationId: string | null;
  action: string;
  clientId: string | null;
  details: Json;
  /** Migration 0013: the hash chain (null on records written before it). */
  chain: string | null;
  prevHash: string | null;
  hash: string | null;
}
