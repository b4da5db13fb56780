import { sql } from 'kysely';
import { officeLabel, type OfficeAddress, type OfficeRecord, type OfficeWithLabel } from '../../domain/organisations.ts';
import type { Executor } from './executor.ts';
import { changedAtVersion } from './shared.ts';
import { bump as bumpReferenceVersion } from './reference-versions.ts';

export async function findById(trx: Executor, id: string): Promise<OfficeWithLabel | undefined> {
  const row = await selectOffices(trx).where('f.id', '=', id).executeTakeFirst();
  return row && toOffice(row);
}

/** Offices by part of the name or by code, for the Aanvrager/Uitvoerder search. */
export async function search(trx: Executor, query: string, limit: number): Promise<OfficeWithLabel[]> {
  const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await selectOffices(trx)
    .where((eb) => eb.or([eb(sql<string>`lower(f.name)`, 'like', pattern), eb('f.code', '=', query.trim())]))
    .orderBy('f.name')
    .limit(limit)
    .execute();
  return rows.map(toOffice);
}

/** The offices of one organisation, by name, with their labels. */
export async function listOfOrganisation(trx: Executor, organisationId: string): Promise<OfficeWithLabel[]> {
  const rows = await selectOffices(trx).where('f.organisationId', '=', organisationId).orderBy('f.name').orderBy('f.code').execute();
  return rows.map(toOffice);
}

function selectOffices(trx: Executor) {
  return trx
    .selectFrom('offices as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisationId')
    .select(['f.id', 'f.organisationId', 'f.name', 'f.code', 'o.name as organisationName']);
}

function toOffice(row: Omit<OfficeWithLabel, 'label'>): OfficeWithLabel {
  return { ...row, label: officeLabel(row) };
}

const RECORD_COLUMNS = ['id', 'organisationId', 'name', 'code', 'street', 'postcode', 'city', 'version'] as const;

/** The offices of one organisation, with their addresses, by name. */
export async function listRecordsOfOrganisation(trx: Executor, organisationId: string): Promise<OfficeRecord[]> {
  return trx.selectFrom('offices').select(RECORD_COLUMNS).where('organisationId', '=', organisationId).orderBy('name').orderBy('code').execute();
}

export async function findRecord(trx: Executor, organisationId: string, id: string): Promise<OfficeRecord | undefined> {
  return trx.selectFrom('offices').select(RECORD_COLUMNS).where('organisationId', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** The office holding this code anywhere in the portal (codes are unique over the portal), other than `exceptId`. */
export async function findByCode(trx: Executor, code: string, exceptId: string | null): Promise<{ id: string; label: string } | undefined> {
  let query = selectOffices(trx).where('f.code', '=', code);
  if (exceptId !== null) query = query.where('f.id', '<>', exceptId);
  const row = await query.executeTakeFirst();
  return row && { id: row.id, label: `${officeLabel(row)}, ${row.organisationName}` };
}

export async function updateAtVersion(trx: Executor, id: string, version: number, values: { name: string; code: string } & OfficeAddress): Promise<boolean> {
  await bumpReferenceVersion(trx);
  return changedAtVersion(trx.updateTable('offices').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version));
}
