/**
 * The second factor's codes (ASVS 6.5.5, RFC 6238 through otplib): 6 digits, 30-second steps,
 * HMAC-SHA1 (what every authenticator app reads from the QR code). A code is accepted one step
 * before or after the current one (clock drift of the phone), and only when its step is later
 * than the last one used: a code works once (ASVS 6.5.1). Time comes from the caller's clock.
 */
import { generateSync, generateURI, verifySync } from 'otplib';

export const TOTP_RULES = Object.freeze({
  digits: 6,
  periodSeconds: 30,
  /** Steps accepted on either side of the current one. */
  driftSteps: 1,
  /** A code of up to this many steps ago is "verlopen" (told apart from a wrong code). */
  expiredSteps: 10,
  /** The secret's length in bytes (160 bits, RFC 4226's recommendation). */
  secretBytes: 20,
});

/** Why a code is refused, or the time-step of the accepted code. */
export type TotpCheck = Readonly<{ ok: true; step: number } | { ok: false; reason: 'fout' | 'verlopen' | 'hergebruikt' }>;

/** The RFC 6238 time-step of an instant. */
export function timeStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_RULES.periodSeconds);
}

function epochOf(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}

/** The code an authenticator app shows at `now` (tests and the demo; the service only verifies). */
export function totpCodeAt(secret: string, now: Date): string {
  return generateSync({ secret, epoch: epochOf(now), digits: TOTP_RULES.digits, period: TOTP_RULES.periodSeconds });
}

/**
 * Checks a 6-digit code against the secret at `now`. `lastUsedStep` is the step of the last
 * accepted code (null: none yet): a code within the window of that step or an earlier one is
 * "hergebruikt"; a code of up to 5 minutes before the window is "verlopen"; anything else "fout".
 */
export function checkTotp(secret: string, code: string, now: Date, lastUsedStep: number | null): TotpCheck {
  const options = { secret, token: code, epoch: epochOf(now), digits: TOTP_RULES.digits, period: TOTP_RULES.periodSeconds } as const;
  const drift = TOTP_RULES.driftSteps * TOTP_RULES.periodSeconds;
  const current = matchingStep(verifySync({ ...options, epochTolerance: drift }));
  if (current !== undefined) {
    return lastUsedStep !== null && current <= lastUsedStep ? { ok: false, reason: 'hergebruikt' } : { ok: true, step: current };
  }
  const older = matchingStep(verifySync({ ...options, epochTolerance: [TOTP_RULES.expiredSteps * TOTP_RULES.periodSeconds, 0] }));
  return { ok: false, reason: older === undefined ? 'fout' : 'verlopen' };
}

/** The time-step of a valid TOTP result (the functional API also types HOTP's results). */
function matchingStep(result: ReturnType<typeof verifySync>): number | undefined {
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** The otpauth:// address of the QR code: the app shows the portal's name and the user's address. */
export function provisioningUri(secret: string, issuer: string, accountName: string): string {
  return generateURI({ issuer, label: accountName, secret, digits: TOTP_RULES.digits, period: TOTP_RULES.periodSeconds });
}

/** The secret in groups of four, for those who type it into their app. */
export function groupedSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/** What the user typed on "Verificatiecode": an app's code, a recovery code, or neither. */
export type EnteredCode = Readonly<{ kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | { kind: 'leeg' } | { kind: 'ongeldig' }>;

/** Spaces and dashes are ignored; 6 digits is an app's code, 24 base32 characters a recovery code. */
export function parseEnteredCode(input: string, recoveryCode: (input: string) => string | undefined): EnteredCode {
  const compact = input.replace(/[\s-]/g, '');
  if (compact === '') return { kind: 'leeg' };
  if (new RegExp(`^\\d{${String(TOTP_RULES.digits)}}$`).test(compact)) return { kind: 'totp', code: compact };
  const recovery = recoveryCode(compact);
  return recovery === undefined ? { kind: 'ongeldig' } : { kind: 'recovery', code: recovery };
}
