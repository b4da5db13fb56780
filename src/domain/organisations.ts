import type { OrganisationKind } from './roles.ts';

export type Organisation = Readonly<{ id: string; name: string; kind: OrganisationKind }>;

export type Office = Readonly<{ id: string; organisationId: string; name: string; code: string }>;

/** An office with its `NAAM (code)` label and its organisation's name: Aanvrager and Uitvoerder of a step. */
export type OfficeWithLabel = Office & Readonly<{ label: string; organisationName: string }>;

/** Financieringsnummer: one of the numbers an organisation registers steps under. */
export type FundingNumber = Readonly<{ id: string; organisationId: string; code: string; description: string }>;

/** Offices are shown as `NAAM (code)`, e.g. `VDAB HALLE (384)`. */
export function officeLabel(office: Pick<Office, 'name' | 'code'>): string {
  return `${office.name} (${office.code})`;
}
