/**
 * Keeping the client dossier up to date (K1–K3): the occupation catalogue (ISCO-08 unit groups
 * in Dutch, from `src/db/catalogue/isco-08-nl.tsv`), the registration as a job seeker, availability,
 * desired jobs, the CV's parts and the internal notes. Contact data stay on `clients`, whose
 * `version` guards them. Every editable row has a `version` for O12-style optimistic locking.
 */
import { readFileSync } from 'node:fs';
import { sql, type CreateTableBuilder } from 'kysely';
import { createTableWithUuid, type AnyDb } from './migration-helpers.ts';

const CATALOGUE = new URL('../catalogue/isco-08-nl.tsv', import.meta.url);

/** The last columns of every item of a list in the dossier: its version (O12), when it was added, who changed it last and when. */
function withItemColumns<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));
}

/** The unit groups of the data file: comment lines (#) and the header line skipped. */
function readCatalogue(): { code: string; title: string }[] {
  const lines = readFileSync(CATALOGUE, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  if (lines[0] !== 'code\ttitel') throw new Error(`${CATALOGUE.pathname}: header "code<TAB>titel" expected`);
  return lines.slice(1).map((line, index) => {
    const [code = '', title = ''] = line.split('\t');
    if (!/^\d{4}$/.test(code) || title.trim() === '') throw new Error(`${CATALOGUE.pathname}: line ${index + 2} is not "code<TAB>titel"`);
    return { code, title: title.trim() };
  });
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('occupations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('isco_group', 'char(4)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('isco-08', 'beheerder')`))
    .addColumn('created_by_label', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('occupations_code_format', sql`code ~ '^[0-9]{4}(-[0-9]+)?$' and left(code, 4) = isco_group`)
    .addCheckConstraint('occupations_title_length', sql`char_length(title) between 1 and 150`)
    .execute();
  const catalogue = readCatalogue();
  await db
    .insertInto('occupations')
    .values(catalogue.map((o) => ({ code: o.code, isco_group: o.code, title: o.title, source: 'isco-08' })))
    .execute();

  await db.schema
    .createTable('job_seeker_registrations')
    .addColumn('client_id', 'uuid', (c) => c.primaryKey().references('clients.id'))
    .addColumn('registered', 'boolean', (c) => c.notNull())
    .addColumn('registered_on', 'date')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_by_label', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('job_seeker_registrations_date', sql`registered = (registered_on is not null)`)
    .execute();

  await db.schema
    .createTable('client_profiles')
    .addColumn('client_id', 'uuid', (c) => c.primaryKey().references('clients.id'))
    .addColumn('available_from', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await createTableWithUuid(db, 'desired_jobs')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('occupation_code', 'text', (c) => c.notNull().references('occupations.code'))
    .addColumn('experience', 'text', (c) => c.notNull().check(sql`experience in ('geen', 'beperkt', 'ervaren')`))
    .addColumn('regions', sql`text[]`, (c) => c.notNull().check(sql`cardinality(regions) > 0`))
    .addColumn('regime', 'text', (c) => c.notNull().check(sql`regime in ('voltijds', 'deeltijds')`))
    .$call(withItemColumns)
    .execute();
  await db.schema.createIndex('desired_jobs_client_idx').on('desired_jobs').columns(['client_id', 'created_at']).execute();

  await db.schema
    .createTable('cvs')
    .addColumn('client_id', 'uuid', (c) => c.primaryKey().references('clients.id'))
    .addColumn('driving_licences', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await createTableWithUuid(db, 'cv_educations')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('lager-onderwijs', 'lager-secundair', 'hoger-secundair', 'hbo5', 'bachelor', 'master', 'doctoraat', 'andere')`),
    )
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('institution', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('year', 'integer')
    .addColumn('diploma', 'boolean', (c) => c.notNull())
    .$call(withItemColumns)
    .execute();
  await db.schema.createIndex('cv_educations_client_idx').on('cv_educations').column('client_id').execute();

  const month = (column: string) => sql.raw(`${column} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`);
  await createTableWithUuid(db, 'cv_work_experiences')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text', (c) => c.notNull())
    .addColumn('start_month', 'text', (c) => c.notNull())
    .addColumn('end_month', 'text')
    .$call(withItemColumns)
    .addCheckConstraint('cv_work_experiences_months', sql`${month('start_month')} and (end_month is null or (${month('end_month')} and end_month >= start_month))`)
    .execute();
  await db.schema.createIndex('cv_work_experiences_client_idx').on('cv_work_experiences').column('client_id').execute();

  const level = (column: string) => sql.raw(`${column} in ('basis', 'redelijk', 'goed', 'zeer-goed', 'moedertaal')`);
  await createTableWithUuid(db, 'cv_languages')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('understanding', 'text', (c) => c.notNull().check(level('understanding')))
    .addColumn('speaking', 'text', (c) => c.notNull().check(level('speaking')))
    .addColumn('reading', 'text', (c) => c.notNull().check(level('reading')))
    .addColumn('writing', 'text', (c) => c.notNull().check(level('writing')))
    .$call(withItemColumns)
    .execute();
  await sql`create unique index cv_languages_one_per_client on cv_languages (client_id, lower(language))`.execute(db);

  await createTableWithUuid(db, 'cv_competences')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .$call(withItemColumns)
    .execute();
  await sql`create unique index cv_competences_one_per_client on cv_competences (client_id, lower(text))`.execute(db);

  // K3: a note belongs to the organisation of its author; reading always filters on it.
  await createTableWithUuid(db, 'internal_notes')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('author_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addCheckConstraint('internal_notes_text_length', sql`char_length(text) between 1 and 2000`)
    .execute();
  await db.schema.createIndex('internal_notes_visible_idx').on('internal_notes').columns(['client_id', 'organisation_id', 'created_at']).execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
