/**
 * Login (ASVS L2): argon2id, one generic failure, lockout after 5 failures in 15 minutes for
 * 15 minutes, every attempt in the audit log.
 */
import { LOGIN_LOCKOUT, normaliseEmail, type Actor } from '../../domain/users.ts';
import { AuditAction } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import type { SecondStep } from './second-factor-service.ts';

/** After a correct password: whether a second factor (or its enrolment) is still asked. */
export type SecondFactorGate = (trx: Executor, userId: string) => Promise<SecondStep>;

/** `secondStep`: what the login still asks before the session is logged in (second-factor-service.ts). */
export type LoginResult = { ok: true; actor: Actor; secondStep: SecondStep } | { ok: false };

type Failure = 'onbekend-adres' | 'uitgeschakeld' | 'geblokkeerd' | 'geen-wachtwoord' | 'fout-wachtwoord';

export function createAuthService({ db, repos, clock }: ServiceContext, secondFactorGate: SecondFactorGate = () => Promise.resolve(null)) {
  async function login(emailInput: string, password: string, ip: string): Promise<LoginResult> {
    const email = normaliseEmail(emailInput);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const user = await repos.users.findCredentialsByEmail(trx, email);

      const fail = async (reason: Failure, userId: string | null): Promise<LoginResult> => {
        await repos.audit.append(trx, {
          actorUserId: userId,
          actorLabel: email,
          organisationId: null,
          action: AuditAction.loginFailed,
          details: { reason, ip },
        }, clock.now());
        return { ok: false };
      };

      if (user === undefined) {
        await verifyAgainstDummy(password);
        return fail('onbekend-adres', null);
      }
      if (user.disabledAt !== null) {
        await verifyAgainstDummy(password);
        return fail('uitgeschakeld', user.id);
      }
      if (user.lockedUntil !== null && user.lockedUntil > now) {
        await verifyAgainstDummy(password);
        return fail('geblokkeerd', user.id);
      }

      if (user.passwordHash === null) {
        // Invited, no password chosen yet: only the link in the invitation leads in.
        await verifyAgainstDummy(password);
        return fail('geen-wachtwoord', user.id);
      }

      if (!(await verifyPassword(user.passwordHash, password))) {
        const windowStart = new Date(now.getTime() - LOGIN_LOCKOUT.windowMinutes * 60_000);
        const inWindow = user.firstFailedAt !== null && user.firstFailedAt > windowStart;
        const failedAttempts = inWindow ? user.failedAttempts + 1 : 1;
        const locks = failedAttempts >= LOGIN_LOCKOUT.maxFailures;
        await repos.users.recordFailedLogin(trx, user.id, {
          failedAttempts: locks ? 0 : failedAttempts,
          firstFailedAt: inWindow && user.firstFailedAt !== null ? user.firstFailedAt : now,
          lockedUntil: locks ? new Date(now.getTime() + LOGIN_LOCKOUT.lockMinutes * 60_000) : null,
        });
        const result = await fail('fout-wachtwoord', user.id);
        if (locks) {
          await repos.audit.append(trx, {
            actorUserId: user.id,
            actorLabel: email,
            organisationId: null,
            action: AuditAction.accountLocked,
            details: { minutes: LOGIN_LOCKOUT.lockMinutes, ip },
          }, clock.now());
        }
        return result;
      }

      const actor = await repos.users.findActiveActor(trx, user.id);
      if (actor === undefined) return fail('uitgeschakeld', user.id);
      // ASVS 6.3.3: with a second factor the login completes (and the failures reset) only after it.
      const secondStep = await secondFactorGate(trx, user.id);
      if (secondStep !== null) {
        await repos.audit.append(trx, byActor(actor, AuditAction.passwordAccepted, { details: { ip, next: secondStep } }), clock.now());
        return { ok: true, actor, secondStep };
      }
      await repos.users.recordSuccessfulLogin(trx, user.id, now);
      await repos.audit.append(trx, byActor(actor, AuditAction.loginSucceeded, { details: { ip } }), clock.now());
      return { ok: true, actor, secondStep };
    });
  }

  async function logout(actor: Actor): Promise<void> {
    await repos.audit.append(db, byActor(actor, AuditAction.logout), clock.now());
  }

  async function sessionExpired(actor: Actor, reason: 'inactief' | 'maximale-duur'): Promise<void> {
    await repos.audit.append(db, byActor(actor, AuditAction.sessionExpired, { details: { reason } }), clock.now());
  }

  /** The user behind a session, or undefined when it no longer exists or is disabled. */
  function currentActor(userId: string): Promise<Actor | undefined> {
    return repos.users.findActiveActor(db, userId);
  }

  return { login, logout, sessionExpired, currentActor };
}
