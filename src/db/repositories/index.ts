import * as attests from './attests.ts';
import * as audit from './audit.ts';
import * as clients from './clients.ts';
import * as fundingNumbers from './funding-numbers.ts';
import * as offices from './offices.ts';
import * as organisations from './organisations.ts';
import * as sessions from './sessions.ts';
import * as stepTypes from './step-types.ts';
import * as steps from './steps.ts';
import * as stopRequests from './stop-requests.ts';
import * as sweep from './sweep.ts';
import * as users from './users.ts';

/** The repositories, one module per aggregate; every function takes the transaction first. */
export function createRepositories() {
  return { attests, audit, clients, fundingNumbers, offices, organisations, sessions, stepTypes, steps, stopRequests, sweep, users };
}

export type Repositories = ReturnType<typeof createRepositories>;
