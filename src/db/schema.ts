/**
 * The database as Kysely sees it. snake_case stays here; repositories map rows to domain types.
 * Keep in step with the migrations (which never import this file).
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Written by the application from its clock (never a database default): one clock for every row. */
type CreatedAt = ColumnType<Date, Date | string, never>;
/** A calendar date, `YYYY-MM-DD`. */
type DateColumn = ColumnType<string, string, string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: 'dienst' | 'partner';
  created_at: CreatedAt;
}

export interface OfficesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  code: string;
  created_at: CreatedAt;
}

export interface FundingNumbersTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  description: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: 'begeleider' | 'partnerbeheerder' | 'secretariaat' | 'interventieadviseur' | 'beheerder';
  organisation_id: string;
  office_id: string | null;
  password_hash: string;
  disabled_at: Timestamp | null;
  failed_attempts: Generated<number>;
  first_failed_at: Timestamp | null;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** SHA-256 of the session id: a leaked table does not hand out sessions. */
  id_hash: string;
  user_id: string | null;
  data: Json;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ClientsTable {
  id: Generated<string>;
  insz: string;
  family_name: string;
  first_name: string;
  birth_date: DateColumn;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface AttestsTable {
  id: Generated<string>;
  client_id: string;
  organisation_id: string;
  regime: 'algemeen' | 'cao82' | 'tewerkstellingscel';
  start_date: DateColumn;
  end_date: DateColumn;
  state: 'ingediend' | 'goedgekeurd' | 'afgewezen';
  submitted_by: string | null;
  submitted_at: CreatedAt;
  decided_by: string | null;
  decided_at: Timestamp | null;
  /** Calendar day of approval in Brussels: access (A1) starts that day. */
  approved_on: DateColumn | null;
  rejection_reason: string | null;
  version: Generated<number>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  /** Name of the actor at the time ("Systeem" for the application itself). */
  actor_label: string;
  organisation_id: string | null;
  action: string;
  client_id: string | null;
  details: Json;
}

export interface StepTypesTable {
  code: string;
  label: string;
  kind: 'outplacement' | 'plain';
  sort_order: number;
}

export interface OrganisationStepTypesTable {
  organisation_id: string;
  step_type_code: string;
}

export interface StepsTable {
  id: Generated<string>;
  client_id: string;
  organisation_id: string;
  step_type_code: string;
  state: 'bezig' | 'geannuleerd' | 'stopgezet' | 'uitgevoerd';
  date: DateColumn;
  start_date: DateColumn;
  end_date: DateColumn | null;
  attest_id: string | null;
  funding_number_id: string | null;
  requester_office_id: string;
  executor_office_id: string;
  summary: Generated<string>;
  ended_on: DateColumn | null;
  summary_closed: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_by_label: string;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  /** Insertion order (migration 0006; bigint, read as text): newest-first lists sort on it, not on a clock. */
  seq: ColumnType<string, never, never>;
}

export interface StopRequestsTable {
  id: Generated<string>;
  step_id: string;
  organisation_id: string;
  requested_by: string;
  requested_by_label: string;
  requested_at: CreatedAt;
  reason: string;
  proposed_date: DateColumn;
  state: 'open' | 'aanvaard' | 'afgewezen' | 'vervallen';
  handled_by_label: string | null;
  handled_at: Timestamp | null;
  decision_reason: string | null;
  /** Insertion order (migration 0006; bigint, read as text): newest-first lists sort on it, not on a clock. */
  seq: ColumnType<string, never, never>;
}

export interface DB {
  organisations: OrganisationsTable;
  offices: OfficesTable;
  funding_numbers: FundingNumbersTable;
  users: UsersTable;
  sessions: SessionsTable;
  clients: ClientsTable;
  attests: AttestsTable;
  audit_events: AuditEventsTable;
  step_types: StepTypesTable;
  organisation_step_types: OrganisationStepTypesTable;
  steps: StepsTable;
  stop_requests: StopRequestsTable;
  documents: DocumentsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ClientRow = Selectable<ClientsTable>;
export type AttestRow = Selectable<AttestsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;

// ---- Keeping the client dossier up to date (K1–K3), migration 0004 ----
// Contact data stay on `clients` (their `version` guards them). The tables are merged into DB below.

type UpdatedAt = ColumnType<Date, Date | string, Date | string>;

export interface OccupationsTable {
  /** ISCO-08 unit group (`2513`) or an entry a beheerder added to one (`2513-1`). */
  code: string;
  isco_group: string;
  title: string;
  source: 'isco-08' | 'beheerder';
  created_by_label: string | null;
  created_at: CreatedAt;
  /** Insertion order (migration 0006; bigint, read as text): newest-first lists sort on it, not on a clock. */
  seq: ColumnType<string, never, never>;
}

export interface JobSeekerRegistrationsTable {
  client_id: string;
  registered: boolean;
  registered_on: DateColumn | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: ColumnType<Date, Date | string, Date | string>;
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
  /** Insertion order (migration 0006; bigint, read as text): newest-first lists sort on it, not on a clock. */
  seq: ColumnType<string, never, never>;
}

// Declaration merging: the dossier upkeep's tables join the DB interface above.
export interface DB {
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
}

export interface DocumentsTable {
  id: Generated<string>;
  client_id: string;
  organisation_id: string;
  step_id: string | null;
  publication_name: string;
  kind: 'actieplan' | 'eindverslag' | 'attest' | 'ander';
  /** As uploaded, made safe: no path, no control characters. */
  file_name: string;
  /** bigint, read back as a number (at most 20 MB). */
  size_bytes: number;
  media_type: string;
  /** The blob's name in the blob store. */
  sha256: string;
  uploaded_by: string;
  uploaded_by_label: string;
  uploaded_at: ColumnType<Date, Date | string, never>;
  withdrawn_at: Timestamp | null;
  withdrawn_by_label: string | null;
  withdrawal_reason: string | null;
  /** Insertion order (migration 0006; bigint, read as text): newest-first lists sort on it, not on a clock. */
  seq: ColumnType<string, never, never>;
}

// ---- Access by the signed attest outplacement (A2–A4), migration 0005 ----

export interface AttestRequestsTable {
  id: Generated<string>;
  kind: 'nieuw' | 'verlenging';
  organisation_id: string;
  insz: string;
  family_name: string;
  first_name: string;
  birth_date: DateColumn;
  regime: 'algemeen' | 'cao82' | 'tewerkstellingscel';
  start_date: DateColumn;
  /** The end date asked for: of a new attest, or the new end of an extended one. */
  end_date: DateColumn;
  attest_id: string | null;
  previous_end_date: DateColumn | null;
  client_id: string | null;
  scan_sha256: string;
  scan_file_name: string;
  scan_media_type: string;
  /** bigint, read back as a number (at most 20 MB). */
  scan_size_bytes: ColumnType<number, number, number>;
  state: Generated<'ingediend' | 'goedgekeurd' | 'afgewezen'>;
  rejection_reason: string | null;
  original_received_by_label: string | null;
  original_received_at: Timestamp | null;
  submitted_by: string;
  submitted_by_label: string;
  submitted_at: ColumnType<Date, Date | string, never>;
  decided_by: string | null;
  decided_by_label: string | null;
  decided_at: Timestamp | null;
  version: Generated<number>;
  /** Insertion order (migration 0006; bigint, read as text): newest-first lists sort on it, not on a clock. */
  seq: ColumnType<string, never, never>;
}

export interface DB {
  attest_requests: AttestRequestsTable;
}

// ---- Periodic jobs and the outbox, migration 0007 ----

export interface JobScheduleTable {
  name: string;
  next_run_at: Timestamp;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_outcome: 'geslaagd' | 'mislukt' | null;
  last_error: string | null;
}

export interface OutboxTable {
  /** bigint, read back as a number. */
  id: ColumnType<number, never, never>;
  channel: 'mail' | 'webhook';
  topic: string;
  payload: Json;
  created_at: CreatedAt;
  available_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Timestamp | null;
  given_up_at: Timestamp | null;
}

export interface DB {
  job_schedule: JobScheduleTable;
  outbox: OutboxTable;
}
