/**
 * What the administration use cases share (issue 12): who may administer, which organisation a
 * user may see, and the audit record of a change: the record (`subject`, `subjectId`, the
 * organisation it belongs to) and every changed field with its old and new value.
 */
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import type { OrganisationRecord } from '../../domain/organisations.ts';
import { changedMeanwhile, failed, removedMeanwhile, type Problem, type Result } from '../../domain/result.ts';
import type { AuditActionName } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { Clock } from '../clock.ts';
import { isUuid } from '../dossiers/dossier-access.ts';
import { ForbiddenError, RecordNotFoundError } from '../errors.ts';

export type AdminSubject = 'organisatie' | 'vestiging' | 'financieringsnummer' | 'staptype' | 'beroep';

export type FieldValues = Readonly<Record<string, string>>;
export type FieldChange = Readonly<{ field: string; old: string; new: string }>;

/** The fields whose value differs, in the order of `now` (a new record: every filled-in field). */
export function changedFields(old: FieldValues, now: FieldValues): FieldChange[] {
  return Object.keys(now)
    .filter((field) => (old[field] ?? '') !== (now[field] ?? ''))
    .map((field) => ({ field, old: old[field] ?? '', new: now[field] ?? '' }));
}

/** The beheerder administers everything; nobody else changes anything here. */
export function requireBeheerder(actor: Actor, what: string): void {
  if (actor.role !== 'beheerder') throw new ForbiddenError(what);
}

/** The beheerder and the partnerbeheerder reach "Beheer"; nobody else. */
export function requireAdministrator(actor: Actor): void {
  if (actor.role !== 'beheerder' && actor.role !== 'partnerbeheerder') throw new ForbiddenError('beheer');
}

/**
 * The organisation as this user may see it: the beheerder every one, the partnerbeheerder its
 * own; anything else, like an unknown or malformed id, does not exist (404).
 */
export async function visibleOrganisation(repos: Repositories, trx: Executor, actor: Actor, id: string): Promise<OrganisationRecord> {
  requireAdministrator(actor);
  if (!isUuid(id)) throw new RecordNotFoundError();
  if (actor.role !== 'beheerder' && id !== actor.organisationId) throw new RecordNotFoundError();
  const organisation = await repos.organisations.findRecord(trx, id);
  if (organisation === undefined) throw new RecordNotFoundError();
  return organisation;
}

/** An id from a URL: a malformed one is the same 404 as an unknown one. */
export function requireId(id: string): string {
  if (!isUuid(id)) throw new RecordNotFoundError();
  return id;
}

export type AdminChange = Readonly<{
  subject: AdminSubject;
  subjectId: string;
  /** The organisation the record belongs to (its own id for an organisation); null for the catalogues. */
  organisationId: string | null;
  /** How the record is named in its history, e.g. `KOERS MECHELEN (701)`. */
  name: string;
  changes: readonly FieldChange[];
}>;

/** One audit record for the change, in the use case's transaction. */
export async function auditChange(context: Readonly<{ repos: Repositories; clock: Clock }>, trx: Executor, actor: Actor, action: AuditActionName, change: AdminChange): Promise<void> {
  await context.repos.audit.append(
    trx,
    byActor(actor, action, {
      details: {
        subject: change.subject,
        subjectId: change.subjectId,
        ...(change.organisationId === null ? {} : { subjectOrganisationId: change.organisationId }),
        name: change.name,
        fields: change.changes,
      },
    }),
    context.clock.now(),
  );
}

/** Who changed the record last, for O12's "gewijzigd door …"; '' when unknown. */
export async function lastChangedBy(repos: Repositories, trx: Executor, subjectId: string): Promise<string> {
  return (await repos.audit.listForSubject(trx, subjectId)).at(-1)?.actorLabel ?? '';
}

/** An organisation the user may change: another organisation's is a 404 first, then only the beheerder changes (403). */
export async function changeableOrganisation(repos: Repositories, trx: Executor, actor: Actor, id: string, what: string): Promise<OrganisationRecord> {
  const organisation = await visibleOrganisation(repos, trx, actor, id);
  requireBeheerder(actor, what);
  return organisation;
}

/**
 * Two beheerders saving the same unique value at once: the second passes the check but meets the
 * database's unique index (SQLSTATE 23505). Its transaction is rolled back; it gets the same
 * refusal as when the check had seen the first.
 */
export async function refusingDuplicate<T>(work: () => Promise<Result<T>>, duplicate: Problem): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505') return failed([duplicate]);
    throw error;
  }
}

/** An administered record that must exist for this user; 404 (RecordNotFoundError) when it does not. */
export async function foundRecord<R>(lookup: Promise<R | undefined>): Promise<R> {
  const record = await lookup;
  if (record === undefined) throw new RecordNotFoundError();
  return record;
}

/**
 * O12 before a change: the record as it is now, or the problem (shown at `field`) that it was
 * removed or changed since the user read `version`.
 */
export async function stillAtVersion<R extends { id: string; version: number }>(repos: Repositories, trx: Executor, current: R | undefined, version: number, field: string): Promise<Result<R>> {
  if (current === undefined) return failed([removedMeanwhile(field)]);
  if (current.version !== version) return failed([changedMeanwhile(field, await lastChangedBy(repos, trx, current.id))]);
  return { ok: true, value: current };
}
