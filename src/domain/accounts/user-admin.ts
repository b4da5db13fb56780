/**
 * Administering accounts: who may give which role, and the rules that keep the portal
 * administrable (nobody disables or demotes the last active beheerder, nor themselves).
 */
import type { OrganisationKind, Role } from '../roles.ts';

/** The roles that belong to an organisation of each kind. */
export const ROLES_OF_KIND: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  partner: ['begeleider', 'partnerbeheerder'],
  dienst: ['secretariaat', 'interventieadviseur', 'beheerder'],
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  begeleider: 'Begeleider',
  partnerbeheerder: 'Partnerbeheerder',
  secretariaat: 'Secretariaat',
  interventieadviseur: 'Sociale interventieadviseur',
  beheerder: 'Beheerder',
};

/** The roles that administer accounts: a beheerder every organisation's, a partnerbeheerder its own. */
export function administersUsers(role: Role): boolean {
  return role === 'beheerder' || role === 'partnerbeheerder';
}

/** The roles `actorRole` may give to a user of an organisation of this kind. */
export function assignableRoles(actorRole: Role, kind: OrganisationKind): readonly Role[] {
  if (actorRole === 'beheerder') return ROLES_OF_KIND[kind];
  if (actorRole === 'partnerbeheerder' && kind === 'partner') return ROLES_OF_KIND.partner;
  return [];
}

/** What state an account is in, as the list and the detail page show it. */
export type AccountStatus = 'actief' | 'uitgenodigd' | 'uitgeschakeld';

export const STATUS_LABELS: Readonly<Record<AccountStatus, string>> = {
  actief: 'Actief',
  uitgenodigd: 'Uitgenodigd',
  uitgeschakeld: 'Uitgeschakeld',
};

export function accountStatus(account: Readonly<{ disabledAt: Date | null; hasPassword: boolean }>): AccountStatus {
  if (account.disabledAt !== null) return 'uitgeschakeld';
  if (!account.hasPassword) return 'uitgenodigd';
  return 'actief';
}

/**
 * Whether a change takes the role beheerder away from an active account (disabling it or
 * giving it another role): then it must not be the actor's own account nor the last one.
 */
export function removesActiveBeheerder(target: Readonly<{ role: Role; disabledAt: Date | null }>, change: Readonly<{ newRole?: Role; disable?: boolean }>): boolean {
  if (target.role !== 'beheerder' || target.disabledAt !== null) return false;
  return change.disable === true || (change.newRole !== undefined && change.newRole !== 'beheerder');
}

export const EMAIL_MAX = 254;
export const NAME_MAX = 100;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value) && value.length <= EMAIL_MAX;
}

/** A user as the administration pages show it. */
export type ManagedUser = Readonly<{
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  officeId: string | null;
  officeName: string | null;
  officeCode: string | null;
  hasPassword: boolean;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
}>;

/** One page of the user list: `total` matches, `users` the rows of this page. */
export type UserPage = Readonly<{ total: number; users: readonly ManagedUser[] }>;
