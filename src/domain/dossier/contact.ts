/**
 * Contact data of a client (K2): Belgian postcodes and phone numbers, an e-mail address and a
 * street. All optional, because a dossier may lack them (the portrait warns), but what is
 * filled in must be right, and an address is filled in whole.
 */
import { maxLength, type Problem } from '../result.ts';

export type ContactData = Readonly<{
  phone: string | null;
  email: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
}>;

export const CONTACT_TEXT_MAX = 200;

/** Belgian postcodes: four digits, 1000 to 9999. */
export function isBelgianPostcode(value: string): boolean {
  return /^[1-9]\d{3}$/.test(value.trim());
}

/**
 * Belgian phone numbers: +32 or 0, followed by 8 digits (fixed lines) or 9 digits (mobile),
 * with spaces, dots or slashes between the digits as people write them: `+32 470 12 34 56`,
 * `0470/12.34.56`, `015 21 22 23`.
 */
export function isBelgianPhone(value: string): boolean {
  const trimmed = value.trim();
  if (!/^\+?[\d ./]+$/.test(trimmed) || /[ ./]{2,}/.test(trimmed)) return false;
  const compact = trimmed.replace(/[ ./]/g, '');
  return /^(\+32|0)\d{8,9}$/.test(compact);
}

/** The number without separators, as it is compared and dialled: `+32470123456`, `0470123456`. */
export function compactPhone(value: string): string {
  return value.trim().replace(/[ ./]/g, '');
}

/** A plain address check: something@domain.tld, no spaces. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) && value.trim().length <= 254;
}

/** Empty strings are "not filled in". */
export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function checkContact(contact: ContactData): Problem[] {
  const problems: Problem[] = [];
  if (contact.phone !== null && !isBelgianPhone(contact.phone)) problems.push({ field: 'telefoon', code: 'telefoon' });
  if (contact.email !== null && !isEmailAddress(contact.email)) problems.push({ field: 'e-mail', code: 'e-mail' });
  const addressStarted = contact.street !== null || contact.postcode !== null || contact.city !== null;
  if (contact.street !== null) problems.push(...maxLength('straat', contact.street, CONTACT_TEXT_MAX));
  else if (addressStarted) problems.push({ field: 'straat', code: 'verplicht' });
  if (contact.postcode !== null) {
    if (!isBelgianPostcode(contact.postcode)) problems.push({ field: 'postcode', code: 'postcode' });
  } else if (addressStarted) problems.push({ field: 'postcode', code: 'verplicht' });
  if (contact.city !== null) problems.push(...maxLength('gemeente', contact.city, CONTACT_TEXT_MAX));
  else if (addressStarted) problems.push({ field: 'gemeente', code: 'verplicht' });
  return problems;
}

export type MissingContact = 'telefoon' | 'e-mail' | 'adres';

/** What the portrait warns about: no way to reach the client. */
export function missingContact(contact: ContactData): MissingContact[] {
  const missing: MissingContact[] = [];
  if (contact.phone === null) missing.push('telefoon');
  if (contact.email === null) missing.push('e-mail');
  if (contact.street === null || contact.postcode === null || contact.city === null) missing.push('adres');
  return missing;
}
