/**
 * The counters behind the growing login delay (rules in `domain/accounts/login-delay.ts`), kept in
 * the database so that every instance sees the same wait. Each key is a SHA-256: the table holds
 * no e-mail or client address in clear.
 */
import { createHash } from 'node:crypto';
import { attemptAllowedFrom, LOGIN_DELAY } from '../../domain/accounts/login-delay.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { ThrottleKey } from '../../db/repositories/login-throttle.ts';
import type { ServiceContext } from '../context.ts';

type Keys = Readonly<{ address: ThrottleKey; client: ThrottleKey; pair: ThrottleKey }>;

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** The three keys of an attempt: the normalised address, the client address, the pair. */
export function throttleKeys(email: string, ip: string): Keys {
  return {
    address: { scope: 'adres', keyHash: hash(`adres\n${email}`) },
    client: { scope: 'ip', keyHash: hash(`ip\n${ip}`) },
    pair: { scope: 'adres-ip', keyHash: hash(`adres-ip\n${email}\n${ip}`) },
  };
}

export function createLoginThrottle({ repos, clock }: Pick<ServiceContext, 'repos' | 'clock'>) {
  return {
    /**
     * Takes the address's lock for the rest of the transaction (concurrent attempts on one address
     * are evaluated one after the other, on every instance) and answers from when this attempt
     * may be evaluated: undefined for now.
     */
    async allowedFrom(trx: Executor, keys: Keys): Promise<Date | undefined> {
      await repos.loginThrottle.lockAddress(trx, keys.address);
      const counters = await repos.loginThrottle.find(trx, [keys.address, keys.client, keys.pair]);
      return attemptAllowedFrom({ address: counters.get('adres'), client: counters.get('ip'), pair: counters.get('adres-ip') }, clock.now());
    },

    /**
     * One more failure on each counter. Answers the address's count in its series, and whether its
     * holder is to be mailed now (the count reached 10 and nobody was mailed in this series yet).
     */
    async failed(trx: Executor, keys: Keys): Promise<{ failures: number; notify: boolean }> {
      const now = clock.now();
      const seriesStart = new Date(now.getTime() - LOGIN_DELAY.seriesHours * 3_600_000);
      const address = await repos.loginThrottle.addFailure(trx, keys.address, now, seriesStart);
      await repos.loginThrottle.addFailure(trx, keys.client, now, seriesStart);
      await repos.loginThrottle.addFailure(trx, keys.pair, now, seriesStart);
      return { failures: address.failures, notify: address.failures >= LOGIN_DELAY.notifyAfter && address.notifiedAt === null };
    },

    markNotified(trx: Executor, keys: Keys): Promise<void> {
      return repos.loginThrottle.markNotified(trx, keys.address, clock.now());
    },

    /** A correct password: the address's series ends; the pair becomes a known origin. The client address's count stays. */
    succeeded(trx: Executor, keys: Keys): Promise<void> {
      return repos.loginThrottle.recordSuccess(trx, keys.address, keys.pair, clock.now());
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
