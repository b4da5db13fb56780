/**
 * How refused second factors count against the account: the one place where the second factor
 * meets the login's failure mechanism. Today that is the lockout of the password (LOGIN_LOCKOUT:
 * 5 failures in 15 minutes lock the account 15 minutes). Kept apart from auth-service.ts on
 * purpose: when the lockout becomes a growing delay (issue 13 item 2), only this file follows it
 * (`blockedUntil` → the delay's `allowedFrom`, `failed` → its `failed`, `succeeded` → its `succeeded`).
 */
import { LOGIN_LOCKOUT } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { ServiceContext } from '../context.ts';

/** The attempt's account and origin: the user, its address and the client address. */
export type Attempt = Readonly<{ userId: string; email: string; ip: string }>;

export type SecondFactorFailures = Readonly<{
  /** Until when the account refuses every code; undefined: a code may be tried now. */
  blockedUntil(trx: Executor, attempt: Attempt): Promise<Date | undefined>;
  /** Counts one refused code; the minutes of the lock this failure starts, else null. */
  failed(trx: Executor, attempt: Attempt): Promise<number | null>;
  /** The second factor passed: the login's failures are forgotten. */
  succeeded(trx: Executor, attempt: Attempt): Promise<void>;
}>;

export function createSecondFactorFailures({ repos, clock }: Pick<ServiceContext, 'repos' | 'clock'>): SecondFactorFailures {
  return {
    async blockedUntil(trx, { userId }) {
      const state = await repos.secondFactors.failureState(trx, userId);
      return state?.lockedUntil !== null && state?.lockedUntil !== undefined && state.lockedUntil > clock.now() ? state.lockedUntil : undefined;
    },

    async failed(trx, { userId }) {
      const state = await repos.secondFactors.failureState(trx, userId);
      if (state === undefined) return null;
      const now = clock.now();
      const windowStart = new Date(now.getTime() - LOGIN_LOCKOUT.windowMinutes * 60_000);
      const inWindow = state.firstFailedAt !== null && state.firstFailedAt > windowStart;
      const failedAttempts = inWindow ? state.failedAttempts + 1 : 1;
      const locks = failedAttempts >= LOGIN_LOCKOUT.maxFailures;
      await repos.users.recordFailedLogin(trx, userId, {
        failedAttempts: locks ? 0 : failedAttempts,
        firstFailedAt: inWindow ? state.firstFailedAt : now,
        lockedUntil: locks ? new Date(now.getTime() + LOGIN_LOCKOUT.lockMinutes * 60_000) : null,
      });
      return locks ? LOGIN_LOCKOUT.lockMinutes : null;
    },

    async succeeded(trx, { userId }) {
      await repos.users.recordSuccessfulLogin(trx, userId, clock.now());
    },
  };
}
