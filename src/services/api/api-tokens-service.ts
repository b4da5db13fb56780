/**
 * "API-sleutels" (issue 17): a partnerbeheerder creates tokens for its own organisation (name,
 * scopes, expiry within 12 months), sees the secret once, lists them with their last use and
 * revokes them; audited. `authenticate` turns a presented Bearer token into the actor it acts as:
 * the organisation's system ("systeem van <organisatie>", a partner, never service staff), with
 * the token's name as the channel of every audit record.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { checkApiToken, expiryInstant, formatToken, parseToken, systemActorName, tokenState, type ApiScope, type ApiToken, type ApiTokenInput } from '../../domain/api-tokens.ts';
import { formatDate } from '../../domain/calendar-date.ts';
import { failed, succeeded, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { ForbiddenError, RecordNotFoundError } from '../errors.ts';
import { isUuid } from '../dossiers/dossier-access.ts';

const SECRET_BYTES = 32;

const hashOf = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** The token as the API sees it: who acts, through which token, with which scopes. */
export type ApiClient = Readonly<{ actor: Actor; tokenId: string; tokenName: string; scopes: readonly ApiScope[] }>;

export function createApiTokensService(context: ServiceContext) {
  const { db, repos, clock } = context;
  const record = auditRecorder(context);

  function requirePartnerAdmin(actor: Actor): void {
    if (actor.role !== 'partnerbeheerder' || actor.organisationKind !== 'partner') throw new ForbiddenError('API-sleutels beheren');
  }

  async function list(actor: Actor): Promise<{ tokens: ApiToken[]; now: Date }> {
    requirePartnerAdmin(actor);
    return { tokens: await repos.apiTokens.listOfOrganisation(db, actor.organisationId), now: clock.now() };
  }

  /** Creates the token; its secret is in the answer only, never stored. */
  async function create(actor: Actor, raw: ApiTokenInput): Promise<Result<{ id: string; token: string; name: string }>> {
    requirePartnerAdmin(actor);
    const input = { ...raw, name: raw.name.trim(), scopes: [...new Set(raw.scopes)] };
    const problems = checkApiToken(input, clock.today());
    if (problems.length > 0) return failed(problems);
    return db.transaction().execute(async (trx) => {
      const now = clock.now();
      const systemUserId = await repos.apiTokens.systemUserOf(trx, { id: actor.organisationId, name: actor.organisationName }, systemActorName(actor.organisationName), now);
      const id = randomUUID();
      const secret = randomBytes(SECRET_BYTES).toString('base64url');
      await repos.apiTokens.insert(trx, {
        id, organisationId: actor.organisationId, systemUserId, name: input.name, scopes: input.scopes, secretHash: hashOf(secret),
        createdAt: now, createdByLabel: actor.displayName, expiresAt: expiryInstant(input.expiresOn),
      });
      await record(trx, actor, AuditAction.apiTokenCreated, { details: { tokenId: id, naam: input.name, scopes: input.scopes, vervaldatum: formatDate(input.expiresOn) } });
      return succeeded({ id, token: formatToken(id, secret), name: input.name });
    });
  }

  async function revoke(actor: Actor, tokenId: string): Promise<{ name: string; revoked: boolean }> {
    requirePartnerAdmin(actor);
    if (!isUuid(tokenId)) throw new RecordNotFoundError();
    return db.transaction().execute(async (trx) => {
      const token = await repos.apiTokens.findOfOrganisation(trx, actor.organisationId, tokenId);
      if (token === undefined) throw new RecordNotFoundError();
      const revoked = await repos.apiTokens.revoke(trx, token.id, { label: actor.displayName, at: clock.now() });
      if (revoked) await record(trx, actor, AuditAction.apiTokenRevoked, { details: { tokenId: token.id, naam: token.name } });
      return { name: token.name, revoked };
    });
  }

  /** The client of a presented token; undefined when it is malformed, unknown, revoked or expired. */
  async function authenticate(presented: string): Promise<ApiClient | undefined> {
    const parsed = parseToken(presented);
    if (parsed === undefined) return undefined;
    const found = await repos.apiTokens.findForAuthentication(db, parsed.id);
    if (found === undefined) return undefined;
    const expected = Buffer.from(found.secretHash, 'hex');
    const given = Buffer.from(hashOf(parsed.secret), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const now = clock.now();
    if (tokenState(found.token, now) !== 'actief' || found.actor.organisationKind !== 'partner') return undefined;
    await repos.apiTokens.touch(db, found.token.id, now);
    return { actor: { ...found.actor, channel: found.token.name }, tokenId: found.token.id, tokenName: found.token.name, scopes: found.token.scopes };
  }

  return { list, create, revoke, authenticate };
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>;
