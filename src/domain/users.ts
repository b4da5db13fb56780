import type { OrganisationKind, Role } from './roles.ts';

/** The person acting in a use case, as the services see it. */
export type Actor = Readonly<{
  userId: string;
  displayName: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  officeId: string | null;
  officeLabel: string | null;
}>;

/** The application itself, for automatic work; shows as "Systeem" in logs. */
export const SYSTEM_LABEL = 'Systeem';

/** Sessions end after 30 minutes without activity, and 12 hours after login in any case. */
export const SESSION_LIMITS = Object.freeze({ idleMinutes: 30, absoluteHours: 12 });

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
