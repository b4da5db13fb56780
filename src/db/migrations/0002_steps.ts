/**
 * Steps towards work (the Outplacement line and the plain types), the step catalogue and which
 * organisation may register which type, and the stop requests of O8.
 */
import { sql } from 'kysely';
import { createTableWithUuid, type AnyDb } from './migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('step_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('outplacement', 'plain')`))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  // The catalogue (O13) is reference data: the same on every installation.
  await db
    .insertInto('step_types')
    .values([
      { code: 'outplacement', label: 'Outplacement', kind: 'outplacement', sort_order: 1 },
      { code: 'begeleidingstraject', label: 'Begeleidingstraject', kind: 'plain', sort_order: 2 },
      { code: 'opleiding', label: 'Opleiding', kind: 'plain', sort_order: 3 },
      { code: 'sollicitatietraining', label: 'Sollicitatietraining', kind: 'plain', sort_order: 4 },
      { code: 'jobcoaching', label: 'Jobcoaching', kind: 'plain', sort_order: 5 },
    ])
    .execute();

  await db.schema
    .createTable('organisation_step_types')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('step_type_code', 'text', (c) => c.notNull().references('step_types.code'))
    .addPrimaryKeyConstraint('organisation_step_types_pk', ['organisation_id', 'step_type_code'])
    .execute();

  await createTableWithUuid(db, 'steps')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('step_type_code', 'text', (c) => c.notNull().references('step_types.code'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('bezig', 'geannuleerd', 'stopgezet', 'uitgevoerd')`))
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date')
    .addColumn('attest_id', 'uuid', (c) => c.references('attests.id'))
    .addColumn('funding_number_id', 'uuid', (c) => c.references('funding_numbers.id'))
    .addColumn('requester_office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('executor_office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ended_on', 'date')
    .addColumn('summary_closed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('steps_summary_length', sql`char_length(summary) <= 20000`)
    .addCheckConstraint('steps_end_state_has_date', sql`(state in ('uitgevoerd', 'stopgezet')) = (ended_on is not null)`)
    .execute();
  await db.schema.createIndex('steps_client_idx').on('steps').columns(['client_id', 'date']).execute();
  // O4: at most one Bezig Outplacement line per client and organisation, enforced by the database.
  await sql`create unique index steps_one_running_outplacement on steps (client_id, organisation_id)
            where state = 'bezig' and step_type_code = 'outplacement'`.execute(db);
  // J1: the sweep finds due lines and closing windows through these partial indexes.
  await sql`create index steps_due_idx on steps (end_date) where state = 'bezig' and step_type_code = 'outplacement'`.execute(db);
  await sql`create index steps_window_idx on steps (ended_on) where summary_closed = false and ended_on is not null`.execute(db);

  await createTableWithUuid(db, 'stop_requests')
    .addColumn('step_id', 'uuid', (c) => c.notNull().references('steps.id'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('requested_by_label', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposed_date', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'aanvaard', 'afgewezen', 'vervallen')`))
    .addColumn('handled_by_label', 'text')
    .addColumn('handled_at', 'timestamptz')
    .addColumn('decision_reason', 'text')
    .execute();
  await sql`create unique index stop_requests_one_open on stop_requests (step_id) where state = 'open'`.execute(db);
  await sql`create index stop_requests_open_idx on stop_requests (requested_at) where state = 'open'`.execute(db);
  await db.schema.createIndex('stop_requests_step_idx').on('stop_requests').column('step_id').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only: write a new migration to correct this one.'));
}
