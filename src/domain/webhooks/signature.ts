/**
 * W4: how a delivery is signed. The receiver recomputes HMAC-SHA256 with the endpoint's secret
 * over `${t}.${body}` (t = the Unix time in seconds of the attempt, the body byte for byte) and
 * compares it with `v1` in `Loopbaanportaal-Signature: t=<t>,v1=<hex>`; a `t` far from its own
 * clock (5 minutes) is refused as a replay. The scheme is documented in docs/api.md.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Loopbaanportaal-Signature';
export const EVENT_ID_HEADER = 'Loopbaanportaal-Event-Id';
export const EVENT_TYPE_HEADER = 'Loopbaanportaal-Event-Type';
/** How far the signed time may lie from the receiver's clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A new signing secret: 32 random bytes, `whsec_` + base64url, shown once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${String(timestamp)}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, at: Date, body: string): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${String(t)},v1=${signatureOf(secret, t, body)}`;
}

/** What a receiver does: true when the header signs this body with this secret within the tolerance. */
export function verifySignature(secret: string, header: string, body: string, now: Date): boolean {
  const parts = new Map(header.split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
  }));
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(signatureOf(secret, t, body), 'hex'));
}
