import type { AuditEntry } from '../../domain/audit.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { ServiceContext } from '../context.ts';
import type { AuditActionName } from './actions.ts';

type Extra = { clientId?: string | null; details?: Record<string, unknown> };

/** An audit entry for something the actor did. */
export function byActor(actor: Actor, action: AuditActionName, extra: Extra = {}): AuditEntry {
  return {
    actorUserId: actor.userId,
    actorLabel: actor.displayName,
    organisationId: actor.organisationId,
    action,
    clientId: extra.clientId ?? null,
    details: actor.channel === undefined ? (extra.details ?? {}) : { ...extra.details, kanaal: actor.channel },
  };
}

/**
 * Records what the actor did, at the clock's now, in the use case's transaction:
 * `const record = auditRecorder(context); … await record(trx, actor, AuditAction.x, { clientId, details })`.
 */
export function auditRecorder({ repos, clock }: Pick<ServiceContext, 'repos' | 'clock'>) {
  return (trx: Executor, actor: Actor, action: AuditActionName, extra: Extra = {}): Promise<void> =>
    repos.audit.append(trx, byActor(actor, action, extra), clock.now());
}
