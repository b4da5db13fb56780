/** Webhook endpoints of the organisations and the announced ends of access (issue 17; migration 0018). */
import type { Generated } from 'kysely';
import type { CreatedAt, DateColumn, Seq, Timestamp, UpdatedAt } from './columns.ts';

export interface WebhookEndpointsTable {
  id: Generated<string>;
  organisationId: string;
  url: string;
  /** Event codes (`attest.goedgekeurd`, …), see domain/webhooks/events.ts. */
  events: string[];
  /** AES-256-GCM of the signing secret under WEBHOOK_SECRET_KEY, base64 (iv + tag + ciphertext). */
  secretCiphertext: string;
  enabled: Generated<boolean>;
  createdByLabel: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  seq: Seq;
}

export interface WebhookAccessEndingsTable {
  attestId: string;
  /** The attest's end date whose access period (A1) ended and was announced. */
  endDate: DateColumn;
  announcedAt: Timestamp;
}
