/**
 * Who administers which accounts: a beheerder every organisation's users, a partnerbeheerder
 * only its own organisation's. Anything outside the scope is answered like an unknown id (404).
 */
import { administersUsers, type ManagedUser } from '../../domain/accounts/user-admin.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import { isUuid } from '../dossiers/dossier-access.ts';
import { ForbiddenError, UserNotFoundError } from '../errors.ts';

export function requireAdministrator(actor: Actor): void {
  if (!administersUsers(actor.role)) throw new ForbiddenError('gebruikers beheren');
}

/** The organisation the actor's administration is confined to; null: all of them (beheerder). */
export function organisationScope(actor: Actor): string | null {
  requireAdministrator(actor);
  return actor.role === 'beheerder' ? null : actor.organisationId;
}

/** The user, when the actor administers it; otherwise UserNotFoundError (404). */
export async function findManagedUser(
  trx: Executor,
  repos: Repositories,
  actor: Actor,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ManagedUser> {
  const scope = organisationScope(actor);
  const user = isUuid(userId) ? await repos.userAccounts.findById(trx, userId, options) : undefined;
  if (user === undefined || (scope !== null && user.organisationId !== scope)) throw new UserNotFoundError();
  return user;
}
