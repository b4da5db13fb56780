/** View data for Profiel & Gewenste jobs (K1, K2) and its forms: contact, registration, availability. */
import { dateInBrussels, formatDate, type CalendarDate } from '../../../domain/calendar-date.ts';
import type { Client } from '../../../domain/clients.ts';
import { EXPERIENCE_LABELS, WORK_REGIME_LABELS, REGION_LABELS, type DesiredJob } from '../../../domain/dossier/desired-jobs.ts';
import type { Availability, JobSeekerRegistration } from '../../../domain/dossier/profile.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import type { Profile } from '../../../services/dossier-upkeep/profile-service.ts';
import { messages } from '../../messages/index.ts';
import { errorFor, type FieldErrors } from '../form.ts';
import { dateInputItems, EMPTY_DATE, partsOf } from '../date-input.ts';
import { dossierPath, presentDossierFrame } from '../dossier/dossier-presenter.ts';
import type { AvailabilityFormInput, ContactFormInput, RegistrationFormInput } from './profile-forms.ts';

const NOT_FILLED = 'Niet ingevuld';

export const profilePaths = (clientId: string) => ({
  profile: dossierPath(clientId, 'profiel'),
  contact: `/dossiers/${clientId}/profiel/contactgegevens`,
  registration: `/dossiers/${clientId}/profiel/inschrijving`,
  availability: `/dossiers/${clientId}/profiel/beschikbaarheid`,
  newJob: `/dossiers/${clientId}/gewenste-jobs/nieuw`,
  job: (jobId: string) => `/dossiers/${clientId}/gewenste-jobs/${jobId}`,
  changes: `/dossiers/${clientId}/wijzigingen`,
});

