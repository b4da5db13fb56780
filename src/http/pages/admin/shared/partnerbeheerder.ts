/** The pages of the partner API's links (issue 17) are the partnerbeheerder's alone; anyone else 403. */
import type { Actor } from '../../../../domain/users.ts';
import { ForbiddenError } from '../../../../services/errors.ts';

export function requirePartnerbeheerder(actor: Actor, what: string): Actor {
  if (actor.role !== 'partnerbeheerder') throw new ForbiddenError(what);
  return actor;
}
