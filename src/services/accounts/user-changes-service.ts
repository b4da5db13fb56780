/**
 * Changes to an existing account by an administrator: role and office, disable (every session
 * ends at once), enable. Each at the version the administrator read
 * (O12), with an audit record holding old and new value, in one transaction. Nobody disables or
 * demotes the last active beheerder, nor themselves.
 */
import { removesActiveBeheerder, ROLE_LABELS, type ManagedUser } from '../../domain/accounts/user-admin.ts';
import { officeLabel } from '../../domain/organisations.ts';
import { failed, succeeded, type Problem, type Result } from '../../domain/result.ts';
import { isRole, type Role } from '../../domain/roles.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { assignableRoles } from '../../domain/accounts/user-admin.ts';
import { AuditAction } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { findManagedUser } from './user-scope.ts';

export type AccountChangeInput = Readonly<{ role: string; officeId: string; version: number }>;

/** What a change did: `changed` false when the form held the values already. */
export type ChangeOutcome = Readonly<{ changed: boolean; email: string }>;

const changedMeanwhile = (field: string): Problem => ({ field, code: 'gewijzigd', params: { by: '' } });

export function createUserChangesService({ db, repos, clock }: ServiceContext) {
  /**
   * The user, locked for the change. A beheerder's change takes the lock of all active beheerders
   * first, in one order, so that two beheerders changing each other wait instead of deadlocking.
   */
  async function lockTarget(trx: Executor, actor: Actor, userId: string): Promise<ManagedUser> {
    const seen = await findManagedUser(trx, repos, actor, userId);
    if (seen.role === 'beheerder') await repos.userAccounts.lockActiveBeheerders(trx);
    return findManagedUser(trx, repos, actor, userId, { forUpdate: true });
  }

  /** The guard of the last active beheerder: the active beheerders are locked while it is checked. */
  async function wouldLeaveNoBeheerder(trx: Executor, target: ManagedUser): Promise<boolean> {
    const active = await repos.userAccounts.lockActiveBeheerders(trx);
    return active.filter((id) => id !== target.id).length === 0;
  }

  /** Role and office (the office within the user's own organisation). */
  async function change(actor: Actor, userId: string, input: AccountChangeInput): Promise<Result<ChangeOutcome>> {
    return db.transaction().execute(async (trx) => {
      const user = await lockTarget(trx, actor, userId);
      const problems: Problem[] = [];
      const roles = assignableRoles(actor.role, user.organisationKind);
      if (input.role === '') problems.push({ field: 'rol', code: 'verplicht' });
      else if (!isRole(input.role) || !roles.includes(input.role)) problems.push({ field: 'rol', code: 'niet-toegestaan', params: { kind: user.organisationKind } });
      const offices = await repos.userAccounts.officeChoices(trx, user.organisationId);
      const office = offices.find((o) => o.id === input.officeId);
      if (input.officeId === '') problems.push({ field: 'vestiging', code: 'verplicht' });
      else if (office === undefined) problems.push({ field: 'vestiging', code: 'onbekend' });
      if (problems.length > 0 || office === undefined || !isRole(input.role)) return failed(problems);
      if (user.version !== input.version) return failed([changedMeanwhile('rol')]);

      const newRole: Role = input.role;
      const roleChanges = newRole !== user.role;
      const officeChanges = office.id !== user.officeId;
      if (!roleChanges && !officeChanges) return succeeded({ changed: false, email: user.email });
      if (roleChanges && user.id === actor.userId) return failed([{ field: 'rol', code: 'eigen-rol' }]);
      if (removesActiveBeheerder(user, { newRole }) && (await wouldLeaveNoBeheerder(trx, user))) return failed([{ field: 'rol', code: 'laatste-beheerder' }]);

      if (!(await repos.userAccounts.updateAtVersion(trx, user.id, input.version, { role: newRole, officeId: office.id }))) return failed([changedMeanwhile('rol')]);
      const now = clock.now();
      const oldOffice = user.officeName !== null && user.officeCode !== null ? officeLabel({ name: user.officeName, code: user.officeCode }) : '';
      if (roleChanges) {
        await repos.audit.append(trx, byActor(actor, AuditAction.userChanged, { details: { userId: user.id, field: 'rol', old: ROLE_LABELS[user.role], new: ROLE_LABELS[newRole] } }), now);
      }
      if (officeChanges) {
        await repos.audit.append(trx, byActor(actor, AuditAction.userChanged, { details: { userId: user.id, field: 'vestiging', old: oldOffice, new: officeLabel(office) } }), now);
      }
      return succeeded({ changed: true, email: user.email });
    });
  }

  /** Disables the account: its sessions end at once and its open links become void. */
  async function disable(actor: Actor, userId: string, version: number): Promise<Result<ChangeOutcome>> {
    return db.transaction().execute(async (trx) => {
      const user = await lockTarget(trx, actor, userId);
      if (user.version !== version) return failed([changedMeanwhile('acties')]);
      if (user.disabledAt !== null) return succeeded({ changed: false, email: user.email });
      if (user.id === actor.userId) return failed([{ field: 'acties', code: 'zelf-uitschakelen' }]);
      if (removesActiveBeheerder(user, { disable: true }) && (await wouldLeaveNoBeheerder(trx, user))) return failed([{ field: 'acties', code: 'laatste-beheerder' }]);
      const now = clock.now();
      if (!(await repos.userAccounts.updateAtVersion(trx, user.id, version, { disabledAt: now }))) return failed([changedMeanwhile('acties')]);
      const endedSessions = await repos.sessions.removeAllOfUser(trx, user.id);
      const voidedLinks = await repos.accountTokens.voidOpenOfUser(trx, user.id, now);
      await repos.audit.append(trx, byActor(actor, AuditAction.userDisabled, { details: { userId: user.id, field: 'status', old: 'Actief', new: 'Uitgeschakeld', endedSessions, voidedLinks } }), now);
      return succeeded({ changed: true, email: user.email });
    });
  }

  async function enable(actor: Actor, userId: string, version: number): Promise<Result<ChangeOutcome>> {
    return db.transaction().execute(async (trx) => {
      const user = await findManagedUser(trx, repos, actor, userId, { forUpdate: true });
      if (user.version !== version) return failed([changedMeanwhile('acties')]);
      if (user.disabledAt === null) return succeeded({ changed: false, email: user.email });
      if (!(await repos.userAccounts.updateAtVersion(trx, user.id, version, { disabledAt: null }))) return failed([changedMeanwhile('acties')]);
      await repos.audit.append(trx, byActor(actor, AuditAction.userEnabled, { details: { userId: user.id, field: 'status', old: 'Uitgeschakeld', new: 'Actief' } }), clock.now());
      return succeeded({ changed: true, email: user.email });
    });
  }

  return { change, disable, enable };
}
