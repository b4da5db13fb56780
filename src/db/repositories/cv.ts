/**
 * The CV's parts: education, work experience, languages and competences (one row each, with a
 * version), and the driving licences (one row per client, created on the first save).
 */
import {
  isDrivingLicence,
  isEducationLevel,
  isLanguageLevel,
  type Competence,
  type CompetenceInput,
  type DrivingLicence,
  type DrivingLicences,
  type Education,
  type EducationInput,
  type Language,
  type LanguageInput,
  type LanguageLevel,
  type WorkExperience,
  type WorkExperienceInput,
  type YearMonth,
} from '../../domain/dossier/cv.ts';
import type { ChangedBy } from './client-profiles.ts';
import type { Executor } from './executor.ts';

export type CvItemTable = 'cv_educations' | 'cv_work_experiences' | 'cv_languages' | 'cv_competences';

const stamp = (by: ChangedBy) => ({ updated_by_label: by.label, updated_at: by.at });
/** A new item: created and last changed at the same moment. */
const firstStamp = (by: ChangedBy) => ({ ...stamp(by), created_at: by.at });

// ---- Education ----

export async function listEducations(trx: Executor, clientId: string): Promise<Education[]> {
  const rows = await trx.selectFrom('cv_educations').selectAll().where('client_id', '=', clientId).orderBy('year', (ob) => ob.desc().nullsFirst()).orderBy('created_at').orderBy('field').execute();
  return rows.map(toEducation);
}

