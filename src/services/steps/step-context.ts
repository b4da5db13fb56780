/** Shared pieces of the step use cases: finding the line in the dossier and the running attest. */
import { attestGivesAccess } from '../../domain/access.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Step } from '../../domain/steps/step.ts';
import type { Period } from '../../domain/steps/validation.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import { DossierNotFoundError } from '../errors.ts';
import { isUuid, type Dossier } from '../dossiers/dossier-access.ts';

/** The line, when it belongs to this dossier; a foreign or unknown id is a 404, as any dossier id. */
export async function stepOfDossier(repos: Repositories, trx: Executor, dossier: Dossier, stepId: string, forUpdate = false): Promise<Step> {
  const step = isUuid(stepId) ? await repos.steps.findById(trx, stepId, { forUpdate }) : undefined;
  if (step === undefined || step.clientId !== dossier.client.id) throw new DossierNotFoundError();
  return step;
}

/** The organisation's attest that gives access today, the one ending last (A1). */
export function runningAttest(dossier: Dossier, organisationId: string, today: CalendarDate): (Period & { id: string }) | null {
  const running = dossier.attests
    .filter((a) => a.organisationId === organisationId && attestGivesAccess(a, today))
    .sort((a, b) => (a.endDate < b.endDate ? 1 : -1));
  const attest = running[0];
  return attest === undefined ? null : { id: attest.id, startDate: attest.startDate, endDate: attest.endDate };
}
