import { compareDates, type CalendarDate } from './calendar-date.ts';
import { parseEnterpriseNumber } from './enterprise-number.ts';
import { requiredText, type Problem } from './result.ts';
import type { OrganisationKind } from './roles.ts';

export type Organisation = Readonly<{ id: string; name: string; kind: OrganisationKind }>;

/** An organisation as its administration sees it: with its KBO number (null on old rows) and version (O12). */
export type OrganisationRecord = Organisation & Readonly<{ enterpriseNumber: string | null; version: number }>;

export type Office = Readonly<{ id: string; organisationId: string; name: string; code: string }>;

/** An office with its `NAAM (code)` label and its organisation's name: Aanvrager and Uitvoerder of a step. */
export type OfficeWithLabel = Office & Readonly<{ label: string; organisationName: string }>;

export type OfficeAddress = Readonly<{ street: string; postcode: string; city: string }>;

/** An office as its administration sees it; the address is empty on offices from before migration 0009. */
export type OfficeRecord = Office & Readonly<{ street: string | null; postcode: string | null; city: string | null; version: number }>;

/** Financieringsnummer: one of the numbers an organisation registers steps under. */
export type FundingNumber = Readonly<{ id: string; organisationId: string; code: string; description: string }>;

/** A funding number with its period of validity (`validUntil` null: no end) and version (O12). */
export type FundingNumberRecord = FundingNumber & Readonly<{ validFrom: CalendarDate; validUntil: CalendarDate | null; version: number }>;

/** Offices are shown as `NAAM (code)`, e.g. `VDAB HALLE (384)`. */
export function officeLabel(office: Pick<Office, 'name' | 'code'>): string {
  return `${office.name} (${office.code})`;
}

/** A funding number is offered in the step form only on the days of its period. */
export function isFundingNumberValidOn(funding: Pick<FundingNumberRecord, 'validFrom' | 'validUntil'>, day: CalendarDate): boolean {
  return compareDates(funding.validFrom, day) <= 0 && (funding.validUntil === null || compareDates(day, funding.validUntil) <= 0);
}

export const ORGANISATION_NAME_MAX = 150;
export const OFFICE_NAME_MAX = 100;
export const OFFICE_CODE_PATTERN = /^[0-9A-Za-z]{1,10}$/;
export const STREET_MAX = 150;
export const CITY_MAX = 100;
export const FUNDING_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z./-]{0,29}$/;
export const FUNDING_LABEL_MAX = 150;
export const STEP_TYPE_LABEL_MAX = 60;

export type OrganisationInput = Readonly<{ name: string; kind: string; enterpriseNumber: string }>;

/** Name, kind (partner or dienst) and a KBO number that passes its check. */
export function checkOrganisation(input: OrganisationInput): Problem[] {
  const kbo = input.enterpriseNumber.trim() === '' ? null : parseEnterpriseNumber(input.enterpriseNumber);
  return [
    ...requiredText('naam', input.name, ORGANISATION_NAME_MAX),
    ...(input.kind === 'partner' || input.kind === 'dienst' ? [] : [{ field: 'soort', code: 'verplicht' }]),
    ...(kbo === null ? [{ field: 'kbo', code: 'verplicht' }] : kbo.ok ? [] : [{ field: 'kbo', code: `kbo-${kbo.problem}` }]),
  ];
}

export type OfficeInput = Readonly<{ name: string; code: string } & OfficeAddress>;

export function checkOffice(input: OfficeInput): Problem[] {
  return [
    ...requiredText('naam', input.name, OFFICE_NAME_MAX),
    ...(input.code === '' ? [{ field: 'code', code: 'verplicht' }] : OFFICE_CODE_PATTERN.test(input.code) ? [] : [{ field: 'code', code: 'vestigingscode' }]),
    ...requiredText('straat', input.street, STREET_MAX),
    ...(input.postcode === '' ? [{ field: 'postcode', code: 'verplicht' }] : /^[1-9]\d{3}$/.test(input.postcode) ? [] : [{ field: 'postcode', code: 'postcode' }]),
    ...requiredText('gemeente', input.city, CITY_MAX),
  ];
}

export type FundingNumberInput = Readonly<{ code: string; description: string; validFrom: CalendarDate; validUntil: CalendarDate | null }>;

/** Code, label, and a period whose end (when given) is not before its start. */
export function checkFundingNumber(input: FundingNumberInput): Problem[] {
  return [
    ...(input.code === '' ? [{ field: 'code', code: 'verplicht' }] : FUNDING_CODE_PATTERN.test(input.code) ? [] : [{ field: 'code', code: 'financieringscode' }]),
    ...requiredText('omschrijving', input.description, FUNDING_LABEL_MAX),
    ...(input.validUntil !== null && compareDates(input.validUntil, input.validFrom) < 0 ? [{ field: 'geldig-tot', code: 'tot-voor-van' }] : []),
  ];
}

export function checkStepTypeLabel(label: string, order: number | null): Problem[] {
  return [
    ...requiredText('label', label, STEP_TYPE_LABEL_MAX),
    ...(order === null || !Number.isInteger(order) || order < 1 || order > 999 ? [{ field: 'volgorde', code: 'volgorde' }] : []),
  ];
}
