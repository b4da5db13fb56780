import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { FundingNumber, FundingNumberRecord } from '../../domain/organisations.ts';
import type { Executor } from './executor.ts';
import { changedAtVersion } from './shared.ts';
import { bump as bumpReferenceVersion } from './reference-versions.ts';

/** The numbers of the organisation, as the lists show them. */
const numbersOf = (trx: Executor, organisationId: string) =>
  trx.selectFrom('funding_numbers').select(['id', 'organisationId', 'code', 'description']).where('organisationId', '=', organisationId);

/** Every number of the organisation, also those no longer (or not yet) valid. */
export async function listOfOrganisation(trx: Executor, organisationId: string): Promise<FundingNumber[]> {
  return numbersOf(trx, organisationId).orderBy('code').execute();
}

/** The numbers valid on `day`: the ones the step form offers. */
export async function listValidOn(trx: Executor, organisationId: string, day: CalendarDate): Promise<FundingNumber[]> {
  return numbersOf(trx, organisationId)
    .where('validFrom', '<=', day)
    .where((eb) => eb.or([eb('validUntil', 'is', null), eb('validUntil', '>=', day)]))
    .orderBy('code')
    .execute();
}

const RECORD_COLUMNS = ['id', 'organisationId', 'code', 'description', 'validFrom', 'validUntil', 'version'] as const;

type Row = Omit<FundingNumberRecord, 'validFrom' | 'validUntil'> & { validFrom: string; validUntil: string | null };
const toRecord = (row: Row): FundingNumberRecord => ({ ...row, validFrom: row.validFrom as CalendarDate, validUntil: row.validUntil as CalendarDate | null });

export async function listRecordsOfOrganisation(trx: Executor, organisationId: string): Promise<FundingNumberRecord[]> {
  const rows = await trx.selectFrom('funding_numbers').select(RECORD_COLUMNS).where('organisationId', '=', organisationId).orderBy('code').execute();
  return rows.map(toRecord);
}

export async function findRecord(trx: Executor, organisationId: string, id: string): Promise<FundingNumberRecord | undefined> {
  const row = await trx.selectFrom('funding_numbers').select(RECORD_COLUMNS).where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** A number with this code in the organisation (case ignored), other than `exceptId`. */
export async function codeTaken(trx: Executor, organisationId: string, code: string, exceptId: string | null): Promise<boolean> {
  let query = trx.selectFrom('funding_numbers').select('id').where('organisationId', '=', organisationId).where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()));
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function updateAtVersion(
  trx: Executor,
  id: string,
  version: number,
  values: { code: string; description: string; validFrom: CalendarDate; validUntil: CalendarDate | null },
): Promise<boolean> {
  await bumpReferenceVersion(trx);
  return changedAtVersion(trx.updateTable('funding_numbers').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version));
}
