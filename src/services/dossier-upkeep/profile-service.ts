/**
 * Profiel (K2): contact data, the registration as a job seeker (recorded by service staff) and
 * availability. Every change runs in the dossier (access check, A1/A5), refuses an outdated
 * version (O12) and writes one audit record per changed field.
 */
import { formatDate, type CalendarDate } from '../../domain/calendar-date.ts';
import { checkContact, type ContactData } from '../../domain/dossier/contact.ts';
import { checkJobSeekerRegistration, mayKeepDossierUpToDate, mayRecordJobSeekerRegistration, type Availability, type JobSeekerRegistration } from '../../domain/dossier/profile.ts';
import type { DesiredJob } from '../../domain/dossier/desired-jobs.ts';
import type { Actor } from '../../domain/users.ts';
import type { AuditRecord } from '../../domain/audit.ts';
import { AuditAction, UPKEEP_ACTIONS } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import type { Dossier, DossierAccess } from '../dossiers/dossier-access.ts';
import { ForbiddenError } from '../errors.ts';
import { auditFieldChanges, changedBy, fieldChanges, requireUpkeepRight } from './upkeep-context.ts';
import { changedMeanwhile, failed, type Result, succeeded } from '../../domain/result.ts';

export type ProfilePermissions = Readonly<{ canEdit: boolean; canRecordRegistration: boolean }>;

export type Profile = Readonly<{
  dossier: Dossier;
  registration: JobSeekerRegistration | null;
  availability: Availability | null;
  desiredJobs: DesiredJob[];
  permissions: ProfilePermissions;
}>;

export type RegistrationInput = Readonly<{ registered: boolean; registeredOn: CalendarDate | null }>;

const yesNo = (value: boolean): string => (value ? 'Ja' : 'Nee');
const dateText = (date: CalendarDate | null): string => (date === null ? '' : formatDate(date));

export function profilePermissions(actor: Actor): ProfilePermissions {
  return { canEdit: mayKeepDossierUpToDate(actor.role), canRecordRegistration: mayRecordJobSeekerRegistration(actor.role) };
}

