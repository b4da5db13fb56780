/** The one-time link's secret: 256 random bits for the mail, and the SHA-256 the database keeps. */
import { createHash, randomBytes } from 'node:crypto';
import { TOKEN_RULES } from '../../domain/accounts/tokens.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_RULES.bytes).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Only a token as `newToken` makes it is worth a look-up: 43 base64url characters. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
