import * as accountTokens from './account-tokens.ts';
import * as attestRequests from './attest-requests.ts';
import * as attests from './attests.ts';
import * as audit from './audit.ts';
import * as auditPartitions from './audit-partitions.ts';
import * as clientProfiles from './client-profiles.ts';
import * as clients from './clients.ts';
import * as cv from './cv.ts';
import * as desiredJobs from './desired-jobs.ts';
import * as documents from './documents.ts';
import * as fundingNumbers from './funding-numbers.ts';
import * as internalNotes from './internal-notes.ts';
import * as jobSchedule from './job-schedule.ts';
import * as occupations from './occupations.ts';
import * as offices from './offices.ts';
import * as rateLimits from './rate-limits.ts';
import * as organisations from './organisations.ts';
import * as outbox from './outbox.ts';
import * as sessions from './sessions.ts';
import * as stepTypes from './step-types.ts';
import * as steps from './steps.ts';
import * as stopRequests from './stop-requests.ts';
import * as sweep from './sweep.ts';
import * as userAccounts from './user-accounts.ts';
import * as users from './users.ts';

/** The repositories, one module per aggregate; every function takes the transaction first. */
export function createRepositories() {
  return {
    attests,
    audit,
    auditPartitions,
    clients,
    documents,
    fundingNumbers,
    offices,
    organisations,
    sessions,
    stepTypes,
    steps,
    stopRequests,
    sweep,
    users,
    // Keeping the dossier up to date (K1–K3).
    clientProfiles,
    cv,
    desiredJobs,
    internalNotes,
    occupations,
    // Access by the signed attest outplacement (A2–A4).
    attestRequests,
    // Periodic jobs and outgoing messages.
    jobSchedule,
    outbox,
    // Rate limits shared by every instance.
    rateLimits,
    // Accounts: administration, invitations and password resets.
    accountTokens,
    userAccounts,
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
