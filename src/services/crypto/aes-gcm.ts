/**
 * AES-256-GCM for the secrets the portal keeps in its database (ASVS 11.3): a new 96-bit IV for
 * every encryption, a 128-bit tag, optional associated data that must match when opening. How
 * the parts are written down and where the key comes from belong to each user: the TOTP secrets
 * (`auth/second-factor-secret.ts`) and the webhook signing secrets (`webhooks/secret-box.ts`)
 * keep the stored forms they have always had.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export type SealedParts = Readonly<{ iv: Buffer; tag: Buffer; ciphertext: Buffer }>;

/** Encrypts `plaintext` (UTF-8) under the 32-byte `key`, bound to `associatedData` when given. */
export function sealAesGcm(key: Buffer, plaintext: string, associatedData?: string): SealedParts {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** The plaintext of sealed parts; throws when the key, the associated data or any part differs. */
export function openAesGcm(key: Buffer, { iv, tag, ciphertext }: SealedParts, associatedData?: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}