export async function findEducation(trx: Executor, id: string): Promise<Education | undefined> {
  const row = await trx.selectFrom('cv_educations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toEducation(row);
}

function educationColumns(input: EducationInput) {
  return { level: input.level, field: input.field, institution: input.institution, year: input.year, diploma: input.diploma };
}

export async function insertEducation(trx: Executor, clientId: string, input: EducationInput, by: ChangedBy): Promise<string> {
  const row = await trx.insertInto('cv_educations').values({ client_id: clientId, ...educationColumns(input), ...firstStamp(by) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEducation(trx: Executor, id: string, expectedVersion: number, input: EducationInput, by: ChangedBy): Promise<boolean> {
  const result = await trx
    .updateTable('cv_educations')
    .set((eb) => ({ ...educationColumns(input), ...stamp(by), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

// ---- Work experience ----

export async function listWorkExperiences(trx: Executor, clientId: string): Promise<WorkExperience[]> {
  const rows = await trx
    .selectFrom('cv_work_experiences')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('end_month', (ob) => ob.desc().nullsFirst())
    .orderBy('start_month', 'desc')
    .execute();
  return rows.map(toWorkExperience);
}

export async function findWorkExperience(trx: Executor, id: string): Promise<WorkExperience | undefined> {
  const row = await trx.selectFrom('cv_work_experiences').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toWorkExperience(row);
}

function workColumns(input: WorkExperienceInput) {
  return { employer: input.employer, job_title: input.jobTitle, start_month: input.from, end_month: input.until };
}

export async function insertWorkExperience(trx: Executor, clientId: string, input: WorkExperienceInput, by: ChangedBy): Promise<string> {
  const row = await trx.insertInto('cv_work_experiences').values({ client_id: clientId, ...workColumns(input), ...firstStamp(by) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateWorkExperience(trx: Executor, id: string, expectedVersion: number, input: WorkExperienceInput, by: ChangedBy): Promise<boolean> {
  const result = await trx
    .updateTable('cv_work_experiences')
    .set((eb) => ({ ...workColumns(input), ...stamp(by), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

// ---- Languages ----

export async function listLanguages(trx: Executor, clientId: string): Promise<Language[]> {
  const rows = await trx.selectFrom('cv_languages').selectAll().where('client_id', '=', clientId).orderBy('created_at').orderBy('language').execute();
  return rows.map(toLanguage);
}

export async function findLanguage(trx: Executor, id: string): Promise<Language | undefined> {
  const row = await trx.selectFrom('cv_languages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toLanguage(row);
}

function languageColumns(input: LanguageInput) {
  return { language: input.language, understanding: input.understanding, speaking: input.speaking, reading: input.reading, writing: input.writing };
}

export async function insertLanguage(trx: Executor, clientId: string, input: LanguageInput, by: ChangedBy): Promise<string> {
  const row = await trx.insertInto('cv_languages').values({ client_id: clientId, ...languageColumns(input), ...firstStamp(by) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateLanguage(trx: Executor, id: string, expectedVersion: number, input: LanguageInput, by: ChangedBy): Promise<boolean> {
  const result = await trx
    .updateTable('cv_languages')
    .set((eb) => ({ ...languageColumns(input), ...stamp(by), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

// ---- Competences ----

export async function listCompetences(trx: Executor, clientId: string): Promise<Competence[]> {
  const rows = await trx.selectFrom('cv_competences').selectAll().where('client_id', '=', clientId).orderBy('created_at').orderBy('text').execute();
  return rows.map((row) => ({ id: row.id, clientId: row.client_id, text: row.text, version: row.version, updatedByLabel: row.updated_by_label }));
}

export async function findCompetence(trx: Executor, id: string): Promise<Competence | undefined> {
  const row = await trx.selectFrom('cv_competences').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && { id: row.id, clientId: row.client_id, text: row.text, version: row.version, updatedByLabel: row.updated_by_label };
}

export async function insertCompetence(trx: Executor, clientId: string, input: CompetenceInput, by: ChangedBy): Promise<string> {
  const row = await trx.insertInto('cv_competences').values({ client_id: clientId, text: input.text, ...firstStamp(by) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

// ---- Any item ----

/** Removes an item of the CV when it is still at `expectedVersion` (O12); false otherwise. */
export async function removeItem(trx: Executor, table: CvItemTable, id: string, expectedVersion: number): Promise<boolean> {
  const result = await trx.deleteFrom(table).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// ---- Driving licences ----

export async function findDrivingLicences(trx: Executor, clientId: string): Promise<DrivingLicences> {
  const row = await trx.selectFrom('cvs').select(['driving_licences', 'version']).where('client_id', '=', clientId).executeTakeFirst();
  return { clientId, categories: (row?.driving_licences ?? []).filter(isDrivingLicence), version: row?.version ?? 0 };
}

export async function saveDrivingLicences(trx: Executor, clientId: string, expectedVersion: number, categories: readonly DrivingLicence[], by: ChangedBy): Promise<boolean> {
  if (expectedVersion === 0) {
    const row = await trx
      .insertInto('cvs')
      .values({ client_id: clientId, driving_licences: [...categories], ...stamp(by) })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('client_id')
      .executeTakeFirst();
    return row !== undefined;
  }
  const result = await trx
    .updateTable('cvs')
    .set((eb) => ({ driving_licences: [...categories], ...stamp(by), version: eb('version', '+', 1) }))
    .where('client_id', '=', clientId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

// ---- Rows to domain types ----

type Common = { id: string; client_id: string; version: number; updated_by_label: string };

function toEducation(row: Common & { level: string; field: string; institution: string; year: number | null; diploma: boolean }): Education {
  return {
    id: row.id,
    clientId: row.client_id,
    level: isEducationLevel(row.level) ? row.level : 'andere',
    field: row.field,
    institution: row.institution,
    year: row.year,
    diploma: row.diploma,
    version: row.version,
    updatedByLabel: row.updated_by_label,
  };
}

function toWorkExperience(row: Common & { employer: string; job_title: string; start_month: string; end_month: string | null }): WorkExperience {
  return {
    id: row.id,
    clientId: row.client_id,
    employer: row.employer,
    jobTitle: row.job_title,
    from: row.start_month as YearMonth,
    until: row.end_month as YearMonth | null,
    version: row.version,
    updatedByLabel: row.updated_by_label,
  };
}

function toLanguage(row: Common & { language: string; understanding: string; speaking: string; reading: string; writing: string }): Language {
  const level = (value: string): LanguageLevel => (isLanguageLevel(value) ? value : 'basis');
  return {
    id: row.id,
    clientId: row.client_id,
    language: row.language,
    understanding: level(row.understanding),
    speaking: level(row.speaking),
    reading: level(row.reading),
    writing: level(row.writing),
    version: row.version,
    updatedByLabel: row.updated_by_label,
  };
}
