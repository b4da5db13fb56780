/**
 * Klantenportret (K1, manual 4.3): the one-page summary a consultant reads in ten seconds:
 * identity and contact, the registration as a job seeker, the outplacement lines, desired jobs,
 * availability, the last documents and the warnings about what is still missing.
 */
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Document } from '../../domain/documents/document.ts';
import type { DesiredJob } from '../../domain/dossier/desired-jobs.ts';
import { portraitWarnings, type DocumentFacts, type PortraitWarning } from '../../domain/dossier/portrait.ts';
import type { Availability, JobSeekerRegistration } from '../../domain/dossier/profile.ts';
import { STEP_STATES, type Step } from '../../domain/steps/step.ts';
import type { Actor } from '../../domain/users.ts';
import type { ServiceContext } from '../context.ts';
import type { Dossier, DossierAccess } from '../dossiers/dossier-access.ts';

export type Portrait = Readonly<{
  dossier: Dossier;
  registration: JobSeekerRegistration | null;
  availability: Availability | null;
  desiredJobs: DesiredJob[];
  /** Outplacement lines of every organisation, newest first. */
  outplacements: Step[];
  /** The newest documents (D1), at most LAST_DOCUMENTS. */
  lastDocuments: Document[];
  warnings: PortraitWarning[];
  today: CalendarDate;
}>;

export const LAST_DOCUMENTS = 3;

export function createPortraitService({ repos, clock }: ServiceContext, access: DossierAccess) {
  function portrait(actor: Actor, clientId: string): Promise<Portrait> {
    return access.withDossier({ actor, clientId, page: 'klantenportret' }, async (trx, dossier) => {
      const clientId = dossier.client.id;
      const today = clock.today();
      const registration = (await repos.clientProfiles.findRegistration(trx, clientId)) ?? null;
      const outplacements = await repos.steps.listForClient(trx, clientId, { states: STEP_STATES, typeCodes: ['outplacement'] });
      // Every document that was not withdrawn, newest first (D1, D4): the action plan and final report count.
      const allDocuments = await repos.documents.listForClient(trx, clientId, { kind: null });
      const documents: DocumentFacts = allDocuments.map((d) => ({ kind: d.kind, addedOn: d.uploadedOn, organisationId: d.organisationId }));
      return {
        dossier,
        registration,
        availability: (await repos.clientProfiles.findAvailability(trx, clientId)) ?? null,
        desiredJobs: await repos.desiredJobs.listForClient(trx, clientId),
        outplacements,
        lastDocuments: allDocuments.slice(0, LAST_DOCUMENTS),
        warnings: portraitWarnings({
          registration,
          contact: dossier.client,
          outplacements: outplacements.map((s) => ({ organisationId: s.organisationId, organisationName: s.organisationName, state: s.state, startDate: s.startDate, endDate: s.endDate })),
          documents,
          today,
        }),
        today,
      };
    });
  }

  return { portrait };
}
