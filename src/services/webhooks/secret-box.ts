/**
 * The signing secrets of webhook endpoints, encrypted at rest (issue 17): AES-256-GCM under a key
 * derived (SHA-256) from the configuration's WEBHOOK_SECRET_KEY. The database holds only
 * base64(iv ‖ tag ‖ ciphertext); a copy of the database without the key cannot sign. The key's
 * id is not stored: changing the key makes existing endpoints unusable (they are recreated).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export type SecretBox = Readonly<{ seal(secret: string): string; open(sealed: string): string }>;

export function createSecretBox(keyMaterial: string): SecretBox {
  const key = createHash('sha256').update(keyMaterial).digest();
  return {
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
