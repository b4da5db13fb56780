/** Begeleiding > Traject (D1): Acties, Gewenste jobs (issue 15: read-only here, changed on Profiel) and Documenten overzicht. */
import type { DesiredJob } from '../../../domain/dossier/desired-jobs.ts';
import { messages } from '../../messages/index.ts';
import { desiredJobRow, profilePaths } from '../profile/profile-presenter.ts';

export function presentTrajectoryJobs(clientId: string, desired: { jobs: readonly DesiredJob[]; canEdit: boolean }) {
  return {
    rows: desired.jobs.map(desiredJobRow),
    emptyText: messages.upkeep.desiredJobs.none,
    profileLink: {
      href: `${profilePaths(clientId).profile}#gewenste-jobs`,
      text: desired.canEdit ? messages.upkeep.desiredJobs.change : messages.upkeep.desiredJobs.view,
    },
  };
}
