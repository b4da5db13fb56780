/**
 * How refused second factors count against the account: the one place where the second factor
 * meets the login's growing delay (`login-throttle.ts`, rules in `domain/accounts/login-delay.ts`).
 * A refused code counts as a failed login of the address, the client address and the pair; inside
 * the delay no code is evaluated; a passed second factor ends the series as a correct password does.
 */
import { normaliseEmail } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { ServiceContext } from '../context.ts';
import { createLoginThrottle, throttleKeys } from './login-throttle.ts';

/** The attempt's account and origin: the user, its address and the client address. */
export type Attempt = Readonly<{ userId: string; email: string; ip: string }>;

export type SecondFactorFailures = Readonly<{
  /** From when a code may be tried (the delay); undefined: now. */
  blockedUntil(trx: Executor, attempt: Attempt): Promise<Date | undefined>;
  /** Counts one refused code; answers the address's failures in its series. */
  failed(trx: Executor, attempt: Attempt): Promise<number>;
  /** The second factor passed: the series ends, the pair becomes a known origin. */
  succeeded(trx: Executor, attempt: Attempt): Promise<void>;
}>;

export function createSecondFactorFailures({ repos, clock }: Pick<ServiceContext, 'repos' | 'clock'>): SecondFactorFailures {
  const throttle = createLoginThrottle({ repos, clock });
  const keysOf = (attempt: Attempt) => throttleKeys(normaliseEmail(attempt.email), attempt.ip);
  return {
    blockedUntil: (trx, attempt) => throttle.allowedFrom(trx, keysOf(attempt)),

    async failed(trx, attempt) {
      const { failures } = await throttle.failed(trx, keysOf(attempt));
      return failures;
    },

    async succeeded(trx, attempt) {
      await throttle.succeeded(trx, keysOf(attempt));
      await repos.users.recordSuccessfulLogin(trx, attempt.userId, clock.now());
    },
  };
}
