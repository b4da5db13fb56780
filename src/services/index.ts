import type { Database } from '../db/database.ts';
import type { Repositories } from '../db/repositories/index.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { createAdminServices } from './admin/index.ts';
import { createAuditPartitions } from './audit/audit-partitions.ts';
import { createAuditVerification } from './audit/audit-verification.ts';
import { createAttestHandlingService } from './attests/attest-handling-service.ts';
import { createAttestRequestsService } from './attests/attest-requests-service.ts';
import { createDossierViewsService } from './attests/dossier-views-service.ts';
import { createAuthService } from './auth/auth-service.ts';
import { createSessionService } from './auth/session-service.ts';
import type { Clock } from './clock.ts';
import { createDemoSeeder } from './demo/seed-demo-data.ts';
import { createDocumentKindService } from './documents/document-kind-service.ts';
import { createDocumentsService } from './documents/documents-service.ts';
import { createUploadService } from './documents/upload-service.ts';
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

export type ServiceOptions = Readonly<{
  /** How e-mail leaves (SMTP or files); tests that do not read mail get one that keeps it in memory. */
  mail?: MailTransport;
  /** Where users reach the portal: the base of the links in mail (config `PUBLIC_URL`). */
  publicUrl?: string;
}>;

/** The composition root of the use cases: the app takes the result as its argument. */
export function createServices(db: Database, repos: Repositories, clock: Clock, storage: BlobStore, options: ServiceOptions = {}) {
  const context = { db, repos, clock };
  const dossierAccess = createDossierAccess(context);
  const steps = createStepsService(context, dossierAccess);
  const stepChanges = createStepChangesService(context, dossierAccess, steps);
  const uploads = createUploadService(storage);
  const sessions = createSessionService(context);
  const sweep = createSweepService(context);
  const outbox = createOutboxService(context, options.mail ?? createMemoryTransport());
  const rateLimits = createRateLimitService(context);
  const auditPartitions = createAuditPartitions(context);
  const jobs = periodicJobs({ sweep, sessions, outbox, rateLimits, auditPartitions });
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const issueLink = createLinkIssuer(context, outbox, publicUrl);
  return {
    clock,
    auth: createAuthService(context),
    sessions,
    users: createUsersService(context),
    dossiers: createDossierService(context, dossierAccess),
    steps,
    stepChanges,
    stopRequests: createStopRequestsService(context, dossierAccess, stepChanges),
    sweep,
    // Outgoing mail and the periodic work (the sweep J1 among it), once across instances.
    outbox,
    jobRunner: (log: JobLog) => createJobRunner(context, jobs, log),
    health: createHealthService(context),
    // The rate limits of the login forms, counted across instances (issue 14).
    rateLimits,
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
    attestHandling: createAttestHandlingService(context, storage),
    dossierViews: createDossierViewsService(context, dossierAccess),
    // Administration of organisations, offices, funding numbers and step types (issue 12).
    admin: createAdminServices(context),
    // Accounts (issue 12): administration, invitations, "Wachtwoord vergeten?".
    userAdmin: createUserAdminService(context, issueLink),
    userChanges: createUserChangesService(context),
    passwords: createPasswordService(context, issueLink, publicUrl),
  };
}

export type Services = ReturnType<typeof createServices>;
