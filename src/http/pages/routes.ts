import type { FastifyInstance } from 'fastify';
import { requireLogin } from '../plugins/app/auth.ts';
import { adminRoutes } from './admin/admin-routes.ts';
import { apiDocsRoutes } from './api-docs/api-docs-controller.ts';
import { userDetailRoutes } from './admin/users/user-detail-controller.ts';
import { usersRoutes } from './admin/users/users-controller.ts';
import { attestHandlingRoutes } from './attests/handling-controller.ts';
import { extensionRoutes } from './attests/extension-controller.ts';
import { attestRequestRoutes } from './attests/request-controller.ts';
import { viewersRoutes } from './attests/viewers-controller.ts';
import { myClientsRoutes } from './clients/my-clients-controller.ts';
import { documentsRoutes } from './documents/documents-controller.ts';
import { newDocumentRoutes } from './documents/new-document-controller.ts';
import { withdrawDocumentRoutes } from './documents/withdraw-controller.ts';
import { documentKindRoutes } from './documents/document-kind-controller.ts';
import { cvRoutes } from './cv/cv-controller.ts';
import { dossierRoutes } from './dossier/dossier-controller.ts';
import { homeRoutes } from './home/home-controller.ts';
import { loginRoutes } from './login/login-controller.ts';
import { passwordRoutes } from './login/password-controller.ts';
import { secondFactorLoginRoutes } from './login/second-factor-login-controller.ts';
import { loginEnrolmentRoutes, secondFactorSetupRoutes } from './login/second-factor-setup-controller.ts';
import { notesRoutes } from './notes/notes-controller.ts';
import { occupationsRoutes } from './occupations/occupations-controller.ts';
import { desiredJobRoutes } from './profile/desired-job-controller.ts';
import { profileRoutes } from './profile/profile-controller.ts';
import { searchRoutes } from './search/search-controller.ts';
import { sessionsRoutes } from './sessions/sessions-controller.ts';
import { newStepRoutes } from './steps/new-step-controller.ts';
import { stepDetailRoutes } from './steps/step-detail-controller.ts';
import { stepsOverviewRoutes } from './steps/steps-overview-controller.ts';
import { stopRequestRoutes, workListRoutes } from './steps/stop-request-controller.ts';

/** Every page of one client's dossier lives under this prefix, in one scope with its hooks. */
export const DOSSIER_SCOPE = '/dossiers/:clientId';

/**
 * All pages (none is cached: see the security headers plugin). Everything but "Aanmelden" needs a
 * logged-in user. The dossier scope: every route under `DOSSIER_SCOPE`; each route opens the
 * dossier through its service, which checks access (A1/A5) and logs (A6).
 */
export async function pageRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async (open) => {
    loginRoutes(open);
    // "Wachtwoord vergeten?" and the one-time links of invitations and resets (issue 12).
    passwordRoutes(open);
    // The second factor (ASVS 6.3.3): "Verificatiecode" and the enrolment a login may require.
    secondFactorLoginRoutes(open);
    loginEnrolmentRoutes(open);
    // Issue 17: the API's documentation, open like /api/openapi.json itself.
    apiDocsRoutes(open);
  });
  await app.register(async (closed) => {
    closed.addHook('preHandler', requireLogin);
    homeRoutes(closed);
    secondFactorSetupRoutes(closed);
    myClientsRoutes(closed);
    searchRoutes(closed);
    occupationsRoutes(closed);
    // "Mijn sessies" (issue 13): every logged-in user's own sessions.
    sessionsRoutes(closed);
    // Administration (issue 12): Beheer, organisations, offices, funding numbers, step types.
    adminRoutes(closed);
    // Access by the signed attest outplacement (A2–A4).
    attestRequestRoutes(closed);
    attestHandlingRoutes(closed);
    workListRoutes(closed);
    // Beheer > Gebruikers (issue 12).
    usersRoutes(closed);
    userDetailRoutes(closed);
    await closed.register(
      async (dossier) => {
        dossierRoutes(dossier);
        stepsOverviewRoutes(dossier);
        newStepRoutes(dossier);
        stepDetailRoutes(dossier);
        stopRequestRoutes(dossier);
        documentsRoutes(dossier);
        newDocumentRoutes(dossier);
        withdrawDocumentRoutes(dossier);
        documentKindRoutes(dossier);
        // Keeping the dossier up to date (K1–K3).
        profileRoutes(dossier);
        desiredJobRoutes(dossier);
        cvRoutes(dossier);
        notesRoutes(dossier);
        // A4 extension and A6 "Wie bekeek dit dossier".
        extensionRoutes(dossier);
        viewersRoutes(dossier);
      },
      { prefix: DOSSIER_SCOPE },
    );
  });
}
