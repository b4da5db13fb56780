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
  const row = await trx.selectFrom('job_seeker_registrations').selectAll().where('clientId', '=', clientId).executeTakeFirst();
  return (
    row && {
      clientId: row.clientId,
      registered: row.registered,
      registeredOn: row.registeredOn as CalendarDate | null,
      recordedByLabel: row.recordedByLabel,
      recordedAt: row.recordedAt,
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
  const columns = { registered: values.registered, registeredOn: values.registeredOn, recordedBy: by.userId, recordedByLabel: by.label, recordedAt: by.at };
  if (expectedVersion === 0) {
    const row = await trx
      .insertInto('job_seeker_registrations')
      .values({ clientId: clientId, ...columns })
      .onConflict((oc) => oc.column('clientId').doNothing())
      .returning('clientId')
      .executeTakeFirst();
    return row !== undefined;
  }
  const result = await trx
    .updateTable('job_seeker_registrations')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
    .where('clientId', '=', clientId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findAvailability(trx: Executor, clientId: string): Promise<Availability | undefined> {
  const row = await trx.selectFrom('client_profiles').selectAll().where('clientId', '=', clientId).executeTakeFirst();
  return row && { clientId: row.clientId, availableFrom: row.availableFrom as CalendarDate | null, version: row.version, updatedByLabel: row.updatedByLabel };
}

export async function saveAvailability(trx: Executor, clientId: string, expectedVersion: number, availableFrom: CalendarDate | null, by: ChangedBy): Promise<boolean> {
  if (expectedVersion === 0) {
    const row = await trx
      .insertInto('client_profiles')
      .values({ clientId: clientId, availableFrom: availableFrom, updatedByLabel: by.label, updatedAt: by.at })
      .onConflict((oc) => oc.column('clientId').doNothing())
      .returning('clientId')
      .executeTakeFirst();
    return row !== undefined;
  }
  const result = await trx
    .updateTable('client_profiles')
    .set((eb) => ({ availableFrom: availableFrom, updatedByLabel: by.label, updatedAt: by.at, version: eb('version', '+', 1) }))
    .where('clientId', '=', clientId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
