/**
 * The second factor (issue 13 item 1; ASVS 6.3.3, 6.5): enrolment with a TOTP app, the login's
 * second step with a code or a recovery code, and what the login asks after a correct password.
 * A code works once (the last used time-step per user); a recovery code works once; failures
 * count with the login failures of the account (lockout) and are audited. The secret is stored
 * encrypted (second-factor-secret.ts). Time comes from the injected clock.
 */
import { randomBytes } from 'node:crypto';
import { generateSecret } from 'otplib';
import { hashRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_RULES, recoveryCodeFrom } from '../../domain/accounts/recovery-codes.ts';
import { checkTotp, parseEnteredCode, provisioningUri, TOTP_RULES } from '../../domain/accounts/totp.ts';
import { failed, succeeded, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { UserNotFoundError } from '../errors.ts';
import { createSecretBox } from './second-factor-secret.ts';
import { createSecondFactorFailures } from './second-factor-failures.ts';
import { hashSessionId } from './session-service.ts';

export type SecondFactorOptions = Readonly<{
  /** MFA_ENCRYPTION_KEY: 32 bytes, base64. */
  encryptionKey: string;
  /** MFA_REQUIRED: a user without a second factor enrols right after the password. */
  required: boolean;
}>;

/** What the login asks after a correct password: a code, an enrolment, or nothing more. */
export type SecondStep = 'code' | 'enrol' | null;

export type Enrolment = Readonly<{ enrolled: true } | { enrolled: false; secret: string; uri: string }>;

export const ISSUER = 'Loopbaanportaal';

const FIELD = 'code';

export function createSecondFactorService({ db, repos, clock }: ServiceContext, options: SecondFactorOptions) {
  const box = createSecretBox(options.encryptionKey);
  const failures = createSecondFactorFailures({ repos, clock });

  async function activeActor(trx: Executor, userId: string): Promise<Actor> {
    const actor = await repos.users.findActiveActor(trx, userId);
    // Disabled while the login waited: answered like an unknown user (404), never a 500.
    if (actor === undefined) throw new UserNotFoundError();
    return actor;
  }

  /** After a correct password, inside the login's transaction. */
  async function stepAfterPassword(trx: Executor, userId: string): Promise<SecondStep> {
    if (await repos.secondFactors.isConfirmed(trx, userId)) return 'code';
    return options.required ? 'enrol' : null;
  }

  /** The enrolment page: the pending secret (made on first sight) or the fact that one is set. */
  async function enrolment(userId: string): Promise<Enrolment> {
    return db.transaction().execute(async (trx) => {
      const actor = await activeActor(trx, userId);
      const stored = await repos.secondFactors.find(trx, userId, { forUpdate: true });
      if (stored?.confirmedAt !== null && stored?.confirmedAt !== undefined) return { enrolled: true };
      let secret: string;
      if (stored === undefined) {
        secret = generateSecret({ length: TOTP_RULES.secretBytes });
        await repos.secondFactors.savePending(trx, userId, box.seal(userId, secret), clock.now());
      } else {
        secret = box.open(userId, stored.secretEncrypted);
      }
      return { enrolled: false, secret, uri: provisioningUri(secret, ISSUER, actor.email) };
    });
  }

  /**
   * The first code confirms the enrolment; the answer holds the 10 recovery codes, shown once
   * (only their hashes are stored). `origin`: the enrolment completes a login (MFA_REQUIRED,
   * `loginIp`), or a logged-in user set it up in the session `keepSessionId`, whose other
   * sessions end with it (ASVS 7.4.3: a change of factor ends the other sessions).
   */
  async function confirmEnrolment(
    userId: string,
    input: string,
    origin: Readonly<{ loginIp: string }> | Readonly<{ keepSessionId: string }> | null = null,
  ): Promise<Result<{ actor: Actor; recoveryCodes: string[] }>> {
    const loginIp = origin !== null && 'loginIp' in origin ? origin.loginIp : undefined;
    return db.transaction().execute(async (trx) => {
      const actor = await activeActor(trx, userId);
      const stored = await repos.secondFactors.find(trx, userId, { forUpdate: true });
      if (stored === undefined) return failed([{ field: FIELD, code: 'verlopen' }]);
      if (stored.confirmedAt !== null) return failed([{ field: FIELD, code: 'al-ingesteld' }]);
      const entered = parseEnteredCode(input, () => undefined);
      if (entered.kind === 'leeg') return failed([{ field: FIELD, code: 'verplicht' }]);
      if (entered.kind !== 'totp') return failed([{ field: FIELD, code: 'zes-cijfers' }]);
      const now = clock.now();
      const check = checkTotp(box.open(userId, stored.secretEncrypted), entered.code, now, stored.lastUsedStep);
      if (!check.ok) return failed([{ field: FIELD, code: check.reason }]);

      await repos.secondFactors.confirm(trx, userId, check.step, now);
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_RULES.count }, () => recoveryCodeFrom(randomBytes(RECOVERY_CODE_RULES.bytes)));
      await repos.secondFactors.replaceRecoveryCodes(trx, userId, recoveryCodes.map(hashRecoveryCode), now);
      const endedSessions = origin !== null && 'keepSessionId' in origin ? await repos.sessions.removeOthersOfUser(trx, userId, hashSessionId(origin.keepSessionId)) : 0;
      await repos.audit.append(trx, byActor(actor, AuditAction.secondFactorEnrolled, { details: { userId, recoveryCodes: recoveryCodes.length, endedSessions } }), now);
      if (loginIp !== undefined) {
        await failures.succeeded(trx, { userId, email: actor.email, ip: loginIp });
        await repos.audit.append(trx, byActor(actor, AuditAction.loginSucceeded, { details: { ip: loginIp, secondFactor: 'ingesteld' } }), now);
      }
      return succeeded({ actor, recoveryCodes });
    });
  }

  /**
   * The login's second step: a 6-digit code of the app, or a recovery code. A refusal is counted
   * as a failed login of the account (the growing delay) and audited, with its reason.
   */
  async function verifyLogin(userId: string, input: string, ip: string): Promise<Result<{ actor: Actor; recoveryCodesLeft: number | null }>> {
    const entered = parseEnteredCode(input, normaliseRecoveryCode);
    if (entered.kind === 'leeg') return failed([{ field: FIELD, code: 'verplicht' }]);
    if (entered.kind === 'ongeldig') return failed([{ field: FIELD, code: 'vorm' }]);
    const outcome = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const actor = await repos.users.findActiveActor(trx, userId);
      const stored = await repos.secondFactors.find(trx, userId, { forUpdate: true });
      if (actor === undefined || stored?.confirmedAt === null || stored === undefined) return failed([{ field: FIELD, code: 'opnieuw-aanmelden' }]);
      const attempt = { userId, email: actor.email, ip };
      if ((await failures.blockedUntil(trx, attempt)) !== undefined) {
        await audit(trx, actor, AuditAction.secondFactorFailed, { reason: 'geblokkeerd', ip });
        return failed([{ field: FIELD, code: 'geblokkeerd' }]);
      }

      let refusal: string | undefined;
      let recoveryCodesLeft: number | null = null;
      if (entered.kind === 'totp') {
        const check = checkTotp(box.open(userId, stored.secretEncrypted), entered.code, now, stored.lastUsedStep);
        // The update's condition decides between two posts of one code at once.
        if (!check.ok) refusal = check.reason;
        else if (!(await repos.secondFactors.useStep(trx, userId, check.step))) refusal = 'hergebruikt';
      } else if (await repos.secondFactors.useRecoveryCode(trx, userId, hashRecoveryCode(entered.code), now)) {
        recoveryCodesLeft = await repos.secondFactors.countUnusedRecoveryCodes(trx, userId);
        await audit(trx, actor, AuditAction.recoveryCodeUsed, { userId, left: recoveryCodesLeft, ip });
      } else {
        refusal = 'herstelcode';
      }

      if (refusal !== undefined) {
        const count = await failures.failed(trx, attempt);
        await audit(trx, actor, AuditAction.secondFactorFailed, { reason: refusal, failures: count, ip });
        return failed([{ field: FIELD, code: refusal }]);
      }
      await failures.succeeded(trx, attempt);
      await audit(trx, actor, AuditAction.loginSucceeded, { ip, secondFactor: entered.kind === 'totp' ? 'app' : 'herstelcode' });
      return succeeded({ actor, recoveryCodesLeft });
    });
    return outcome;
  }

  function audit(trx: Executor, actor: Actor, action: (typeof AuditAction)[keyof typeof AuditAction], details: Record<string, unknown>): Promise<void> {
    return repos.audit.append(trx, byActor(actor, action, { details }), clock.now());
  }

  /** For the user's own page: whether a second factor is set and how many recovery codes are left. */
  async function status(userId: string): Promise<{ enrolled: boolean; recoveryCodesLeft: number }> {
    const enrolled = await repos.secondFactors.isConfirmed(db, userId);
    return { enrolled, recoveryCodesLeft: enrolled ? await repos.secondFactors.countUnusedRecoveryCodes(db, userId) : 0 };
  }

  return { stepAfterPassword, enrolment, confirmEnrolment, verifyLogin, status, required: options.required };
}

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
