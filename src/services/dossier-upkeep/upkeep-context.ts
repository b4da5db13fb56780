/**
 * Shared pieces of the dossier-upkeep use cases (K1–K3): the right to
 * change the dossier, and the field-level audit records (O11-style: field, old and new value).
 */
import { mayKeepDossierUpToDate } from '../../domain/dossier/profile.ts';
import type { Actor } from '../../domain/users.ts';
import type { ChangedBy } from '../../db/repositories/client-profiles.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import type { AuditActionName } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { Clock } from '../clock.ts';
import { isUuid } from '../dossiers/dossier-access.ts';
import { DossierNotFoundError, ForbiddenError } from '../errors.ts';

/** K2: partners with access and the service's secretariaat and adviseurs keep the dossier up to date. */
export function requireUpkeepRight(actor: Actor): void {
  if (!mayKeepDossierUpToDate(actor.role)) throw new ForbiddenError('het dossier bijwerken');
}

export function changedBy(actor: Actor, clock: Clock): ChangedBy {
  return { userId: actor.userId, label: actor.displayName, at: clock.now() };
}

/** An item id from a URL: a malformed one is the same 404 as an unknown one. */
export function requireItemId(id: string): string {
  if (!isUuid(id)) throw new DossierNotFoundError();
  return id;
}

/**
 * An item id not found (ASVS 8.2.2, issue 13 item 7): "removed meanwhile" (O12) only when the
 * dossier's own log shows its removal from this dossier; any other id, of another dossier or of
 * none, is the same 404 as an unknown dossier, so the answer never tells that an id exists
 * elsewhere. Throws that 404 unless the item was removed from this dossier.
 */
export async function removedFromDossier(trx: Executor, repos: Repositories, clientId: string, itemId: string, removal: AuditActionName): Promise<void> {
  if (!(await repos.audit.hasItemRecord(trx, clientId, itemId, [removal]))) throw new DossierNotFoundError();
}

/** An item must belong to the dossier it is reached through; anything else is a 404. */
export function requireOwnItem<T extends { clientId: string }>(item: T | undefined, clientId: string): T {
  if (item === undefined || item.clientId !== clientId) throw new DossierNotFoundError();
  return item;
}

export type FieldValues = Readonly<Record<string, string>>;
export type FieldChange = Readonly<{ field: string; old: string; new: string }>;

/** The fields whose shown value differs, in the order of `now`. */
export function fieldChanges(old: FieldValues, now: FieldValues): FieldChange[] {
  const fields = [...new Set([...Object.keys(now), ...Object.keys(old)])];
  return fields.filter((field) => (old[field] ?? '') !== (now[field] ?? '')).map((field) => ({ field, old: old[field] ?? '', new: now[field] ?? '' }));
}

/** One audit record per changed field, in the use case's transaction. */
export async function auditFieldChanges(
  { repos, clock }: Readonly<{ repos: Repositories; clock: Clock }>,
  trx: Executor,
  actor: Actor,
  action: AuditActionName,
  target: { clientId: string; section: string; itemId?: string | null; item?: string },
  changes: readonly FieldChange[],
): Promise<void> {
  const record = auditRecorder({ repos, clock });
  for (const change of changes) {
    await record(trx, actor, action, {
      clientId: target.clientId,
      details: { section: target.section, ...(target.itemId ? { itemId: target.itemId } : {}), ...(target.item ? { item: target.item } : {}), ...change },
    });
  }
}
