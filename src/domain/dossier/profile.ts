/**
 * The client's profile beside contact data and desired jobs: whether the client is registered
 * as a job seeker ("ingeschreven als werkzoekende", recorded by service staff, checked by the
 * office at the start of the guidance) and from when the client is available for work.
 */
import { compareDates, type CalendarDate } from '../calendar-date.ts';
import { isPartner, isServiceStaff, type Role } from '../roles.ts';
import type { Problem } from '../result.ts';

export type JobSeekerRegistration = Readonly<{
  clientId: string;
  registered: boolean;
  /** The day of registration; null when not registered. */
  registeredOn: CalendarDate | null;
  recordedByLabel: string;
  recordedAt: Date;
  version: number;
}>;

export type Availability = Readonly<{ clientId: string; availableFrom: CalendarDate | null; version: number; updatedByLabel: string }>;

/** K2: partners keep the dossier up to date; the service's secretariaat and adviseurs may correct it. */
export function mayKeepDossierUpToDate(role: Role): boolean {
  return isPartner(role) || role === 'secretariaat' || role === 'interventieadviseur';
}

/** Only service staff record the registration as a job seeker; partners read it. */
export function mayRecordJobSeekerRegistration(role: Role): boolean {
  return isServiceStaff(role) && role !== 'beheerder';
}

export function checkJobSeekerRegistration(input: { registered: boolean; registeredOn: CalendarDate | null }, today: CalendarDate): Problem[] {
  if (!input.registered) return [];
  if (input.registeredOn === null) return [{ field: 'inschrijvingsdatum', code: 'verplicht' }];
  return compareDates(input.registeredOn, today) > 0 ? [{ field: 'inschrijvingsdatum', code: 'na-vandaag' }] : [];
}
