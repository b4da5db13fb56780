/**
 * "Wachtwoord vergeten?" and "Wachtwoord kiezen": the one-time links by e-mail.
 * - A reset request answers alike and does the same work whether the address is known or not: a
 *   token is always made and hashed and the mail rendered, the same statements run in one
 *   transaction, and an audit record is written; only a known, enabled account gets the link.
 * - Choosing a password with a valid link (72 h, once, the newest, account enabled) sets it under
 *   the password rules, ends every session of the user and every other open link.
 */
import { checkNewPassword } from '../../domain/accounts/passwords.ts';
import { tokenRefusal, type TokenPurpose } from '../../domain/accounts/tokens.ts';
import { failed, succeeded, type Result } from '../../domain/result.ts';
import { normaliseEmail } from '../../domain/users.ts';
import { AuditAction } from '../audit/actions.ts';
import { throttleKeys } from '../auth/login-throttle.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { ServiceContext } from '../context.ts';
import { accountMail, chooseLink } from './account-mail.ts';
import { isCommonPassword } from './common-passwords.ts';
import type { IssueLink } from './link-issuer.ts';
import { hashToken, looksLikeToken, newToken } from './tokens.ts';

/** Stands in for a user id where the address is unknown: it matches no row. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

export type LinkInfo = Readonly<{ purpose: TokenPurpose; email: string }>;

export function createPasswordService({ db, repos, clock }: ServiceContext, issueLink: IssueLink, publicUrl: string) {
  /** Always the same answer (none); the link goes out only to a known, enabled account. */
  async function requestReset(emailInput: string, ip: string): Promise<void> {
    const email = normaliseEmail(emailInput);
    await db.transaction().execute(async (trx) => {
      const user = await repos.users.findCredentialsByEmail(trx, email);
      const actor = user === undefined ? undefined : await repos.users.findActiveActor(trx, user.id);
      if (user !== undefined && actor !== undefined) {
        await issueLink(trx, { id: user.id, email: actor.email, displayName: actor.displayName, organisationName: actor.organisationName }, 'reset');
      } else {
        // The same work as issueLink, without a link: a token made and hashed, a mail rendered, the void update run.
        const { token } = newToken();
        accountMail('reset', { to: email, name: '', link: chooseLink(publicUrl, token), expiresAt: clock.now(), organisationName: '', publicUrl });
        await repos.accountTokens.voidOpenOfUser(trx, NO_USER, clock.now());
        await repos.accountTokens.findByHash(trx, hashToken(token));
      }
      await repos.audit.append(
        trx,
        {
          actorUserId: user?.id ?? null,
          actorLabel: email,
          organisationId: null,
          action: AuditAction.passwordResetRequested,
          details: { userId: user?.id ?? null, ip, sent: actor !== undefined },
        },
        clock.now(),
      );
    });
  }

  /** Whether the link may be used now, and for which account; one answer for every refusal. */
  async function checkLink(token: string): Promise<Result<LinkInfo>> {
    if (!looksLikeToken(token)) return failed([{ field: 'token', code: 'ongeldige-link' }]);
    const stored = await repos.accountTokens.findByHash(db, hashToken(token));
    if (stored === undefined || tokenRefusal(stored, stored.userDisabledAt !== null, clock.now()) !== undefined) return failed([{ field: 'token', code: 'ongeldige-link' }]);
    return succeeded({ purpose: stored.purpose, email: stored.email });
  }

  /** Sets the password chosen with a valid link; the link is used, other links void, all sessions end. */
  async function choosePassword(token: string, password: string, confirmation: string): Promise<Result<LinkInfo>> {
    const valid = await checkLink(token);
    if (!valid.ok) return valid;
    const stored = await repos.accountTokens.findByHash(db, hashToken(token));
    if (stored === undefined) return failed([{ field: 'token', code: 'ongeldige-link' }]);
    const problems = checkNewPassword({ password, confirmation }, { email: stored.email, name: stored.displayName }, isCommonPassword);
    if (problems.length > 0) return failed(problems);
    // Hashed before the transaction: argon2 takes a while and needs no lock.
    const passwordHash = await hashPassword(password);
    return db.transaction().execute(async (trx) => {
      // Checked again under the row lock: of two uses of one link at the same moment, one wins.
      const current = await repos.accountTokens.findByHash(trx, hashToken(token), { forUpdate: true });
      const now = clock.now();
      if (current === undefined || tokenRefusal(current, current.userDisabledAt !== null, now) !== undefined) {
        return failed([{ field: 'token', code: 'ongeldige-link' }]);
      }
      await repos.accountTokens.markUsed(trx, current.id, now);
      const voidedLinks = await repos.accountTokens.voidOpenOfUser(trx, current.userId, now);
      await repos.userAccounts.setPassword(trx, current.userId, passwordHash);
      const endedSessions = await repos.sessions.removeAllOfUser(trx, current.userId);
      // A new password ends the address's series of failed logins, as it ended the old lock.
      await repos.loginThrottle.clear(trx, throttleKeys(normaliseEmail(current.email), '').address);
      await repos.audit.append(
        trx,
        {
          actorUserId: current.userId,
          actorLabel: current.displayName,
          organisationId: null,
          action: AuditAction.passwordChosen,
          details: { userId: current.userId, purpose: current.purpose, endedSessions, voidedLinks },
        },
        now,
      );
      return succeeded({ purpose: current.purpose, email: current.email });
    });
  }

  return { requestReset, checkLink, choosePassword };
}
