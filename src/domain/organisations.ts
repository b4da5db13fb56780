import type { OrganisationKind } from './roles.ts';

export type Organisation = Readonly<{ id: string; name: string; kind: OrganisationKind }>;

export type Office = Readonly<{ id: string; organisationId: string; name: string; code: string }>;

/** Offices are shown as `NAAM (code)`, e.g. `VDAB HALLE (384)`. */
export function officeLabel(office: Pick<Office, 'name' | 'code'>): string {
  return `${office.name} (${office.code})`;
}
