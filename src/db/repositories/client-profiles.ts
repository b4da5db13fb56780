/**
 * The client's registration as a job seeker and availability: one row per client each, created
 * on the first save. Expected version 0 means "no row yet"; a save on another version than the
 * stored one changes nothing and answers false (O12).
 */
import type { Insertable } from 'kysely';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Availability, JobSeekerRegistration } from '../../domain/dossier/profile.ts';
import type { DB } from '../schema/index.ts';
import type { Executor } from './executor.ts';

export type ChangedBy = Readonly<{ userId: string; label: string; at: Date }>;

/** The tables that hold at most one row per client, created on its first save. */
type OnePerClientTable = 'job_seeker_registrations' | 'client_profiles' | 'cvs';

/** Saves the client's row of `table`: version 0 inserts it, another version updates it while it is still at that version. */
export async function saveOnePerClient<T extends OnePerClientTable>(
  trx: Executor,
  table: T,
  clientId: string,
  expectedVersion: number,
  columns: Omit<Insertable<DB[T]>, 'clientId'>,
): Promise<boolean> {
  // The three tables share clientId and version; Kysely cannot see that through the type parameter.
  const one = table as 'cvs';
  const values = columns as Omit<Insertable<DB['cvs']>, 'clientId'>;
  if (expectedVersion === 0) {
    const row = await trx
      .insertInto(one)
      .values({ ...values, clientId })
      .onConflict((oc) => oc.column('clientId').doNothing())
      .returning('clientId')
      .executeTakeFirst();
    return row !== undefined;
  }
  const result = await trx
    .updateTable(one)
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('clientId', '=', clientId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

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
  return saveOnePerClient(trx, 'job_seeker_registrations', clientId, expectedVersion, { registered: values.registered, registeredOn: values.registeredOn, recordedBy: by.userId, recordedByLabel: by.label, recordedAt: by.at });
}

export async function findAvailability(trx: Executor, clientId: string): Promise<Availability | undefined> {
  const row = await trx.selectFrom('client_profiles').selectAll().where('clientId', '=', clientId).executeTakeFirst();
  return row && { clientId: row.clientId, availableFrom: row.availableFrom as CalendarDate | null, version: row.version, updatedByLabel: row.updatedByLabel };
}

export async function saveAvailability(trx: Executor, clientId: string, expectedVersion: number, availableFrom: CalendarDate | null, by: ChangedBy): Promise<boolean> {
  return saveOnePerClient(trx, 'client_profiles', clientId, expectedVersion, { availableFrom, updatedByLabel: by.label, updatedAt: by.at });
}
