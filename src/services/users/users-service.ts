import type { Actor } from '../../domain/users.ts';
import { AuditAction } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';

export function createUsersService({ db, repos, clock }: ServiceContext) {
  /** A beheerder disables an account: its sessions end at once (ASVS). */
  async function disableUser(actor: Actor, userId: string): Promise<boolean> {
    if (actor.role !== 'beheerder') throw new ForbiddenError('gebruikers uitschakelen');
    return db.transaction().execute(async (trx) => {
      const changed = await repos.users.setDisabled(trx, userId, clock.now());
      if (!changed) return false;
      const endedSessions = await repos.sessions.removeAllOfUser(trx, userId);
      await repos.audit.append(trx, byActor(actor, AuditAction.userDisabled, { details: { userId, endedSessions } }), clock.now());
      return true;
    });
  }

  return { disableUser };
}
