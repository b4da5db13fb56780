/**
 * The growing login delay (issue 13 item 2, ASVS 6.3.1/6.1.1 brute force): no hard lock that an
 * attacker could use against the real user, but a wait before the next attempt is even evaluated.
 *
 * Three counters of failed logins, each a series that ends 24 hours after its last failure:
 * - per address (the normalised e-mail address, whether an account has it or not, so that the
 *   answer never tells whether it exists): from the 5th failure the next attempt waits
 *   2^(n-5) seconds (1, 2, 4, …), at most 15 minutes;
 * - per client address (over every address it tries): the same doubling after 20 free failures,
 *   since an office behind one address holds many honest users;
 * - per pair (address, client address): the pair also remembers the last correct password from
 *   that client address. From such a known origin (within 30 days) only the pair's own failures
 *   count, not the address's: an attacker elsewhere can slow the account down for everybody
 *   else, but not for its holder at the client address it usually logs in from.
 */

export const LOGIN_DELAY = Object.freeze({
  /** Failures per address (and per pair) without any wait. */
  freeFailures: 4,
  /** Failures per client address without any wait. */
  freeFailuresPerClient: 20,
  capSeconds: 15 * 60,
  /** The holder gets one mail per series when the address reaches this many failures. */
  notifyAfter: 10,
  /** A series of failures ends this long after its last failure. */
  seriesHours: 24,
  /** A correct password from a client address makes it a known origin of the account this long. */
  knownOriginDays: 30,
});

/** Seconds to wait after `failures` failures in a series: 0 up to `free`, then 1, 2, 4, … up to the cap. */
export function delaySeconds(failures: number, free: number = LOGIN_DELAY.freeFailures): number {
  if (failures <= free) return 0;
  const exponent = failures - free - 1;
  return exponent >= 20 ? LOGIN_DELAY.capSeconds : Math.min(2 ** exponent, LOGIN_DELAY.capSeconds);
}

export type FailureCounter = Readonly<{ failures: number; lastFailedAt: Date | null; lastSuccessAt: Date | null }>;

const NO_FAILURES: FailureCounter = { failures: 0, lastFailedAt: null, lastSuccessAt: null };

/** The failures of the counter's running series (0 once 24 hours passed since its last failure). */
export function failuresInSeries(counter: FailureCounter | undefined, now: Date): number {
  if (counter === undefined || counter.lastFailedAt === null) return 0;
  return now.getTime() - counter.lastFailedAt.getTime() < LOGIN_DELAY.seriesHours * 3_600_000 ? counter.failures : 0;
}

function waitUntil(counter: FailureCounter | undefined, free: number, now: Date): number {
  const failures = failuresInSeries(counter, now);
  if (failures === 0 || counter?.lastFailedAt == null) return 0;
  return counter.lastFailedAt.getTime() + delaySeconds(failures, free) * 1000;
}

/** Whether the pair is a known origin: a correct password came from it within 30 days. */
export function isKnownOrigin(pair: FailureCounter | undefined, now: Date): boolean {
  return pair?.lastSuccessAt != null && now.getTime() - pair.lastSuccessAt.getTime() < LOGIN_DELAY.knownOriginDays * 86_400_000;
}

/**
 * When the attempt may be evaluated: undefined when now, otherwise the instant from which it may.
 * The address counter counts unless the attempt comes from a known origin (then the pair's own).
 */
export function attemptAllowedFrom(
  counters: Readonly<{ address?: FailureCounter; client?: FailureCounter; pair?: FailureCounter }>,
  now: Date,
): Date | undefined {
  const account = isKnownOrigin(counters.pair, now) ? counters.pair : (counters.address ?? NO_FAILURES);
  const until = Math.max(waitUntil(account, LOGIN_DELAY.freeFailures, now), waitUntil(counters.client, LOGIN_DELAY.freeFailuresPerClient, now));
  return until > now.getTime() ? new Date(until) : undefined;
}
