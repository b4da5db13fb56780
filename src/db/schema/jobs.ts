/** Periodic jobs and the outbox of outgoing messages (migration 0007). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './columns.ts';

export interface JobScheduleTable {
  name: string;
  nextRunAt: Timestamp;
  lastStartedAt: Timestamp | null;
  lastFinishedAt: Timestamp | null;
  lastOutcome: 'geslaagd' | 'mislukt' | null;
  lastError: string | null;
}

export interface OutboxTable {
  /** bigint identity, read back as a number. */
  id: ColumnType<number, never, never>;
  channel: 'mail' | 'webhook';
  topic: string;
  payload: Json;
  createdAt: CreatedAt;
  availableAt: Timestamp;
  attempts: Generated<number>;
  lastError: string | null;
  sentAt: Timestamp | null;
  givenUpAt: Timestamp | null;
  /** A webhook row's endpoint (migration 0018); null for mail and once the endpoint is deleted. */
  webhookEndpointId: string | null;
  /** A webhook row's queue: endpoint + dossier; rows of one key leave in order (migration 0018). */
  orderingKey: string | null;
  lastAttemptAt: Timestamp | null;
  /** The HTTP status of the last attempt; null when no answer came (timeout, refused connection). */
  lastStatus: number | null;
}
