/** The administration pages of issue 12 (the organisation half), registered together in routes.ts. */
import type { FastifyInstance } from 'fastify';
import { adminHomeRoutes } from './admin-controller.ts';
import { apiTokensRoutes } from './api-tokens/api-tokens-controller.ts';
import { koppelingenRoutes } from './koppelingen/koppelingen-controller.ts';
import { fundingNumbersRoutes } from './funding-numbers/funding-numbers-controller.ts';
import { officesRoutes } from './offices/offices-controller.ts';
import { allowedStepTypesRoutes } from './organisations/allowed-step-types-controller.ts';
import { organisationsRoutes } from './organisations/organisations-controller.ts';
import { stepTypesRoutes } from './step-types/step-types-controller.ts';
import { webhooksRoutes } from './webhooks/webhooks-controller.ts';

export function adminRoutes(app: FastifyInstance): void {
  adminHomeRoutes(app);
  organisationsRoutes(app);
  allowedStepTypesRoutes(app);
  officesRoutes(app);
  fundingNumbersRoutes(app);
  stepTypesRoutes(app);
  // Issue 17: the partnerbeheerder's API tokens.
  apiTokensRoutes(app);
  // Webhooks of the partner API (issue 17): the partnerbeheerder's own organisation.
  webhooksRoutes(app);
  // Issue 17 item 6: both lists on one page, "Koppelingen" (and the former list addresses).
  koppelingenRoutes(app);
}
