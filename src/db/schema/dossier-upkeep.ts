/** Keeping the client dossier up to date (K1–K3; migration 0004). Contact data stay on `clients`. */
import type { Generated } from 'kysely';
import type { CreatedAt, DateColumn, Seq, Timestamp, UpdatedAt } from './columns.ts';

export interface OccupationsTable {
  /** ISCO-08 unit group (`2513`) or an entry a beheerder added to one (`2513-1`). */
  code: string;
  iscoGroup: string;
  title: string;
  source: 'isco-08' | 'beheerder';
  createdByLabel: string | null;
  createdAt: CreatedAt;
  seq: Seq;
  /** Retired: no longer offered, kept on the desired jobs that use it (migration 0009). */
  retiredAt: Timestamp | null;
  version: Generated<number>;
}

export interface JobSeekerRegistrationsTable {
  clientId: string;
  registered: boolean;
  registeredOn: DateColumn | null;
  recordedBy: string | null;
  recordedByLabel: string;
  recordedAt: UpdatedAt;
  version: Generated<number>;
}

export interface ClientProfilesTable {
  clientId: string;
  availableFrom: DateColumn | null;
  version: Generated<number>;
  updatedByLabel: string;
  updatedAt: UpdatedAt;
}

export interface DesiredJobsTable {
  id: Generated<string>;
  clientId: string;
  occupationCode: string;
  experience: 'geen' | 'beperkt' | 'ervaren';
  regions: string[];
  regime: 'voltijds' | 'deeltijds';
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedByLabel: string;
  updatedAt: UpdatedAt;
}

export interface CvsTable {
  clientId: string;
  drivingLicences: string[];
  version: Generated<number>;
  updatedByLabel: string;
  updatedAt: UpdatedAt;
}

/** Columns every CV item has. */
interface CvItemColumns {
  id: Generated<string>;
  clientId: string;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedByLabel: string;
  updatedAt: UpdatedAt;
}

export interface CvEducationsTable extends CvItemColumns {
  level: string;
  field: string;
  institution: Generated<string>;
  year: number | null;
  diploma: boolean;
}

export interface CvWorkExperiencesTable extends CvItemColumns {
  employer: string;
  jobTitle: string;
  /** `YYYY-MM`. */
  startMonth: string;
  endMonth: string | null;
}

export interface CvLanguagesTable extends CvItemColumns {
  language: string;
  understanding: string;
  speaking: string;
  reading: string;
  writing: string;
}

export interface CvCompetencesTable extends CvItemColumns {
  text: string;
}

export interface InternalNotesTable {
  id: Generated<string>;
  clientId: string;
  /** K3: the writing organisation; only its people read the note. */
  organisationId: string;
  authorUserId: string | null;
  authorLabel: string;
  createdAt: CreatedAt;
  text: string;
  seq: Seq;
}
