/**
 * The forms of Profiel: contact data, the registration as a job seeker and availability. Each
 * parses the body into the typed value or field errors, and keeps what was typed as strings.
 */
import type { CalendarDate } from '../../../domain/calendar-date.ts';
import { emptyToNull, type ContactData } from '../../../domain/dossier/contact.ts';
import { messages } from '../../messages/index.ts';
import { asRawForm, textField, textFields, type FieldError, type FormResult } from '../form.ts';
import { parseDateParts, readDateParts, type DateParts } from '../date-input.ts';

export type ContactFormInput = Readonly<{ telefoon: string; email: string; straat: string; postcode: string; gemeente: string; versie: string }>;

export function readContactForm(body: unknown): ContactFormInput {
  return textFields(asRawForm(body), { telefoon: 'telefoon', email: 'e-mail', straat: 'straat', postcode: 'postcode', gemeente: 'gemeente', versie: 'versie' });
}

/** Every field is optional here; the service checks formats and a complete address. */
export function contactValue(input: ContactFormInput): ContactData {
  return {
    phone: emptyToNull(input.telefoon),
    email: emptyToNull(input.email),
    street: emptyToNull(input.straat),
    postcode: emptyToNull(input.postcode),
    city: emptyToNull(input.gemeente),
  };
}

export type RegistrationFormInput = Readonly<{ ingeschreven: string; datum: DateParts; versie: string }>;

export function readRegistrationForm(body: unknown): RegistrationFormInput {
  const form = asRawForm(body);
  return { ingeschreven: textField(form, 'ingeschreven'), datum: readDateParts(form, 'inschrijvingsdatum'), versie: textField(form, 'versie') };
}

export function validateRegistrationForm(input: RegistrationFormInput): FormResult<{ registered: boolean; registeredOn: CalendarDate | null }> {
  const errors: FieldError[] = [];
  if (input.ingeschreven !== 'ja' && input.ingeschreven !== 'nee') errors.push({ field: 'ingeschreven', message: messages.upkeep.required['ingeschreven'] ?? '' });
  const registered = input.ingeschreven === 'ja';
  const date = parseDateParts(input.datum, messages.upkeep.required['inschrijvingsdatum']);
  // A date typed with "Nee" is ignored; with "Ja" it must be a real date.
  if (registered && !date.ok) errors.push({ field: 'inschrijvingsdatum', message: date.message, href: '#inschrijvingsdatum-dag' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { registered, registeredOn: registered && date.ok ? date.date : null } };
}

export type AvailabilityFormInput = Readonly<{ datum: DateParts; versie: string }>;

export function readAvailabilityForm(body: unknown): AvailabilityFormInput {
  const form = asRawForm(body);
  return { datum: readDateParts(form, 'beschikbaar-vanaf'), versie: textField(form, 'versie') };
}

/** Empty boxes clear the date; anything typed must be a real date. */
export function validateAvailabilityForm(input: AvailabilityFormInput): FormResult<CalendarDate | null> {
  const { dag, maand, jaar } = input.datum;
  if (dag === '' && maand === '' && jaar === '') return { ok: true, value: null };
  const date = parseDateParts(input.datum, messages.upkeep.availableFromRequired);
  return date.ok ? { ok: true, value: date.date } : { ok: false, errors: [{ field: 'beschikbaar-vanaf', message: date.message, href: '#beschikbaar-vanaf-dag' }] };
}
