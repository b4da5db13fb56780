/**
 * The signing secrets of webhook endpoints, encrypted at rest (issue 17): AES-256-GCM
 * (`crypto/aes-gcm.ts`) under a key derived (SHA-256) from the configuration's WEBHOOK_SECRET_KEY.
 * The database holds only base64(iv ‖ tag ‖ ciphertext); a copy of the database without the key
 * cannot sign. The key's id is not stored: changing the key makes existing endpoints unusable
 * (they are recreated).
 */
import { createHash } from 'node:crypto';
import { IV_BYTES, openAesGcm, sealAesGcm, TAG_BYTES } from '../crypto/aes-gcm.ts';

export type SecretBox = Readonly<{ seal(secret: string): string; open(sealed: string): string }>;

export function createSecretBox(keyMaterial: string): SecretBox {
  const key = createHash('sha256').update(keyMaterial).digest();
  return {
    seal(secret) {
      const { iv, tag, ciphertext } = sealAesGcm(key, secret);
      return Buffer.concat([iv, tag, ciphertext]).toString('base64');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      const tagEnd = IV_BYTES + TAG_BYTES;
      return openAesGcm(key, { iv: bytes.subarray(0, IV_BYTES), tag: bytes.subarray(IV_BYTES, tagEnd), ciphertext: bytes.subarray(tagEnd) });
    },
  };
}
