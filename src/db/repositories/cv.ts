/**
 * The CV's parts: education, work experience, languages and competences (one row each, with a
 * version), and the driving licences (one row per client, created on the first save).
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
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
import type { DB } from '../schema/index.ts';
import { saveOnePerClient, type ChangedBy } from './client-profiles.ts';
import type { Executor } from './executor.ts';

export type CvItemTable = 'cv_educations' | 'cv_work_experiences' | 'cv_languages' | 'cv_competences';

/** One kind of CV item's rows, for the use cases that treat every kind alike (competences are not changed). */
export type ItemStore<I, T> = Readonly<{
  table: CvItemTable;
  list(trx: Executor, clientId: string): Promise<T[]>;
  /** The item, locked until the transaction ends. */
  find(trx: Executor, id: string): Promise<T | undefined>;
  insert(trx: Executor, clientId: string, input: I, by: ChangedBy): Promise<string>;
  update: ((trx: Executor, id: string, expectedVersion: number, input: I, by: ChangedBy) => Promise<boolean>) | null;
}>;

const selectItems = (trx: Executor, table: CvItemTable) => trx.selectFrom(table).selectAll();
type ItemQuery = ReturnType<typeof selectItems>;

/** What sets one kind of item apart: its table, the order of its list, its columns, its rows as domain items. */
type ItemKind<K extends CvItemTable, I, T> = Readonly<{
  table: K;
  order(query: ItemQuery): ItemQuery;
  columns(input: I): Updateable<DB[K]>;
  toItem(row: Selectable<DB[K]>): T;
  changeable: boolean;
}>;

// The queries run on the union of the item tables (their common columns: id, clientId, version,
// createdAt, updated…); the casts give each row back the columns of its own kind's table.
function itemStore<K extends CvItemTable, I, T>(kind: ItemKind<K, I, T>): ItemStore<I, T> {
  const { table, toItem } = kind;
  const itemTable: CvItemTable = table;
  const columns = (input: I) => kind.columns(input) as Updateable<DB[CvItemTable]>;
  const stamp = (by: ChangedBy) => ({ updatedByLabel: by.label, updatedAt: by.at });

  async function update(trx: Executor, id: string, expectedVersion: number, input: I, by: ChangedBy): Promise<boolean> {
    const result = await trx
      .updateTable(itemTable)
      .set((eb) => ({ ...columns(input), ...stamp(by), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  return {
    table,
    async list(trx, clientId) {
      const rows = await kind.order(selectItems(trx, itemTable).where('clientId', '=', clientId)).execute();
      return rows.map((row) => toItem(row as Selectable<DB[K]>));
    },
    async find(trx, id) {
      const row = await selectItems(trx, itemTable).where('id', '=', id).forUpdate().executeTakeFirst();
      return row && toItem(row as Selectable<DB[K]>);
    },
    async insert(trx, clientId, input, by) {
      // A new item: created and last changed at the same moment.
      const values = { clientId, ...columns(input), ...stamp(by), createdAt: by.at } as Insertable<DB[CvItemTable]>;
      const row = await trx.insertInto(itemTable).values(values).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    update: kind.changeable ? update : null,
  };
}

type Stored = { id: string; clientId: string; version: number; updatedByLabel: string };
const stored = (row: Stored): Stored => ({ id: row.id, clientId: row.clientId, version: row.version, updatedByLabel: row.updatedByLabel });
const languageLevel = (value: string): LanguageLevel => (isLanguageLevel(value) ? value : 'basis');

export const items: {
  educations: ItemStore<EducationInput, Education>;
  workExperiences: ItemStore<WorkExperienceInput, WorkExperience>;
  languages: ItemStore<LanguageInput, Language>;
  competences: ItemStore<CompetenceInput, Competence>;
} = {
  educations: itemStore({
    table: 'cv_educations',
    order: (query) => query.orderBy('year', (ob) => ob.desc().nullsFirst()).orderBy('createdAt').orderBy('field'),
    columns: (input: EducationInput) => ({ level: input.level, field: input.field, institution: input.institution, year: input.year, diploma: input.diploma }),
    toItem: (row): Education => ({
      ...stored(row),
      level: isEducationLevel(row.level) ? row.level : 'andere',
      field: row.field,
      institution: row.institution,
      year: row.year,
      diploma: row.diploma,
    }),
    changeable: true,
  }),
  workExperiences: itemStore({
    table: 'cv_work_experiences',
    order: (query) => query.orderBy('endMonth', (ob) => ob.desc().nullsFirst()).orderBy('startMonth', 'desc'),
    columns: (input: WorkExperienceInput) => ({ employer: input.employer, jobTitle: input.jobTitle, startMonth: input.from, endMonth: input.until }),
    toItem: (row): WorkExperience => ({
      ...stored(row),
      employer: row.employer,
      jobTitle: row.jobTitle,
      from: row.startMonth as YearMonth,
      until: row.endMonth as YearMonth | null,
    }),
    changeable: true,
  }),
  languages: itemStore({
    table: 'cv_languages',
    order: (query) => query.orderBy('createdAt').orderBy('language'),
    columns: (input: LanguageInput) => ({ language: input.language, understanding: input.understanding, speaking: input.speaking, reading: input.reading, writing: input.writing }),
    toItem: (row): Language => ({
      ...stored(row),
      language: row.language,
      understanding: languageLevel(row.understanding),
      speaking: languageLevel(row.speaking),
      reading: languageLevel(row.reading),
      writing: languageLevel(row.writing),
    }),
    changeable: true,
  }),
  competences: itemStore({
    table: 'cv_competences',
    order: (query) => query.orderBy('createdAt').orderBy('text'),
    columns: (input: CompetenceInput) => ({ text: input.text }),
    toItem: (row): Competence => ({ ...stored(row), text: row.text }),
    changeable: false,
  }),
};

/** Removes an item of the CV when it is still at `expectedVersion` (O12); false otherwise. */
export async function removeItem(trx: Executor, table: CvItemTable, id: string, expectedVersion: number): Promise<boolean> {
  const result = await trx.deleteFrom(table).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// ---- Driving licences ----

export async function findDrivingLicences(trx: Executor, clientId: string): Promise<DrivingLicences> {
  const row = await trx.selectFrom('cvs').select(['drivingLicences', 'version']).where('clientId', '=', clientId).executeTakeFirst();
  return { clientId, categories: (row?.drivingLicences ?? []).filter(isDrivingLicence), version: row?.version ?? 0 };
}

export async function saveDrivingLicences(trx: Executor, clientId: string, expectedVersion: number, categories: readonly DrivingLicence[], by: ChangedBy): Promise<boolean> {
  return saveOnePerClient(trx, 'cvs', clientId, expectedVersion, { drivingLicences: [...categories], updatedByLabel: by.label, updatedAt: by.at });
}
