/**
 * The TOTP secret at rest (ASVS 6.5, 11.3): AES-256-GCM (`crypto/aes-gcm.ts`) with the key of
 * MFA_ENCRYPTION_KEY and the user's id as associated data, so that a ciphertext copied to another
 * user's row does not decrypt. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
import { openAesGcm, sealAesGcm } from '../crypto/aes-gcm.ts';

const VERSION = 'v1';

export type SecretBox = Readonly<{
  seal(userId: string, secret: string): string;
  open(userId: string, sealed: string): string;
}>;

export function createSecretBox(keyBase64: string): SecretBox {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new Error('the second factor key must be 32 bytes');
  return {
    seal(userId, secret) {
      const { iv, tag, ciphertext } = sealAesGcm(key, secret, userId);
      return [VERSION, ...[iv, tag, ciphertext].map((part) => part.toString('base64url'))].join('.');
    },
    open(userId, sealed) {
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined) throw new Error('unknown form of a sealed secret');
      const parts = { iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), ciphertext: Buffer.from(ciphertext, 'base64url') };
      return openAesGcm(key, parts, userId);
    },
  };
}
