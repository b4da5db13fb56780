/**
 * One-time links to choose a password: an invitation for a new account, or a reset after
 * "Wachtwoord vergeten?". The token is 256 random bits; only its SHA-256 is stored. A link is
 * valid for 72 hours, once, and only while it is the user's latest one and the account is enabled.
 */

export type TokenPurpose = 'invite' | 'reset';

export const TOKEN_RULES = Object.freeze({ bytes: 32, validHours: 72 });

export type StoredToken = Readonly<{
  purpose: TokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
  voidedAt: Date | null;
}>;

/** Why a link cannot be used: every reason answers the user alike ("ongeldig"). */
export type TokenRefusal = 'onbekend' | 'verlopen' | 'gebruikt' | 'vervangen' | 'uitgeschakeld';

export function tokenExpiresAt(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + TOKEN_RULES.validHours * 3_600_000);
}

/** Undefined when the link may be used now; otherwise why not. */
export function tokenRefusal(token: StoredToken | undefined, accountDisabled: boolean, now: Date): TokenRefusal | undefined {
  if (token === undefined) return 'onbekend';
  if (token.usedAt !== null) return 'gebruikt';
  if (token.voidedAt !== null) return 'vervangen';
  if (now.getTime() >= token.expiresAt.getTime()) return 'verlopen';
  if (accountDisabled) return 'uitgeschakeld';
  return undefined;
}
