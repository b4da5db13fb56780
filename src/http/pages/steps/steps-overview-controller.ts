/** Begeleiding > Stappen naar werk and Traject (Acties, Gewenste jobs, Documenten overzicht), and the dossier's log of the steps. */
import type { FastifyInstance } from 'fastify';
import { STEP_STATES } from '../../../domain/steps/step.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { presentDocumentsSection } from '../documents/documents-presenter.ts';
import { presentDossierFrame } from '../dossier/dossier-presenter.ts';
import { presentTimeline } from './history-presenter.ts';
import { presentTrajectoryJobs } from './trajectory-presenter.ts';
import { presentStepRows, presentStepsOverview, readStepFilter } from './steps-overview-presenter.ts';

type Route = { Params: { clientId: string } };

export function stepsOverviewRoutes(app: FastifyInstance): void {
  const { steps } = app.services;

  app.get<Route>('/begeleiding/stappen-naar-werk', async (request, reply) => {
    const filter = readStepFilter(request.query);
    const result = await steps.list(actorOf(request), request.params.clientId, filter, 'stappen-naar-werk');
    return reply.render('pages/steps/steps-overview.njk', presentStepsOverview({ ...result, filter }));
  });

  // Traject > Acties: every step of the client with its Toestand.
  app.get<Route>('/begeleiding/traject', async (request, reply) => {
    const result = await steps.list(actorOf(request), request.params.clientId, { states: STEP_STATES, typeCodes: null }, 'traject');
    // D1: "Documenten overzicht"; the opening of the page is logged once, by the steps above.
    const documents = await app.services.documents.list(actorOf(request), result.dossier.client.id, { kind: null }, null);
    // Gewenste jobs, read-only, with a link to change them on Profiel (issue 15).
    const desiredJobs = await app.services.desiredJobs.listForTrajectory(actorOf(request), result.dossier.client.id);
    return reply.render('pages/steps/trajectory.njk', {
      title: 'Traject',
      frame: presentDossierFrame(result.dossier, 'begeleiding', 'traject'),
      rows: presentStepRows(result.dossier.client.id, result.steps),
      desiredJobs: presentTrajectoryJobs(result.dossier.client.id, desiredJobs),
      documents: presentDocumentsSection(documents),
    });
  });

  app.get<Route>('/logboek', async (request, reply) => {
    const { dossier, events } = await steps.log(actorOf(request), request.params.clientId);
    return reply.render('pages/steps/log.njk', {
      title: 'Logboek van de stappen',
      frame: presentDossierFrame(dossier, 'begeleiding', 'stappen-naar-werk'),
      events: presentTimeline(events),
      backHref: `/dossiers/${dossier.client.id}/begeleiding/stappen-naar-werk`,
    });
  });
}
