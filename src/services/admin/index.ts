/** The administration use cases (issue 12), created together for `createServices`. */
import type { ServiceContext } from '../context.ts';
import { createFundingNumbersAdminService } from './funding-numbers-service.ts';
import { createOfficesAdminService } from './offices-service.ts';
import { createOrganisationsAdminService } from './organisations-service.ts';
import { createStepTypesAdminService } from './step-types-service.ts';

export function createAdminServices(context: ServiceContext) {
  return {
    organisations: createOrganisationsAdminService(context),
    offices: createOfficesAdminService(context),
    fundingNumbers: createFundingNumbersAdminService(context),
    stepTypes: createStepTypesAdminService(context),
  };
}
