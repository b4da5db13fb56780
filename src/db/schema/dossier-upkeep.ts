/** Keeping the client dossier up to date (K1–K3; migration 0004). Contact data stay on `clients`. */
import type { Generated } from 'kysely';
import type { CreatedAt, DateColumn, Seq, UpdatedAt } from './columns.ts';

export interface OccupationsTable {
  /** ISCO-08 unit group (`2513`) or an entry a beheerder added to one (`2513-1`). */
  code: string;
  isco_group: string;
  title: string;
  source: 'isco-08' | 'beheerder';
  created_by_label: string | null;
  created_at: CreatedAt;
  seq: Seq;
}

export interface JobSeekerRegistrationsTable {
  client_id: string;
  registered: boolean;
  registered_on: DateColumn | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: UpdatedAt;
  version: Generated<number>;
}

export interface ClientProfilesTable {
  client_id: string;
  available_from: DateColumn | null;
  version: Generated<number>;
  updated_by_label: string;
  updated_at: UpdatedAt;
}

export interface DesiredJobsTable {
  id: Generated<string>;
  client_id: string;
  occupation_code: string;
  experience: 'geen' | 'beperkt' | 'ervaren';
  regions: string[];
  regime: 'voltijds' | 'deeltijds';
  version: Generated<number>;
  created_at: CreatedAt;
  updated_by_label: string;
  updated_at: UpdatedAt;
}

export interface CvsTable {
  client_id: string;
  driving_licences: string[];
  version: Generated<number>;
  updated_by_label: string;
  updated_at: UpdatedAt;
}

/** Columns every CV item has. */
interface CvItemColumns {
  id: Generated<string>;
  client_id: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_by_label: string;
  updated_at: UpdatedAt;
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
  job_title: string;
  /** `YYYY-MM`. */
  start_month: string;
  end_month: string | null;
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
  client_id: string;
  /** K3: the writing organisation; only its people read the note. */
  organisation_id: string;
  author_user_id: string | null;
  author_label: string;
  created_at: CreatedAt;
  text: string;
  seq: Seq;
}
