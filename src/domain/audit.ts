/** The audit log as the rest of the application reads and writes it (table `audit_events`, append-only). */

/** What a use case records: who, for which organisation and dossier, which action, and its details. */
export type AuditEntry = Readonly<{
  actorUserId: string | null;
  actorLabel: string;
  organisationId: string | null;
  action: string;
  clientId?: string | null;
  details?: Record<string, unknown>;
}>;

/** A recorded entry, with its serial id and the moment it was written. */
export type AuditRecord = AuditEntry & Readonly<{ id: number; occurredAt: Date; clientId: string | null; details: Record<string, unknown> }>;

/** An audit event of a dossier with the name of the actor's organisation: for the log pages. */
export type ClientEvent = Readonly<{
  id: number;
  occurredAt: Date;
  actorLabel: string;
  organisationName: string | null;
  action: string;
  details: Record<string, unknown>;
}>;

/** D5: an event of the documents' log. */
export type DocumentLogEvent = ClientEvent;
