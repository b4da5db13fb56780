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
import { saveOnePerClient, type ChangedBy } from './client-profiles.ts';
import type { Executor } from './executor.ts';

export type CvItemTable = 'cv_educations' | 'cv_work_experiences' | 'cv_languages' | 'cv_competences';

const stamp = (by: ChangedBy) => ({ updatedByLabel: by.label, updatedAt: by.at });
/** A new item: created and last changed at the same moment. */
const firstStamp = (by: ChangedBy) => ({ ...stamp(by), createdAt: by.at });

// ---- Education ----

export async function listEducations(trx: Executor, clientId: string): Promise<Education[]> {
  const rows = await trx.selectFrom('cv_educations').selectAll().where('clientId', '=', clientId).orderBy('year', (ob) => ob.desc().nullsFirst()).orderBy('createdAt').orderBy('field').execute();
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
  const row = await trx.insertInto('cv_educations').values({ clientId: clientId, ...educationColumns(input), ...firstStamp(by) }).returning('id').executeTakeFirstOrThrow();
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
    .where('clientId', '=', clientId)
    .orderBy('endMonth', (ob) => ob.desc().nullsFirst())
    .orderBy('startMonth', 'desc')
    .execute();
  return rows.map(toWorkExperience);
}

export async function findWorkExperience(trx: Executor, id: string): Promise<WorkExperience | undefined> {
  const row = await trx.selectFrom('cv_work_experiences').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toWorkExperience(row);
}

function workColumns(input: WorkExperienceInput) {
  return { employer: input.employer, jobTitle: input.jobTitle, startMonth: input.from, endMonth: input.until };
}

export async function insertWorkExperience(trx: Executor, clientId: string, input: WorkExperienceInput, by: ChangedBy): Promise<string> {
  const row = await trx.insertInto('cv_work_experiences').values({ clientId: clientId, ...workColumns(input), ...firstStamp(by) }).returning('id').executeTakeFirstOrThrow();
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
  const rows = await trx.selectFrom('cv_languages').selectAll().where('clientId', '=', clientId).orderBy('createdAt').orderBy('language').execute();
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
  const row = await trx.insertInto('cv_languages').values({ clientId: clientId, ...languageColumns(input), ...firstStamp(by) }).returning('id').executeTakeFirstOrThrow();
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
  const rows = await trx.selectFrom('cv_competences').selectAll().where('clientId', '=', clientId).orderBy('createdAt').orderBy('text').execute();
  return rows.map((row) => ({ id: row.id, clientId: row.clientId, text: row.text, version: row.version, updatedByLabel: row.updatedByLabel }));
}

export async function findCompetence(trx: Executor, id: string): Promise<Competence | undefined> {
  const row = await trx.selectFrom('cv_competences').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && { id: row.id, clientId: row.clientId, text: row.text, version: row.version, updatedByLabel: row.updatedByLabel };
}

export async function insertCompetence(trx: Executor, clientId: string, input: CompetenceInput, by: ChangedBy): Promise<string> {
  const row = await trx.insertInto('cv_competences').values({ clientId: clientId, text: input.text, ...firstStamp(by) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

// ---- Any item ----

/** Removes an item of the CV when it is still at `expectedVersion` (O12); false otherwise. */
export async function removeItem(trx: Executor, table: CvItemTable, id: string, expectedVersion: number): Promise<boolean> {
  const result = await trx.deleteFrom(table).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** One kind of CV item's rows, for the use cases that treat every kind alike (competences are not changed). */
export type ItemStore<I, T> = Readonly<{
  table: CvItemTable;
  list(trx: Executor, clientId: string): Promise<T[]>;
  find(trx: Executor, id: string): Promise<T | undefined>;
  insert(trx: Executor, clientId: string, input: I, by: ChangedBy): Promise<string>;
  update: ((trx: Executor, id: string, expectedVersion: number, input: I, by: ChangedBy) => Promise<boolean>) | null;
}>;

export const items: {
  educations: ItemStore<EducationInput, Education>;
  workExperiences: ItemStore<WorkExperienceInput, WorkExperience>;
  languages: ItemStore<LanguageInput, Language>;
  competences: ItemStore<CompetenceInput, Competence>;
} = {
  educations: { table: 'cv_educations', list: listEducations, find: findEducation, insert: insertEducation, update: updateEducation },
  workExperiences: { table: 'cv_work_experiences', list: listWorkExperiences, find: findWorkExperience, insert: insertWorkExperience, update: updateWorkExperience },
  languages: { table: 'cv_languages', list: listLanguages, find: findLanguage, insert: insertLanguage, update: updateLanguage },
  competences: { table: 'cv_competences', list: listCompetences, find: findCompetence, insert: insertCompetence, update: null },
};

// ---- Driving licences ----

export async function findDrivingLicences(trx: Executor, clientId: string): Promise<DrivingLicences> {
  const row = await trx.selectFrom('cvs').select(['drivingLicences', 'version']).where('clientId', '=', clientId).executeTakeFirst();
  return { clientId, categories: (row?.drivingLicences ?? []).filter(isDrivingLicence), version: row?.version ?? 0 };
}

export async function saveDrivingLicences(trx: Executor, clientId: string, expectedVersion: number, categories: readonly DrivingLicence[], by: ChangedBy): Promise<boolean> {
  return saveOnePerClient(trx, 'cvs', clientId, expectedVersion, { drivingLicences: [...categories], ...stamp(by) });
}

// ---- Rows to domain types ----

type Common = { id: string; clientId: string; version: number; updatedByLabel: string };

function toEducation(row: Common & { level: string; field: string; institution: string; year: number | null; diploma: boolean }): Education {
  return {
    id: row.id,
    clientId: row.clientId,
    level: isEducationLevel(row.level) ? row.level : 'andere',
    field: row.field,
    institution: row.institution,
    year: row.year,
    diploma: row.diploma,
    version: row.version,
    updatedByLabel: row.updatedByLabel,
  };
}

function toWorkExperience(row: Common & { employer: string; jobTitle: string; startMonth: string; endMonth: string | null }): WorkExperience {
  return {
    id: row.id,
    clientId: row.clientId,
    employer: row.employer,
    jobTitle: row.jobTitle,
    from: row.startMonth as YearMonth,
    until: row.endMonth as YearMonth | null,
    version: row.version,
    updatedByLabel: row.updatedByLabel,
  };
}

function toLanguage(row: Common & { language: string; understanding: string; speaking: string; reading: string; writing: string }): Language {
  const level = (value: string): LanguageLevel => (isLanguageLevel(value) ? value : 'basis');
  return {
    id: row.id,
    clientId: row.clientId,
    language: row.language,
    understanding: level(row.understanding),
    speaking: level(row.speaking),
    reading: level(row.reading),
    writing: level(row.writing),
    version: row.version,
    updatedByLabel: row.updatedByLabel,
  };
}
