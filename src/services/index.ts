import type { Database } from '../db/database.ts';
import type { Repositories } from '../db/repositories/index.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { createAdminServices } from './admin/index.ts';
import { createApiTokensService } from './api/api-tokens-service.ts';
import { createIdempotencyService } from './api/idempotency-service.ts';
import { createCaseloadService } from './api/caseload-service.ts';
import { createAuditPartitions } from './audit/audit-partitions.ts';
import { createAuditVerification } from './audit/audit-verification.ts';
import { createAttestHandlingService } from './attests/attest-handling-service.ts';
import { createAttestRequestsService } from './attests/attest-requests-service.ts';
import { createDossierViewsService } from './attests/dossier-views-service.ts';
import { createAuthService } from './auth/auth-service.ts';
import { createSessionService } from './auth/session-service.ts';
import { withReferenceCache } from './reference/reference-cache.ts';
import type { Clock } from './clock.ts';
import { createDemoSeeder } from './demo/seed-demo-data.ts';
import { createDocumentKindService } from './documents/document-kind-service.ts';
import { createDocumentsService } from './documents/documents-service.ts';
import { createUploadService } from './documents/upload-service.ts';
import { createBlobUpkeepService } from './documents/blob-upkeep-service.ts';
import { DEFAULT_UPLOAD_QUOTA, type UploadQuota } from '../domain/documents/upload-quota.ts';
import { createDossierAccess } from './dossiers/dossier-access.ts';
import { createDossierService } from './dossiers/dossier-service.ts';
import { createCvService } from './dossier-upkeep/cv-service.ts';
import { createDesiredJobsService } from './dossier-upkeep/desired-jobs-service.ts';
import { createNotesService } from './dossier-upkeep/notes-service.ts';
import { createOccupationsService } from './dossier-upkeep/occupations-service.ts';
import { createPortraitService } from './dossier-upkeep/portrait-service.ts';
import { createProfileService } from './dossier-upkeep/profile-service.ts';
import { createHealthService } from './health/health-service.ts';
import { createStepChangesService } from './steps/step-changes-service.ts';
import { createStepsService } from './steps/steps-service.ts';
import { createStopRequestsService } from './steps/stop-requests-service.ts';
import { createSweepService } from './steps/sweep-service.ts';
import { createUsersService } from './users/users-service.ts';
import { createJobRunner, type JobLog } from './jobs/job-runner.ts';
import { periodicJobs } from './jobs/periodic-jobs.ts';
import { createRateLimitService } from './rate-limits/rate-limit-service.ts';
import { createOutboxService } from './outbox/outbox-service.ts';
import { createMemoryTransport, type MailTransport } from '../mail/mail-transport.ts';
import { createLinkIssuer } from './accounts/link-issuer.ts';
import { createPasswordService } from './accounts/password-service.ts';
import { createUserAdminService } from './accounts/user-admin-service.ts';
import { createUserChangesService } from './accounts/user-changes-service.ts';
import { createSecondFactorResetService } from './accounts/second-factor-reset-service.ts';
import { createSecondFactorService, type SecondFactorOptions } from './auth/second-factor-service.ts';
import { DEVELOPMENT_MFA_KEY, DEVELOPMENT_WEBHOOK_KEY } from '../config.ts';
import { systemResolver, type Resolver } from './webhooks/destination.ts';
import { createSecretBox } from './webhooks/secret-box.ts';
import { createWebhookEndpointsService } from './webhooks/webhook-endpoints-service.ts';
import { createWebhookEvents } from './webhooks/webhook-events.ts';
import { createWebhookSender } from './webhooks/webhook-sender.ts';

export type ServiceOptions = Readonly<{
  /** How e-mail leaves (SMTP or files); tests that do not read mail get one that keeps it in memory. */
  mail?: MailTransport;
  /** Where users reach the portal: the base of the links in mail (config `PUBLIC_URL`). */
  publicUrl?: string;
  /** The second factor: MFA_ENCRYPTION_KEY and MFA_REQUIRED (without it: the development key, not required). */
  secondFactor?: SecondFactorOptions;
  /**
   * Webhooks (issue 17): the key that encrypts their secrets (config WEBHOOK_SECRET_KEY), whether
   * http:// and local addresses are allowed (WEBHOOK_ALLOW_LOCAL, tests only), and how host names
   * are resolved for the SSRF check (the system's resolver unless a test gives one).
   */
  webhooks?: Readonly<{ secretKey: string; allowLocal: boolean; resolve?: Resolver }>;
  /** An unreferenced blob is removed after this many hours (config `ORPHAN_GRACE_HOURS`, 24). */
  orphanGraceHours?: number;
  /** ASVS 5.2.1: uploads per user per day (config `UPLOAD_QUOTA_PER_DAY`, `UPLOAD_QUOTA_BYTES_PER_DAY`). */
  uploadQuota?: UploadQuota;
}>;

/** Outside production and tests that pass their own: a fixed development key. */

