/**
 * Recovery codes (ASVS 6.5.2, 6.5.3): 10 single-use codes of 120 random bits each, written as 24
 * base32 characters in groups of four. 120 bits is above the 112 for which ASVS allows a plain
 * hash: only the SHA-256 of each code is stored, and a code works once.
 */
import { createHash } from 'node:crypto';

export const RECOVERY_CODE_RULES = Object.freeze({ count: 10, bytes: 15, length: 24 });

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A code from 15 random bytes (the caller draws them), as `abcd-efgh-ijkl-mnop-qrst-uvwx`. */
export function recoveryCodeFrom(random: Uint8Array): string {
  if (random.length !== RECOVERY_CODE_RULES.bytes) throw new Error(`a recovery code takes ${String(RECOVERY_CODE_RULES.bytes)} random bytes`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return (out.match(/.{4}/g) ?? []).join('-');
}

/**
 * A typed recovery code in its stored form (lower case, no spaces or dashes; 0 read as o and 1 as l),
 * or undefined when it cannot be one.
 */
export function normaliseRecoveryCode(input: string): string | undefined {
  const compact = input.replace(/[\s-]/g, '').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
  return new RegExp(`^[${ALPHABET}]{${String(RECOVERY_CODE_RULES.length)}}$`).test(compact) ? compact : undefined;
}

/** What is stored of a code: the SHA-256 of its normal form (base64url). */
export function hashRecoveryCode(code: string): string {
  const normal = normaliseRecoveryCode(code);
  if (normal === undefined) throw new Error('not a recovery code');
  return createHash('sha256').update(normal).digest('base64url');
}
