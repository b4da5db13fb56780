import type { AuditEntry } from '../../domain/audit.ts';
import type { Actor } from '../../domain/users.ts';
import type { AuditActionName } from './actions.ts';

/** An audit entry for something the actor did. */
export function byActor(
  actor: Actor,
  action: AuditActionName,
  extra: { clientId?: string | null; details?: Record<string, unknown> } = {},
): AuditEntry {
  return {
    actorUserId: actor.userId,
    actorLabel: actor.displayName,
    organisationId: actor.organisationId,
    action,
    clientId: extra.clientId ?? null,
    details: extra.details ?? {},
  };
}
