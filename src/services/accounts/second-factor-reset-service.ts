/**
 * An administrator resets a user's second factor (issue 13 item 1): the secret and the recovery
 * codes are removed and every session of the user ends; at its next login the user sets up a new
 * one (or, without MFA_REQUIRED, logs in with the password). A beheerder for every user, a
 * partnerbeheerder for its own organisation's (user-scope.ts: anyone else's is a 404). Audited.
 */
import { failed, succeeded, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import { AuditAction } from '../audit/actions.ts';
import { byActor } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import type { ChangeOutcome } from './user-changes-service.ts';
import { findManagedUser } from './user-scope.ts';

export function createSecondFactorResetService({ db, repos, clock }: ServiceContext) {
  /** Whether the user (in the actor's scope) has a second factor set. */
  async function isEnrolled(actor: Actor, userId: string): Promise<boolean> {
    return db.transaction().execute(async (trx) => {
      const user = await findManagedUser(trx, repos, actor, userId);
      return repos.secondFactors.isConfirmed(trx, user.id);
    });
  }

  async function reset(actor: Actor, userId: string, version: number): Promise<Result<ChangeOutcome>> {
    return db.transaction().execute(async (trx) => {
      const user = await findManagedUser(trx, repos, actor, userId, { forUpdate: true });
      if (user.version !== version) return failed([{ field: 'acties', code: 'gewijzigd', params: { by: '' } }]);
      const enrolled = await repos.secondFactors.isConfirmed(trx, user.id);
      const removed = await repos.secondFactors.remove(trx, user.id);
      if (removed === 0) return succeeded({ changed: false, email: user.email });
      const endedSessions = await repos.sessions.removeAllOfUser(trx, user.id);
      const details = { userId: user.id, field: 'tweestapsverificatie', old: enrolled ? 'Ingesteld' : 'Niet bevestigd', new: 'Niet ingesteld', endedSessions };
      await repos.audit.append(trx, byActor(actor, AuditAction.secondFactorReset, { details }), clock.now());
      return succeeded({ changed: true, email: user.email });
    });
  }

  return { isEnrolled, reset };
}
