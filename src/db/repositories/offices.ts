import { sql } from 'kysely';
import { officeLabel, type OfficeWithLabel } from '../../domain/organisations.ts';
import type { Executor } from './executor.ts';

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

function selectOffices(trx: Executor) {
  return trx
    .selectFrom('offices as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisationId')
    .select(['f.id', 'f.organisationId', 'f.name', 'f.code', 'o.name as organisationName']);
}

function toOffice(row: Omit<OfficeWithLabel, 'label'>): OfficeWithLabel {
  return { ...row, label: officeLabel(row) };
}