export function addressOf(client: Pick<Client, 'street' | 'postcode' | 'city'>): string {
  return [client.street, [client.postcode, client.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export function registrationText(registration: JobSeekerRegistration | null): string {
  if (registration === null) return 'Niet geregistreerd';
  if (!registration.registered || registration.registeredOn === null) return 'Nee';
  return `Ja, sinds ${formatDate(registration.registeredOn)}`;
}

export function desiredJobRow(job: DesiredJob) {
  return {
    title: job.occupationTitle,
    code: job.occupationCode,
    experience: EXPERIENCE_LABELS[job.experience],
    regions: job.regions.map((r) => REGION_LABELS[r]).join(', '),
    regime: WORK_REGIME_LABELS[job.regime],
  };
}

type Row = { key: { text: string }; value: { text: string }; actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] } };

function row(key: string, value: string | null, change?: { href: string; what: string }): Row {
  return {
    key: { text: key },
    value: { text: value === null || value === '' ? NOT_FILLED : value },
    ...(change === undefined ? {} : { actions: { items: [{ href: change.href, text: 'Wijzigen', visuallyHiddenText: change.what }] } }),
  };
}

export function presentProfile(profile: Profile) {
  const { client } = profile.dossier;
  const paths = profilePaths(client.id);
  const { canEdit, canRecordRegistration } = profile.permissions;
  const edit = (href: string, what: string) => (canEdit ? { href, what } : undefined);
  const registration = profile.registration;
  return {
    title: 'Profiel & Gewenste jobs',
    frame: presentDossierFrame(profile.dossier, 'profiel'),
    contact: [
      row('Telefoon', client.phone, edit(paths.contact, 'telefoon')),
      row('E-mailadres', client.email, edit(paths.contact, 'e-mailadres')),
      row('Adres', addressOf(client), edit(paths.contact, 'adres')),
    ],
    registration: [
      row('Ingeschreven als werkzoekende', registrationText(registration), canRecordRegistration ? { href: paths.registration, what: 'inschrijving als werkzoekende' } : undefined),
      ...(registration === null ? [] : [row('Geregistreerd door', `${registration.recordedByLabel} op ${formatDate(dateInBrussels(registration.recordedAt))}`)]),
    ],
    registrationHint: canRecordRegistration ? null : 'De dienst registreert de inschrijving als werkzoekende. Ga ze na bij de start van de begeleiding; klopt ze niet, neem dan contact op met de dienst.',
    availability: [row('Beschikbaar vanaf', profile.availability?.availableFrom ? formatDate(profile.availability.availableFrom) : null, edit(paths.availability, 'beschikbaarheid'))],
    jobs: profile.desiredJobs.map((job) => ({ ...desiredJobRow(job), href: canEdit ? paths.job(job.id) : null })),
    noJobs: messages.upkeep.desiredJobs.none,
    addJobHref: canEdit ? paths.newJob : null,
    changesHref: paths.changes,
  };
}

/** A form page of Profiel: title, frame, where it posts and where "Annuleer" goes. */
function formPage(dossier: Dossier, title: string, action: string, errors: FieldErrors) {
  return { title, errors, frame: presentDossierFrame(dossier, 'profiel'), action, cancelHref: profilePaths(dossier.client.id).profile };
}

export function contactInputOf(client: Client): ContactFormInput {
  return {
    telefoon: client.phone ?? '',
    email: client.email ?? '',
    straat: client.street ?? '',
    postcode: client.postcode ?? '',
    gemeente: client.city ?? '',
    versie: String(client.version),
  };
}

export function presentContactForm(dossier: Dossier, input: ContactFormInput, errors: FieldErrors = []) {
  const field = (value: string, name: string) => ({ value, errorMessage: errorFor(errors, name) });
  return {
    ...formPage(dossier, 'Contactgegevens wijzigen', profilePaths(dossier.client.id).contact, errors),
    versie: input.versie,
    telefoon: field(input.telefoon, 'telefoon'),
    email: field(input.email, 'e-mail'),
    straat: field(input.straat, 'straat'),
    postcode: field(input.postcode, 'postcode'),
    gemeente: field(input.gemeente, 'gemeente'),
  };
}

export function registrationInputOf(registration: JobSeekerRegistration | null): RegistrationFormInput {
  return {
    ingeschreven: registration === null ? '' : registration.registered ? 'ja' : 'nee',
    datum: registration?.registeredOn ? partsOf(registration.registeredOn) : EMPTY_DATE,
    versie: String(registration?.version ?? 0),
  };
}

export function presentRegistrationForm(dossier: Dossier, input: RegistrationFormInput, errors: FieldErrors = []) {
  const dateError = errorFor(errors, 'inschrijvingsdatum');
  return {
    ...formPage(dossier, 'Inschrijving als werkzoekende', profilePaths(dossier.client.id).registration, errors),
    versie: input.versie,
    ingeschreven: {
      items: [
        { value: 'ja', text: 'Ja', checked: input.ingeschreven === 'ja' },
        { value: 'nee', text: 'Nee', checked: input.ingeschreven === 'nee' },
      ],
      errorMessage: errorFor(errors, 'ingeschreven'),
    },
    datum: { items: dateInputItems(input.datum, dateError !== undefined), errorMessage: dateError },
  };
}

export function availabilityInputOf(availability: Availability | null): AvailabilityFormInput {
  return { datum: availability?.availableFrom ? partsOf(availability.availableFrom) : EMPTY_DATE, versie: String(availability?.version ?? 0) };
}

export function presentAvailabilityForm(dossier: Dossier, input: AvailabilityFormInput, today: CalendarDate, errors: FieldErrors = []) {
  const dateError = errorFor(errors, 'beschikbaar-vanaf');
  return {
    ...formPage(dossier, 'Beschikbaarheid wijzigen', profilePaths(dossier.client.id).availability, errors),
    versie: input.versie,
    datum: { items: dateInputItems(input.datum, dateError !== undefined), errorMessage: dateError, today },
  };
}

export type ProfileView = ReturnType<typeof presentProfile>;
export type ContactFormView = ReturnType<typeof presentContactForm>;
export type RegistrationFormView = ReturnType<typeof presentRegistrationForm>;
export type AvailabilityFormView = ReturnType<typeof presentAvailabilityForm>;