/** The composition root of the use cases: the app takes the result as its argument. */
export function createServices(db: Database, plainRepos: Repositories, clock: Clock, storage: BlobStore, options: ServiceOptions = {}) {
  // Issue 16: step types, allowances, offices and funding numbers come from the process while
  // their version (read with every session) has not moved.
  const repos = withReferenceCache(plainRepos);
  const context = { db, repos, clock };
  const dossierAccess = createDossierAccess(context);
  const steps = createStepsService(context, dossierAccess);
  const stepChanges = createStepChangesService(context, dossierAccess, steps);
  const uploads = createUploadService(storage, context, options.uploadQuota ?? DEFAULT_UPLOAD_QUOTA);
  const sessions = createSessionService(context);
  const webhookSettings = {
    secrets: createSecretBox(options.webhooks?.secretKey ?? DEVELOPMENT_WEBHOOK_KEY),
    policy: { allowLocal: options.webhooks?.allowLocal ?? false },
    resolve: options.webhooks?.resolve ?? systemResolver,
  };
  const outbox = createOutboxService(context, options.mail ?? createMemoryTransport(), {
    sender: createWebhookSender(clock, webhookSettings.policy, webhookSettings.resolve),
    secrets: webhookSettings.secrets,
  });
  // Webhooks (issue 17): the use cases raise their events in their own transaction.
  const webhookEvents = createWebhookEvents(context, outbox);
  const sweep = createSweepService(context, webhookEvents.emit);
  const dossiers = createDossierService(context, dossierAccess);
  const idempotency = createIdempotencyService(context);
  const blobUpkeep = createBlobUpkeepService(context, storage, { graceHours: options.orphanGraceHours ?? 24 });
  const rateLimits = createRateLimitService(context);
  const auditPartitions = createAuditPartitions(context);
  const jobs = periodicJobs({ sweep, sessions, outbox, idempotency, webhookEvents, blobUpkeep, rateLimits, auditPartitions });
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const issueLink = createLinkIssuer(context, outbox, publicUrl);
  const secondFactor = createSecondFactorService(context, options.secondFactor ?? { encryptionKey: DEVELOPMENT_MFA_KEY, required: false });
  return {
    clock,
    auth: createAuthService(context, outbox, publicUrl, secondFactor.stepAfterPassword),
    // ASVS 6.3.3, 6.5: TOTP and recovery codes (issue 13); an administrator's reset.
    secondFactor,
    secondFactorReset: createSecondFactorResetService(context),
    sessions,
    users: createUsersService(context),
    dossiers,
    steps,
    stepChanges,
    stopRequests: createStopRequestsService(context, dossierAccess, stepChanges, webhookEvents.emit),
    sweep,
    // Outgoing mail and the periodic work (the sweep J1 among it), once across instances.
    outbox,
    jobRunner: (log: JobLog) => createJobRunner(context, jobs, log),
    health: createHealthService(context, storage),
    // The rate limits of the login forms, counted across instances (issue 14).
    rateLimits,
    // Issue 14: orphaned blobs removed, rows checked against the store (`npm run storage:verify`).
    blobUpkeep,
    // ASVS 16.4.2: the audit log's hash chains (`npm run audit:verify`).
    auditLog: createAuditVerification(context),
    // Issue 14 item 6: the audit log's monthly partitions, created ahead.
    auditPartitions,
    demo: createDemoSeeder(context, storage),
    // Keeping the dossier up to date (K1–K3).
    portrait: createPortraitService(context, dossierAccess),
    profile: createProfileService(context, dossierAccess),
    desiredJobs: createDesiredJobsService(context, dossierAccess),
    occupations: createOccupationsService(context),
    cv: createCvService(context, dossierAccess),
    internalNotes: createNotesService(context, dossierAccess),
    uploads,
    documents: createDocumentsService(context, dossierAccess, uploads, storage),
    documentKinds: createDocumentKindService(context, dossierAccess),
    // Access by the signed attest outplacement (A2–A4, A6).
    attestRequests: createAttestRequestsService(context, dossierAccess, uploads),
    attestHandling: createAttestHandlingService(context, storage, webhookEvents.emit),
    dossierViews: createDossierViewsService(context, dossierAccess),
    // Administration of organisations, offices, funding numbers and step types (issue 12).
    admin: createAdminServices(context),
    // Accounts (issue 12): administration, invitations, "Wachtwoord vergeten?".
    userAdmin: createUserAdminService(context, issueLink),
    userChanges: createUserChangesService(context),
    passwords: createPasswordService(context, issueLink, publicUrl),
    // Partner API v1 (issue 17): tokens of an organisation and idempotent creates.
    apiTokens: createApiTokensService(context),
    idempotency,
    caseload: createCaseloadService(context, dossiers),
    // Webhooks of the partner API (issue 17): endpoints of an organisation, the events, delivery in the outbox.
    webhookEndpoints: createWebhookEndpointsService(context, webhookSettings),
    webhookEvents,
  };
}

export type Services = ReturnType<typeof createServices>;
