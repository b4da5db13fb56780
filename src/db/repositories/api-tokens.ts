/** Partner API tokens (migration 0017): only the SHA-256 of a token's secret is stored. */
import { isApiScope, type ApiToken } from '../../domain/api-tokens.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from './executor.ts';
import { ACTOR_COLUMNS, fromActors, toActor } from './users.ts';

const TOKEN_COLUMNS = ['t.id', 't.organisationId', 't.name', 't.scopes', 't.createdAt', 't.createdByLabel', 't.expiresAt', 't.revokedAt', 't.lastUsedAt'] as const;

type TokenRow = Readonly<{ id: string; organisationId: string; name: string; scopes: unknown; createdAt: Date; createdByLabel: string; expiresAt: Date; revokedAt: Date | null; lastUsedAt: Date | null }>;

function toToken(row: TokenRow): ApiToken {
  const scopes = Array.isArray(row.scopes) ? row.scopes.filter((s): s is string => typeof s === 'string').filter(isApiScope) : [];
  return { id: row.id, organisationId: row.organisationId, name: row.name, scopes, createdAt: row.createdAt, createdByLabel: row.createdByLabel, expiresAt: row.expiresAt, revokedAt: row.revokedAt, lastUsedAt: row.lastUsedAt };
}

/** The organisation's system account (creating it on first use): no password, disabled, never listed. */
export async function systemUserOf(trx: Executor, organisation: { id: string; name: string }, label: string, at: Date): Promise<string> {
  const found = await trx.selectFrom('users').select('id').where('organisationId', '=', organisation.id).where('apiSystem', '=', true).executeTakeFirst();
  if (found !== undefined) return found.id;
  const row = await trx
    .insertInto('users')
    .values({ email: `api-systeem-${organisation.id}@api.invalid`, displayName: label, role: 'begeleider', organisationId: organisation.id, officeId: null, passwordHash: null, disabledAt: at, createdAt: at, apiSystem: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insert(
  trx: Executor,
  token: { id: string; organisationId: string; systemUserId: string; name: string; scopes: readonly string[]; secretHash: string; createdAt: Date; createdByLabel: string; expiresAt: Date },
): Promise<void> {
  await trx.insertInto('api_tokens').values({ ...token, scopes: JSON.stringify(token.scopes) }).execute();
}

/** The organisation's tokens, newest first, revoked and expired ones included. */
export async function listOfOrganisation(trx: Executor, organisationId: string): Promise<ApiToken[]> {
  const rows = await trx.selectFrom('api_tokens as t').select(TOKEN_COLUMNS).where('t.organisationId', '=', organisationId).orderBy('t.createdAt', 'desc').orderBy('t.id').execute();
  return rows.map(toToken);
}

export async function findOfOrganisation(trx: Executor, organisationId: string, id: string): Promise<ApiToken | undefined> {
  const row = await trx.selectFrom('api_tokens as t').select(TOKEN_COLUMNS).where('t.organisationId', '=', organisationId).where('t.id', '=', id).executeTakeFirst();
  return row && toToken(row);
}

export async function revoke(trx: Executor, id: string, by: { label: string; at: Date }): Promise<boolean> {
  const result = await trx.updateTable('api_tokens').set({ revokedAt: by.at, revokedByLabel: by.label }).where('id', '=', id).where('revokedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A token with its secret's hash and the actor it acts as (its organisation's system account). */
export async function findForAuthentication(trx: Executor, id: string): Promise<{ token: ApiToken; secretHash: string; actor: Actor } | undefined> {
  const row = await fromActors(trx)
    .innerJoin('api_tokens as t', 't.systemUserId', 'u.id')
    .select([...ACTOR_COLUMNS, 't.id as tokenId', 't.organisationId as tokenOrganisationId', 't.name', 't.scopes', 't.createdAt', 't.createdByLabel', 't.expiresAt', 't.revokedAt', 't.lastUsedAt', 't.secretHash'])
    .where('t.id', '=', id)
    .where('u.apiSystem', '=', true)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const token = toToken({ ...row, id: row.tokenId, organisationId: row.tokenOrganisationId });
  return { token, secretHash: row.secretHash, actor: toActor(row) };
}

/** Records the use, at most once a minute per token (no write on every request). */
export async function touch(trx: Executor, id: string, at: Date): Promise<void> {
  await trx
    .updateTable('api_tokens')
    .set({ lastUsedAt: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', new Date(at.getTime() - 60_000))]))
    .execute();
}

export type StoredAnswer = Readonly<{ requestHash: string; status: number | null; response: Record<string, unknown> | null; createdAt: Date }>;

/** Reserves the key for this request; false when a request with this key was seen already. */
export async function reserveIdempotencyKey(trx: Executor, tokenId: string, key: string, requestHash: string, at: Date): Promise<boolean> {
  const row = await trx.insertInto('api_idempotency').values({ tokenId, key, requestHash, createdAt: at }).onConflict((oc) => oc.columns(['tokenId', 'key']).doNothing()).returning('key').executeTakeFirst();
  return row !== undefined;
}

export async function findIdempotencyKey(trx: Executor, tokenId: string, key: string): Promise<StoredAnswer | undefined> {
  return trx.selectFrom('api_idempotency').select(['requestHash', 'status', 'response', 'createdAt']).where('tokenId', '=', tokenId).where('key', '=', key).executeTakeFirst();
}

export async function storeIdempotentAnswer(trx: Executor, tokenId: string, key: string, status: number, response: Record<string, unknown>): Promise<void> {
  await trx.updateTable('api_idempotency').set({ status, response: JSON.stringify(response) }).where('tokenId', '=', tokenId).where('key', '=', key).execute();
}

/** Forgets a key: its first request failed unexpectedly, or its 24 hours are over. */
export async function releaseIdempotencyKey(trx: Executor, tokenId: string, key: string, createdBefore: Date | null = null): Promise<void> {
  let query = trx.deleteFrom('api_idempotency').where('tokenId', '=', tokenId).where('key', '=', key);
  if (createdBefore !== null) query = query.where('createdAt', '<', createdBefore);
  await query.execute();
}

/** Removes the answers older than `before` (run with the periodic clean-up). */
export async function purgeIdempotency(trx: Executor, before: Date): Promise<number> {
  const result = await trx.deleteFrom('api_idempotency').where('createdAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

