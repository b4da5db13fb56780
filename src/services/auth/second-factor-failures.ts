/**
 * A refused second factor counts as a failed login of the account, with the same rule as a wrong
 * password (LOGIN_LOCKOUT: 5 failures in 15 minutes lock the account). Kept apart from
 * auth-service.ts on purpose: when the lockout becomes a growing delay (issue 13 item 2), this
 * one function follows it.
 */
import { LOGIN_LOCKOUT } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import type { FailureState } from '../../db/repositories/second-factors.ts';

/** Counts one failure; the minutes of the lock when this failure locks the account, else null. */
export async function countSecondFactorFailure(trx: Executor, repos: Repositories, userId: string, state: FailureState, now: Date): Promise<number | null> {
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
}
