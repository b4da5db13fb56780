/**
 * Administering accounts (issue 12): the paged list, one user with its history, and the
 * invitation of a new user. Changes to an existing account are in user-changes-service.ts.
 * Every use case checks the actor's scope (user-scope.ts) and writes its audit record in its
 * own transaction.
 */
import { assignableRoles, EMAIL_MAX, isEmailAddress, NAME_MAX, ROLE_LABELS, type ManagedUser, type UserPage } from '../../domain/accounts/user-admin.ts';
import type { AuditRecord } from '../../domain/audit.ts';
import { officeLabel } from '../../domain/organisations.ts';
import { failed, requiredText, succeeded, type Problem, type Result } from '../../domain/result.ts';
import { isRole, type OrganisationKind, type Role } from '../../domain/roles.ts';
import { normaliseEmail, type Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction, USER_ACTIONS } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import type { IssueLink } from './link-issuer.ts';
import { findManagedUser, organisationScope } from './user-scope.ts';

export const USERS_PAGE_SIZE = 25;

export type OfficeChoice = Readonly<{ id: string; label: string; organisationId: string; organisationName: string; organisationKind: OrganisationKind }>;

export type InvitationInput = Readonly<{ email: string; name: string; role: string; officeId: string }>;

export type UserDetail = Readonly<{
  user: ManagedUser;
  history: readonly AuditRecord[];
  /** The offices the user may be moved to: those of its own organisation. */
  offices: readonly OfficeChoice[];
  /** The roles the actor may give this user. */
  roles: readonly Role[];
  /** The newest link, to show whether an invitation is still open. */
  latestLink: Readonly<{ purpose: 'invite' | 'reset'; expiresAt: Date; usedAt: Date | null; voidedAt: Date | null }> | undefined;
}>;

export function createUserAdminService({ db, repos, clock }: ServiceContext, issueLink: IssueLink) {
  async function officeChoices(trx: Executor, organisationId: string | null): Promise<OfficeChoice[]> {
    const rows = await repos.userAccounts.officeChoices(trx, organisationId);
    return rows.map((r) => ({ id: r.id, label: officeLabel(r), organisationId: r.organisationId, organisationName: r.organisationName, organisationKind: r.organisationKind }));
  }

  /** One page (1-based) of the users the actor administers, by name, optionally filtered. */
  async function list(actor: Actor, query: string, pageNumber: number): Promise<UserPage & { page: number; pageSize: number }> {
    const scope = organisationScope(actor);
    const page = Math.max(1, Math.floor(pageNumber));
    const found = await repos.userAccounts.page(db, { organisationId: scope, query: query.trim().slice(0, 100) }, { limit: USERS_PAGE_SIZE, offset: (page - 1) * USERS_PAGE_SIZE });
    return { ...found, page, pageSize: USERS_PAGE_SIZE };
  }

  async function detail(actor: Actor, userId: string): Promise<UserDetail> {
    return db.transaction().execute(async (trx) => {
      const user = await findManagedUser(trx, repos, actor, userId);
      const [history, offices, latestLink] = [
        await repos.userAccounts.historyOf(trx, user.id, USER_ACTIONS),
        await officeChoices(trx, user.organisationId),
        await repos.accountTokens.latestOfUser(trx, user.id),
      ];
      return { user, history, offices, roles: assignableRoles(actor.role, user.organisationKind), latestLink };
    });
  }

  /** The choices of the invitation form: the offices in the actor's scope and the roles it may give. */
  async function invitationChoices(actor: Actor): Promise<{ offices: OfficeChoice[]; roles: Role[] }> {
    const scope = organisationScope(actor);
    const offices = await officeChoices(db, scope);
    const kinds = new Set(offices.map((o) => o.organisationKind));
    const roles = [...kinds].flatMap((kind) => assignableRoles(actor.role, kind));
    return { offices, roles: (Object.keys(ROLE_LABELS) as Role[]).filter((r) => roles.includes(r)) };
  }

  /**
   * Creates the account without a password and sends the invitation with its one-time link. The
   * organisation is the chosen office's; the role must be one of that organisation's kind that
   * the actor may give.
   */
  async function invite(actor: Actor, input: InvitationInput): Promise<Result<{ userId: string; email: string }>> {
    const scope = organisationScope(actor);
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    const problems: Problem[] = [];
    if (email === '') problems.push({ field: 'email', code: 'verplicht' });
    else if (!isEmailAddress(email)) problems.push({ field: 'email', code: 'e-mail', params: { max: String(EMAIL_MAX) } });
    problems.push(...requiredText('naam', name, NAME_MAX));
    if (input.role === '') problems.push({ field: 'rol', code: 'verplicht' });
    if (input.officeId === '') problems.push({ field: 'vestiging', code: 'verplicht' });
    try {
      return await db.transaction().execute(async (trx) => {
        const office = input.officeId === '' ? undefined : (await officeChoices(trx, scope)).find((o) => o.id === input.officeId);
        if (input.officeId !== '' && office === undefined) problems.push({ field: 'vestiging', code: 'onbekend' });
        if (input.role !== '' && office !== undefined && !(isRole(input.role) && assignableRoles(actor.role, office.organisationKind).includes(input.role))) {
          problems.push({ field: 'rol', code: 'niet-toegestaan', params: { kind: office.organisationKind } });
        }
        if (problems.length === 0 && (await repos.userAccounts.emailInUse(trx, email))) problems.push({ field: 'email', code: 'in-gebruik' });
        if (problems.length > 0 || office === undefined || !isRole(input.role)) return failed(problems);

        const now = clock.now();
        const userId = await repos.userAccounts.insertInvited(trx, { email, displayName: name, role: input.role, organisationId: office.organisationId, officeId: office.id }, now);
        const { expiresAt } = await issueLink(trx, { id: userId, email, displayName: name, organisationName: office.organisationName }, 'invite');
        await repos.audit.append(
          trx,
          byActor(actor, AuditAction.userInvited, {
            details: { userId, fields: { email, naam: name, rol: ROLE_LABELS[input.role], vestiging: office.label, organisatie: office.organisationName }, expiresAt: expiresAt.toISOString() },
          }),
          now,
        );
        return succeeded({ userId, email });
      });
    } catch (error) {
      // Two invitations of one address at the same moment: the unique index decides, nothing is stored.
      if (isUniqueViolation(error)) return failed([{ field: 'email', code: 'in-gebruik' }]);
      throw error;
    }
  }

  /** A new invitation link for a user who has not chosen a password yet; the previous link is void. */
  async function resendInvitation(actor: Actor, userId: string, version: number): Promise<Result<{ email: string }>> {
    return db.transaction().execute(async (trx) => {
      const user = await findManagedUser(trx, repos, actor, userId, { forUpdate: true });
      if (user.version !== version) return failed([{ field: 'acties', code: 'gewijzigd', params: { by: '' } }]);
      if (user.hasPassword) return failed([{ field: 'acties', code: 'al-actief' }]);
      if (user.disabledAt !== null) return failed([{ field: 'acties', code: 'uitgeschakeld' }]);
      const { expiresAt } = await issueLink(trx, { id: user.id, email: user.email, displayName: user.displayName, organisationName: user.organisationName }, 'invite');
      await repos.audit.append(trx, byActor(actor, AuditAction.invitationResent, { details: { userId: user.id, expiresAt: expiresAt.toISOString() } }), clock.now());
      return succeeded({ email: user.email });
    });
  }

  return { list, detail, invitationChoices, invite, resendInvitation, pageSize: USERS_PAGE_SIZE };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
