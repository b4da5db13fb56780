import * as attests from './attests.ts';
import * as audit from './audit.ts';
import * as clients from './clients.ts';
import * as organisations from './organisations.ts';
import * as sessions from './sessions.ts';
import * as users from './users.ts';

/** The repositories, one module per aggregate; every function takes the transaction first. */
export function createRepositories() {
  return { attests, audit, clients, organisations, sessions, users };
}

export type Repositories = ReturnType<typeof createRepositories>;
