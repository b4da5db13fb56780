/**
 * Password rules (ASVS 6.2), applied when a password is chosen (invitation or reset): at least
 * 12 characters, up to 128 (the maximum is not below 64), any characters and no composition
 * rules, not in the list of common or breached passwords, not the address or the name.
 */
import { textLength, type Problem } from '../result.ts';

export const PASSWORD_RULES = Object.freeze({ minLength: 12, maxLength: 128 });

/** Whether a password (compared in lower case) is in the list of common or breached passwords. */
export type CommonPasswordCheck = (lowerCasePassword: string) => boolean;

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The problems of a new password for the account with this address and name, on field
 * `wachtwoord`; the confirmation (`wachtwoord-herhaling`) must be the same.
 */
export function checkNewPassword(
  input: Readonly<{ password: string; confirmation: string }>,
  account: Readonly<{ email: string; name: string }>,
  isCommon: CommonPasswordCheck,
): Problem[] {
  const { password, confirmation } = input;
  const field = 'wachtwoord';
  if (password === '') return [{ field, code: 'verplicht' }];
  const length = textLength(password);
  if (length < PASSWORD_RULES.minLength) return [{ field, code: 'te-kort', params: { min: String(PASSWORD_RULES.minLength) } }];
  if (length > PASSWORD_RULES.maxLength) return [{ field, code: 'te-lang', params: { max: String(PASSWORD_RULES.maxLength) } }];
  const localPart = account.email.split('@')[0] ?? '';
  if (same(password, account.email) || same(password, account.name) || (localPart.length > 0 && same(password, localPart))) {
    return [{ field, code: 'eigen-gegevens' }];
  }
  if (isCommon(password.toLowerCase())) return [{ field, code: 'veelgebruikt' }];
  if (confirmation !== password) return [{ field: 'wachtwoord-herhaling', code: 'verschillend' }];
  return [];
}