export function createProfileService({ repos, clock }: ServiceContext, access: DossierAccess) {
  /** Profiel & Gewenste jobs: everything the tab shows. */
  function profile(actor: Actor, clientId: string): Promise<Profile> {
    return access.withDossier({ actor, clientId, page: 'profiel' }, async (trx, dossier) => ({
      dossier,
      registration: (await repos.clientProfiles.findRegistration(trx, dossier.client.id)) ?? null,
      availability: (await repos.clientProfiles.findAvailability(trx, dossier.client.id)) ?? null,
      desiredJobs: await repos.desiredJobs.listForClient(trx, dossier.client.id),
      permissions: profilePermissions(actor),
    }));
  }

  /** The form "Contactgegevens": the dossier holds the client's current data and version. */
  function contactForm(actor: Actor, clientId: string): Promise<Dossier> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: 'contactgegevens' }, (_trx, dossier) => Promise.resolve(dossier));
  }

  function changeContact(actor: Actor, clientId: string, version: number, contact: ContactData): Promise<Result<{ changed: number }>> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const client = dossier.client;
      if (client.version !== version) return failed([changedMeanwhile('telefoon', '')]);
      const problems = checkContact(contact);
      if (problems.length > 0) return failed(problems);
      const shown = (c: ContactData) => ({ telefoon: c.phone ?? '', 'e-mail': c.email ?? '', straat: c.street ?? '', postcode: c.postcode ?? '', gemeente: c.city ?? '' });
      const changes = fieldChanges(shown(client), shown(contact));
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await repos.clients.updateContact(trx, client.id, version, contact))) return failed([changedMeanwhile('telefoon', '')]);
      await auditFieldChanges({ repos, clock }, trx, actor, AuditAction.contactChanged, { clientId: client.id, section: 'contactgegevens' }, changes);
      return succeeded({ changed: changes.length });
    });
  }

  function registrationForm(actor: Actor, clientId: string): Promise<{ dossier: Dossier; registration: JobSeekerRegistration | null; today: CalendarDate }> {
    if (!mayRecordJobSeekerRegistration(actor.role)) throw new ForbiddenError('de inschrijving als werkzoekende registreren');
    return access.withDossier({ actor, clientId, page: 'inschrijving-werkzoekende' }, async (trx, dossier) => ({
      dossier,
      registration: (await repos.clientProfiles.findRegistration(trx, dossier.client.id)) ?? null,
      today: clock.today(),
    }));
  }

  /** Service staff record whether the client is registered as a job seeker, and since when. */
  function recordRegistration(actor: Actor, clientId: string, version: number, input: RegistrationInput): Promise<Result<{ changed: number }>> {
    if (!mayRecordJobSeekerRegistration(actor.role)) throw new ForbiddenError('de inschrijving als werkzoekende registreren');
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const current = (await repos.clientProfiles.findRegistration(trx, dossier.client.id)) ?? null;
      if ((current?.version ?? 0) !== version) return failed([changedMeanwhile('ingeschreven', current?.recordedByLabel ?? '')]);
      const problems = checkJobSeekerRegistration(input, clock.today());
      if (problems.length > 0) return failed(problems);
      const registeredOn = input.registered ? input.registeredOn : null;
      const changes = fieldChanges(
        current === null ? {} : { ingeschreven: yesNo(current.registered), inschrijvingsdatum: dateText(current.registeredOn) },
        { ingeschreven: yesNo(input.registered), inschrijvingsdatum: dateText(registeredOn) },
      );
      if (changes.length === 0) return succeeded({ changed: 0 });
      const saved = await repos.clientProfiles.saveRegistration(trx, dossier.client.id, version, { registered: input.registered, registeredOn }, changedBy(actor, clock));
      if (!saved) return failed([changedMeanwhile('ingeschreven', current?.recordedByLabel ?? '')]);
      await auditFieldChanges({ repos, clock }, trx, actor, AuditAction.jobSeekerRegistrationChanged, { clientId: dossier.client.id, section: 'inschrijving-werkzoekende' }, changes);
      return succeeded({ changed: changes.length });
    });
  }

  function availabilityForm(actor: Actor, clientId: string): Promise<{ dossier: Dossier; availability: Availability | null; today: CalendarDate }> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: 'beschikbaarheid' }, async (trx, dossier) => ({
      dossier,
      availability: (await repos.clientProfiles.findAvailability(trx, dossier.client.id)) ?? null,
      today: clock.today(),
    }));
  }

  function changeAvailability(actor: Actor, clientId: string, version: number, availableFrom: CalendarDate | null): Promise<Result<{ changed: number }>> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const current = (await repos.clientProfiles.findAvailability(trx, dossier.client.id)) ?? null;
      if ((current?.version ?? 0) !== version) return failed([changedMeanwhile('beschikbaar-vanaf', current?.updatedByLabel ?? '')]);
      const changes = fieldChanges({ 'beschikbaar-vanaf': dateText(current?.availableFrom ?? null) }, { 'beschikbaar-vanaf': dateText(availableFrom) });
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await repos.clientProfiles.saveAvailability(trx, dossier.client.id, version, availableFrom, changedBy(actor, clock)))) {
        return failed([changedMeanwhile('beschikbaar-vanaf', current?.updatedByLabel ?? '')]);
      }
      await auditFieldChanges({ repos, clock }, trx, actor, AuditAction.availabilityChanged, { clientId: dossier.client.id, section: 'beschikbaarheid' }, changes);
      return succeeded({ changed: changes.length });
    });
  }

  /** "Wijzigingen": who changed what in profile, desired jobs and CV, oldest first (K2, O11-style). */
  function changeLog(actor: Actor, clientId: string): Promise<{ dossier: Dossier; events: AuditRecord[] }> {
    return access.withDossier({ actor, clientId, page: 'wijzigingen' }, async (trx, dossier) => ({
      dossier,
      events: await repos.audit.listByClientAndActions(trx, dossier.client.id, UPKEEP_ACTIONS),
    }));
  }

  return { profile, contactForm, changeContact, registrationForm, recordRegistration, availabilityForm, changeAvailability, changeLog };
}
