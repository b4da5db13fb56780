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
}
