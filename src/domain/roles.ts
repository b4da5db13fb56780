export const ROLES = ['begeleider', 'partnerbeheerder', 'secretariaat', 'interventieadviseur', 'beheerder'] as const;
export type Role = (typeof ROLES)[number];

export type OrganisationKind = 'dienst' | 'partner';

/** A5: staff of the public service open every dossier. */
export function isServiceStaff(role: Role): boolean {
  return role === 'secretariaat' || role === 'interventieadviseur' || role === 'beheerder';
}

export function isPartner(role: Role): boolean {
  return role === 'begeleider' || role === 'partnerbeheerder';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
