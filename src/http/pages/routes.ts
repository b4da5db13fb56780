import type { FastifyInstance } from 'fastify';
import { requireLogin } from '../plugins/app/auth.ts';
import { myClientsRoutes } from './clients/my-clients-controller.ts';
import { dossierRoutes } from './dossier/dossier-controller.ts';
import { homeRoutes } from './home/home-controller.ts';
import { loginRoutes } from './login/login-controller.ts';
import { searchRoutes } from './search/search-controller.ts';
import { newStepRoutes } from './steps/new-step-controller.ts';
import { stepDetailRoutes } from './steps/step-detail-controller.ts';
import { stepsOverviewRoutes } from './steps/steps-overview-controller.ts';
import { stopRequestRoutes } from './steps/stop-request-controller.ts';

/** All pages. Everything but "Aanmelden" needs a logged-in user. */
export async function pageRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async (open) => {
    loginRoutes(open);
  });
  await app.register(async (closed) => {
    closed.addHook('preHandler', requireLogin);
    homeRoutes(closed);
    myClientsRoutes(closed);
    searchRoutes(closed);
    await closed.register(async (dossier) => {
      dossierRoutes(dossier);
      stepsOverviewRoutes(dossier);
      newStepRoutes(dossier);
      stepDetailRoutes(dossier);
      stopRequestRoutes(dossier);
    });
  });
}
