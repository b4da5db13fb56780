/**
 * Every Dutch text the portal shows beyond the labels in the views: messages keyed by feature,
 * rule and field. One catalogue, so that wording stays consistent and reviewable: the texts live
 * in one file per feature in this folder, and this index assembles them into the one `messages`.
 */
import { accounts } from './accounts.ts';
import { apiFields, apiProblems, apiTokens } from './api.ts';
import { apiDocs } from './api-docs.ts';
import { koppelingen } from './koppelingen.ts';
import { admin } from './admin.ts';
import { attests } from './attests.ts';
import { myClients, pagination, search } from './clients.ts';
import { common, errors } from './common.ts';
import { confirm } from './confirm.ts';
import { documents } from './documents.ts';
import { login } from './login.ts';
import { secondFactor } from './second-factor.ts';
import { sessions } from './sessions.ts';
import { steps } from './steps.ts';
import { upkeep } from './upkeep.ts';
import { webhooks } from './webhooks.ts';

export const messages = {
  common,
  login,
  secondFactor,
  sessions,
  myClients,
  pagination,
  search,
  steps,
  documents,
  upkeep,
  attests,
  confirm,
  admin,
  accounts,
  webhooks,
  errors,
  apiTokens,
  apiProblems,
  apiDocs,
  koppelingen,
  apiFields,
} as const;

export { dossierPageNames, formerDossierPageNames, unnamedDossierPage } from './dossier-pages.ts';
export { problemMessages, type ProblemMessage, type ProblemMessages } from './problems.ts';
