/**
 * The database as Kysely sees it: one `DB`, its tables declared per feature in this folder.
 * Keep in step with the migrations (which never import these files); `npm run check:schema`
 * compares them with a freshly migrated database.
 */
import type { Selectable } from 'kysely';
import type { AuditEventsTable } from './audit.ts';
import type { AttestRequestsTable, AttestsTable, ClientsTable } from './clients.ts';
import type { DocumentsTable } from './documents.ts';
import type {
  ClientProfilesTable,
  CvCompetencesTable,
  CvEducationsTable,
  CvLanguagesTable,
  CvsTable,
  CvWorkExperiencesTable,
  DesiredJobsTable,
  InternalNotesTable,
  JobSeekerRegistrationsTable,
  OccupationsTable,
} from './dossier-upkeep.ts';
import type { JobScheduleTable, OutboxTable } from './jobs.ts';
import type { FundingNumbersTable, OfficesTable, OrganisationsTable, ReferenceVersionsTable } from './organisations.ts';
import type { RateLimitsTable } from './rate-limits.ts';
import type { OrganisationStepTypesTable, StepsTable, StepTypesTable, StopRequestsTable } from './steps.ts';
import type { ApiIdempotencyTable, ApiTokensTable } from './api.ts';
import type { AccountTokensTable, LoginThrottleTable, RecoveryCodesTable, SecondFactorsTable, SessionsTable, UsersTable } from './users.ts';
import type { WebhookAccessEndingsTable, WebhookEndpointsTable } from './webhooks.ts';

export interface DB {
  organisations: OrganisationsTable;
  offices: OfficesTable;
  funding_numbers: FundingNumbersTable;
  users: UsersTable;
  sessions: SessionsTable;
  clients: ClientsTable;
  attests: AttestsTable;
  audit_events: AuditEventsTable;
  // Steps towards work (O1–O13), migration 0002.
  step_types: StepTypesTable;
  organisation_step_types: OrganisationStepTypesTable;
  steps: StepsTable;
  stop_requests: StopRequestsTable;
  // Documents (D1–D6), migration 0003.
  documents: DocumentsTable;
  // Keeping the client dossier up to date (K1–K3), migration 0004.
  occupations: OccupationsTable;
  job_seeker_registrations: JobSeekerRegistrationsTable;
  client_profiles: ClientProfilesTable;
  desired_jobs: DesiredJobsTable;
  cvs: CvsTable;
  cv_educations: CvEducationsTable;
  cv_work_experiences: CvWorkExperiencesTable;
  cv_languages: CvLanguagesTable;
  cv_competences: CvCompetencesTable;
  internal_notes: InternalNotesTable;
  // Access by the signed attest outplacement (A2–A4), migration 0005.
  attest_requests: AttestRequestsTable;
  // Periodic jobs and outgoing messages, migration 0007.
  job_schedule: JobScheduleTable;
  outbox: OutboxTable;
  // One-time links to choose a password (invitation, reset), migration 0008.
  account_tokens: AccountTokensTable;
  // The second factor (TOTP) and its recovery codes, migration 0014.
  second_factors: SecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
  // The growing login delay (issue 13), migration 0015.
  login_throttle: LoginThrottleTable;
  // Partner API v1: tokens and idempotent creates, migration 0017.
  api_tokens: ApiTokensTable;
  api_idempotency: ApiIdempotencyTable;
  // Webhooks of the partner API (issue 17), migration 0018.
  webhook_endpoints: WebhookEndpointsTable;
  webhook_access_endings: WebhookAccessEndingsTable;
  // The version of the cached reference data (issue 16), migration 0019.
  reference_versions: ReferenceVersionsTable;
  // Rate limits shared by every instance (unlogged), migration 0020.
  rate_limits: RateLimitsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ClientRow = Selectable<ClientsTable>;
export type AttestRow = Selectable<AttestsTable>;
