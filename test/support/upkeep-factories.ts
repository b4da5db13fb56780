/**
 * Test data for keeping the dossier up to date (K1–K3), written past the use cases: desired jobs,
 * CV items, a registration as a job seeker, internal notes. Each returns what a test refers to.
 */
import { TEST_NOW } from './clock.ts';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import type { EducationInput, LanguageInput } from '../../src/domain/dossier/cv.ts';
import type { DesiredJobInput } from '../../src/domain/dossier/desired-jobs.ts';
import type { DocumentKind } from '../../src/domain/documents/document.ts';
import type { Database } from '../../src/db/database.ts';
import * as clientProfiles from '../../src/db/repositories/client-profiles.ts';
import * as cv from '../../src/db/repositories/cv.ts';
import * as desiredJobs from '../../src/db/repositories/desired-jobs.ts';
import * as documents from '../../src/db/repositories/documents.ts';
import * as internalNotes from '../../src/db/repositories/internal-notes.ts';
import type { TestUser } from './factories.ts';

const by = (user: Pick<TestUser, 'id'>, label = 'Test') => ({ userId: user.id, label, at: TEST_NOW });

/** A desired job; by default "Kelners" (ISCO 5131), experienced, in Antwerpen, full-time. */
export async function aDesiredJob(db: Database, clientId: string, user: TestUser, job: Partial<DesiredJobInput> = {}): Promise<string> {
  return desiredJobs.insert(db, clientId, { occupationCode: '5131', experience: 'ervaren', regions: ['antwerpen'], regime: 'voltijds', ...job }, by(user));
}

export async function anEducation(db: Database, clientId: string, user: TestUser, education: Partial<EducationInput> = {}): Promise<string> {
  return cv.items.educations.insert(db, clientId, { level: 'bachelor', field: 'Toerisme', institution: 'Hogeschool Gent', year: 2010, diploma: true, ...education }, by(user));
}

export async function aLanguage(db: Database, clientId: string, user: TestUser, language: Partial<LanguageInput> = {}): Promise<string> {
  return cv.items.languages.insert(db, clientId, { language: 'Frans', understanding: 'goed', speaking: 'goed', reading: 'goed', writing: 'redelijk', ...language }, by(user));
}

/** Variants: registered since a date, or recorded as not registered (`registeredOn` null). */
export async function aRegistration(db: Database, clientId: string, user: TestUser, registeredOn: CalendarDate | null): Promise<void> {
  await clientProfiles.saveRegistration(db, clientId, 0, { registered: registeredOn !== null, registeredOn }, by(user, 'Test secretariaat'));
}

export async function aNote(db: Database, clientId: string, user: TestUser & { organisationId: string }, text: string): Promise<string> {
  return internalNotes.insert(db, { clientId, author: { userId: user.id, displayName: 'Test', organisationId: user.organisationId }, text, at: TEST_NOW });
}

/**
 * A document row as the Klantenportret reads it (kind, day added, organisation), written past the
 * upload: the portrait never reads the file itself.
 */
export async function aDocumentRow(
  db: Database,
  who: { clientId: string; user: TestUser },
  document: { kind: DocumentKind; name: string; uploadedAt: Date },
): Promise<string> {
  return documents.insert(db, {
    clientId: who.clientId,
    organisationId: who.user.organisationId,
    stepId: null,
    publicationName: document.name,
    kind: document.kind,
    fileName: `${document.name}.pdf`,
    sizeBytes: 1234,
    mediaType: 'application/pdf',
    sha256: 'a'.repeat(64),
    uploadedBy: who.user.id,
    uploadedByLabel: 'Test',
    uploadedAt: document.uploadedAt,
  });
}
