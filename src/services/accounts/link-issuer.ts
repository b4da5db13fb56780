/**
 * Issues a one-time link (invitation or reset) inside the caller's transaction: the user's open
 * links become void, the new one's hash is stored, and the mail goes into the outbox, to be sent
 * after the commit.
 */
import { tokenExpiresAt, type TokenPurpose } from '../../domain/accounts/tokens.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { ServiceContext } from '../context.ts';
import type { OutboxService } from '../outbox/outbox-service.ts';
import { accountMail, chooseLink } from './account-mail.ts';
import { newToken } from './tokens.ts';

export type LinkRecipient = Readonly<{ id: string; email: string; displayName: string; organisationName: string }>;

/** The outbox topic of each kind of link: what the mail is about, without personal data. */
export const LINK_TOPICS: Readonly<Record<TokenPurpose, string>> = { invite: 'uitnodiging', reset: 'wachtwoord-vergeten' };

export function createLinkIssuer({ repos, clock }: ServiceContext, outbox: OutboxService, publicUrl: string) {
  return async function issueLink(trx: Executor, user: LinkRecipient, purpose: TokenPurpose): Promise<{ expiresAt: Date }> {
    const now = clock.now();
    const { token, hash } = newToken();
    const expiresAt = tokenExpiresAt(now);
    await repos.accountTokens.voidOpenOfUser(trx, user.id, now);
    await repos.accountTokens.insert(trx, { userId: user.id, purpose, tokenHash: hash, createdAt: now, expiresAt });
    const mail = accountMail(purpose, { to: user.email, name: user.displayName, link: chooseLink(publicUrl, token), expiresAt, organisationName: user.organisationName, publicUrl });
    await outbox.enqueueMail(trx, LINK_TOPICS[purpose], mail);
    return { expiresAt };
  };
}

export type IssueLink = ReturnType<typeof createLinkIssuer>;
