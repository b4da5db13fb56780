/**
 * Login (ASVS 6.3.1, 6.1.1, 6.3.2): argon2id, one generic failure, and a growing delay instead of
 * a lock (`domain/accounts/login-delay.ts`): an attempt inside the delay is not evaluated at all
 * and answers when to try again, alike for known and unknown addresses. Every failed attempt is in
 * the audit log; after 10 failures in a series the holder of the account gets one mail.
 *
 * The password check ends in `login`: `{ ok: true, actor, secondStep: null }` means the password
 * was right and nothing more is asked (the delay counters are reset and `login.geslaagd` is
 * written); with a `secondStep` the login completes in second-factor-service.ts, which resets the
 * delay and writes `login.geslaagd` after the code.
 */
import { normaliseEmail, type Actor } from '../../domain/users.ts';
import { failedLoginsMail, FAILED_LOGINS_TOPIC } from '../accounts/account-mail.ts';
import { AuditAction } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { OutboxService } from '../outbox/outbox-service.ts';
import { createLoginThrottle, throttleKeys } from './login-throttle.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import type { SecondStep } from './second-factor-service.ts';

/** After a correct password: whether a second factor (or its enrolment) is still asked. */
export type SecondFactorGate = (trx: Executor, userId: string) => Promise<SecondStep>;

/**
 * `secondStep`: what the login still asks before the session is logged in (second-factor-service.ts).
 * Refused: `delayedUntil` when the attempt came inside the delay (it was not evaluated), else null.
 */
export type LoginResult = { ok: true; actor: Actor; secondStep: SecondStep } | { ok: false; delayedUntil: Date | null };

type Failure = 'onbekend-adres' | 'uitgeschakeld' | 'geen-wachtwoord' | 'fout-wachtwoord';

export function createAuthService(
  { db, repos, clock }: ServiceContext,
  outbox: OutboxService,
  publicUrl: string,
  secondFactorGate: SecondFactorGate = () => Promise.resolve(null),
) {
  const throttle = createLoginThrottle({ repos, clock });
  async function login(emailInput: string, password: string, ip: string): Promise<LoginResult> {
    const email = normaliseEmail(emailInput);
    const keys = throttleKeys(email, ip);
    return db.transaction().execute(async (trx) => {
      const allowedFrom = await throttle.allowedFrom(trx, keys);
      const user = await repos.users.findCredentialsByEmail(trx, email);

      const audit = (details: Record<string, unknown>) =>
        repos.audit.append(trx, { actorUserId: user?.id ?? null, actorLabel: email, organisationId: null, action: AuditAction.loginFailed, details: { ...details, ip } }, clock.now());

      if (allowedFrom !== undefined) {
        // Not evaluated: no password check, no count; the answer is the same whether the account exists.
        await audit({ reason: 'vertraagd', retryAt: allowedFrom.toISOString() });
        return { ok: false, delayedUntil: allowedFrom };
      }

      const fail = async (reason: Failure): Promise<LoginResult> => {
        const { failures, notify } = await throttle.failed(trx, keys);
        await audit({ reason, failures });
        if (notify && reason === 'fout-wachtwoord' && user !== undefined) await notifyHolder(user.id, failures);
        return { ok: false, delayedUntil: null };
      };

      const notifyHolder = async (userId: string, failures: number): Promise<void> => {
        const holder = await repos.users.findActiveActor(trx, userId);
        if (holder === undefined) return;
        await outbox.enqueueMail(trx, FAILED_LOGINS_TOPIC, failedLoginsMail({ to: holder.email, name: holder.displayName, failures, at: clock.now(), publicUrl }));
        await throttle.markNotified(trx, keys);
        await repos.audit.append(trx, byActor(holder, AuditAction.failedLoginsNotified, { details: { userId, failures } }), clock.now());
      };

      if (user === undefined) {
        await verifyAgainstDummy(password);
        return fail('onbekend-adres');
      }
      if (user.disabledAt !== null) {
        await verifyAgainstDummy(password);
        return fail('uitgeschakeld');
      }
      if (user.passwordHash === null) {
        // Invited, no password chosen yet: only the link in the invitation leads in.
        await verifyAgainstDummy(password);
        return fail('geen-wachtwoord');
      }
      if (!(await verifyPassword(user.passwordHash, password))) return fail('fout-wachtwoord');

      const actor = await repos.users.findActiveActor(trx, user.id);
      if (actor === undefined) return fail('uitgeschakeld');
      // ASVS 6.3.3: with a second factor the login completes (and the delay resets) only after it.
      const secondStep = await secondFactorGate(trx, user.id);
      if (secondStep !== null) {
        await repos.audit.append(trx, byActor(actor, AuditAction.passwordAccepted, { details: { ip, next: secondStep } }), clock.now());
        return { ok: true, actor, secondStep };
      }
      await throttle.succeeded(trx, keys);
      await repos.users.recordSuccessfulLogin(trx, user.id, clock.now());
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
