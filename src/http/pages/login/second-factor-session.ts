/**
 * The half-logged-in session of the second factor (ASVS 6.3.3): after a correct password the
 * session holds `pendingLogin` and no `userId`, so that no other route sees a user (the auth
 * plugin resolves only `userId`). It lasts 10 minutes. The session id changes at each step.
 */
import type { FastifyRequest } from 'fastify';
import type { SecondStep } from '../../../services/auth/second-factor-service.ts';
import { keptUserAgent } from '../../../services/auth/session-service.ts';
import type { Clock } from '../../../services/clock.ts';

declare module 'fastify' {
  interface Session {
    /** A login waiting for its second factor: whose, which step, since when (ISO). */
    pendingLogin?: { userId: string; step: Exclude<SecondStep, null>; since: string };
  }
}

export const VERIFY_PATH = '/aanmelden/verificatiecode';
export const LOGIN_ENROL_PATH = '/aanmelden/tweestapsverificatie';
export const SETUP_PATH = '/tweestapsverificatie';

const PENDING_MS = 10 * 60_000;

/** After the password: a new session that only the second step's pages accept. */
export async function startPendingLogin(request: FastifyRequest, userId: string, step: Exclude<SecondStep, null>, clock: Clock): Promise<string> {
  await request.session.regenerate();
  request.session.pendingLogin = { userId, step, since: clock.now().toISOString() };
  return step === 'code' ? VERIFY_PATH : LOGIN_ENROL_PATH;
}

/** The pending login of this step, when it is still young enough; otherwise undefined. */
export function pendingLoginOf(request: FastifyRequest, step: Exclude<SecondStep, null>, clock: Clock): string | undefined {
  const pending = request.session.pendingLogin;
  if (pending?.step !== step) return undefined;
  return clock.now().getTime() - Date.parse(pending.since) < PENDING_MS ? pending.userId : undefined;
}

/**
 * The login is complete: a new session id (session fixation: no state of the anonymous or
 * half-logged-in session kept) with the user, and the device shown on "Mijn sessies" (ASVS 7.5.2).
 */
export async function completeLogin(request: FastifyRequest, userId: string, clock: Clock): Promise<void> {
  await request.session.regenerate();
  request.session.userId = userId;
  const now = clock.now().toISOString();
  request.session.authenticatedAt = now;
  request.session.lastSeenAt = now;
  const userAgent = keptUserAgent(request.headers['user-agent']);
  if (userAgent !== undefined) request.session.userAgent = userAgent;
}
