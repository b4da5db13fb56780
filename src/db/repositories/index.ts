import * as accountTokens from './account-tokens.ts';
import * as apiTokens from './api-tokens.ts';
import * as attestRequests from './attest-requests.ts';
import * as attests from './attests.ts';
import * as audit from './audit.ts';
import * as blobReferences from './blob-references.ts';
import * as auditPartitions from './audit-partitions.ts';
import * as clientProfiles from './client-profiles.ts';
import * as clients from './clients.ts';
import * as cv from './cv.ts';
import * as desiredJobs from './desired-jobs.ts';
import * as documents from './documents.ts';
import * as fundingNumbers from './funding-numbers.ts';
import * as internalNotes from './internal-notes.ts';
import * as jobSchedule from './job-schedule.ts';
import * as loginThrottle from './login-throttle.ts';
import * as occupations from './occupations.ts';
import * as offices from './offices.ts';
import * as rateLimits from './rate-limits.ts';
import * as organisations from './organisations.ts';
import * as secondFactors from './second-factors.ts';
import * as outbox from './outbox.ts';
import * as outboxWebhooks from './outbox-webhooks.ts';
import * as referenceVersions from './reference-versions.ts';
import * as sessions from './sessions.ts';
import * as stepTypes from './step-types.ts';
import * as steps from './steps.ts';
import * as stopRequests from './stop-requests.ts';
import * as sweep from './sweep.ts';
import * as uploads from './uploads.ts';
import * as userAccounts from './user-accounts.ts';
import * as users from './users.ts';
import * as webhooks from './webhooks.ts';

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
    referenceVersions,
    sessions,
    stepTypes,
    steps,
    stopRequests,
    sweep,
    uploads,
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
    // Webhooks of the partner API (issue 17): endpoints, and their rows in the one outbox.
    webhooks,
    outboxWebhooks,
    // The rows that refer to document blobs (orphan job, storage:verify).
    blobReferences,
    // Rate limits shared by every instance.
    rateLimits,
    // Accounts: administration, invitations and password resets.
    accountTokens,
    userAccounts,
    // The second factor (TOTP) and its recovery codes.
    secondFactors,
    // The growing login delay (issue 13).
    loginThrottle,
    // Partner API v1: tokens and idempotent creates (issue 17).
    apiTokens,
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
