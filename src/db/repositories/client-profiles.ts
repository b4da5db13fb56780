/**
 * The client's registration as a job seeker and availability: one row per client each, created
 * on the first save. Expected version 0 means "no row yet"; a save on another version than the
 * stored one changes nothing and answers false (O12).
 */
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Availability, JobSeekerRegistration } from '../../domain/dossier/profile.ts';
import type { Executor } from './executor.ts';

export type ChangedBy = Readonly<{ userId: string; label: string; at: Date }>;

export async function findRegistration(trx: Executor, clientId: string): Promise<JobSeekerRegistration | undefined> {
  const row = await trx.selectFrom('job_seeker_registrations').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return (
    row && {
      clientId: row.client_id,
      registered: row.registered,
      registeredOn: row.registered_on as CalendarDate | null,
      recordedByLabel: row.recorded_by_label,
      recordedAt: row.recorded_at,
      version: row.version,
    }
  );
}

export async function saveRegistration(
  trx: Executor,
  clientId: string,
  expectedVersion: number,
  values: { registered: boolean; registeredOn: CalendarDate | null },
  by: ChangedBy,
): Promise<boolean> {
  const columns = { registered: values.registered, registered_on: values.registeredOn, recorded_by: by.userId, recorded_by_label: by.label, recorded_at: by.at };
  if (expectedVersion === 0) {
    const row = await trx
      .insertInto('job_seeker_registrations')
      .values({ client_id: clientId, ...columns })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('client_id')
      .executeTakeFirst();
    return row !== undefined;
  }
  const result = await trx
    .updateTable('job_seeker_registrations')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
    .where('client_id', '=', clientId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findAvailability(trx: Executor, clientId: string): Promise<Availability | undefined> {
  const row = await trx.selectFrom('client_profiles').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return row && { clientId: row.client_id, availableFrom: row.available_from as CalendarDate | null, version: row.version, updatedByLabel: row.updated_by_label };
}

export async function saveAvailability(trx: Executor, clientId: string, expectedVersion: number, availableFrom: CalendarDate | null, by: ChangedBy): Promise<boolean> {
  if (expectedVersion === 0) {
    const row = await trx
      .insertInto('client_profiles')
      .values({ client_id: clientId, available_from: availableFrom, updated_by_label: by.label, updated_at: by.at })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('client_id')
      .executeTakeFirst();
    return row !== undefined;
  }
  const result = await trx
    .updateTable('client_profiles')
    .set((eb) => ({ available_from: availableFrom, updated_by_label: by.label, updated_at: by.at, version: eb('version', '+', 1) }))
    .where('client_id', '=', clientId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
