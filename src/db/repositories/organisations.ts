import { sql } from 'kysely';
import { dateInBrussels, type CalendarDate } from '../../domain/calendar-date.ts';
import type { Office, OfficeAddress, Organisation, OrganisationRecord } from '../../domain/organisations.ts';
import type { Executor } from './executor.ts';
import { changedAtVersion, countRows } from './shared.ts';
import { bump as bumpReferenceVersion } from './reference-versions.ts';

export async function insertOrganisation(trx: Executor, organisation: Omit<Organisation, 'id'> & { enterpriseNumber?: string | null }, at: Date): Promise<string> {
  const row = await trx
    .insertInto('organisations')
    .values({ name: organisation.name, kind: organisation.kind, enterpriseNumber: organisation.enterpriseNumber ?? null, createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOffice(trx: Executor, office: Omit<Office, 'id'> & Partial<OfficeAddress>, at: Date): Promise<string> {
  const row = await trx
    .insertInto('offices')
    .values({
      organisationId: office.organisationId,
      name: office.name,
      code: office.code,
      street: office.street ?? null,
      postcode: office.postcode ?? null,
      city: office.city ?? null,
      createdAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await bumpReferenceVersion(trx);
  return row.id;
}

/** Valid from the day of `at` in Brussels unless a period is given; `validUntil` null: no end. */
export async function insertFundingNumber(
  trx: Executor,
  organisationId: string,
  code: string,
  description: string,
  at: Date,
  period: { validFrom: CalendarDate; validUntil: CalendarDate | null } = { validFrom: dateInBrussels(at), validUntil: null },
): Promise<string> {
  const row = await trx
    .insertInto('funding_numbers')
    .values({ organisationId, code, description, validFrom: period.validFrom, validUntil: period.validUntil, createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await bumpReferenceVersion(trx);
  return row.id;
}

export async function countOrganisations(trx: Executor): Promise<number> {
  return countRows(trx, 'organisations');
}

const RECORD_COLUMNS = ['id', 'name', 'kind', 'enterpriseNumber', 'version'] as const;

export async function findRecord(trx: Executor, id: string): Promise<OrganisationRecord | undefined> {
  return trx.selectFrom('organisations').select(RECORD_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** One page of organisations by name (part of it, case ignored) or KBO number, by name. */
export async function page(
  trx: Executor,
  query: string,
  range: { limit: number; offset: number },
): Promise<{ total: number; organisations: (OrganisationRecord & { officeCount: number })[] }> {
  const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = query.replace(/[\s.]/g, '');
  let base = trx.selectFrom('organisations as o');
  if (query !== '') {
    base = base.where((eb) => eb.or([eb(sql<string>`lower(o.name)`, 'like', pattern), ...(/^\d{3,10}$/.test(digits) ? [eb('o.enterpriseNumber', 'like', `%${digits}%`)] : [])]));
  }
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['o.id', 'o.name', 'o.kind', 'o.enterpriseNumber', 'o.version'])
    .select((eb) => eb.selectFrom('offices as f').whereRef('f.organisationId', '=', 'o.id').select((e) => e.fn.countAll<number>().as('n')).as('officeCount'))
    .orderBy(sql`lower(o.name)`)
    .orderBy('o.id')
    .limit(range.limit)
    .offset(range.offset)
    .execute();
  return { total: counted.total, organisations: rows.map((r) => ({ ...r, officeCount: r.officeCount ?? 0 })) };
}

/** The organisation holding this KBO number, if any. */
export async function findByEnterpriseNumber(trx: Executor, enterpriseNumber: string): Promise<{ id: string; name: string } | undefined> {
  return trx.selectFrom('organisations').select(['id', 'name']).where('enterpriseNumber', '=', enterpriseNumber).executeTakeFirst();
}

/** O12: changes the row only at the version the user read; false when it changed meanwhile. */
export async function updateAtVersion(
  trx: Executor,
  id: string,
  version: number,
  values: { name: string; kind: 'partner' | 'dienst'; enterpriseNumber: string },
): Promise<boolean> {
  // Offices are cached with their organisation's name.
  await bumpReferenceVersion(trx);
  return changedAtVersion(trx.updateTable('organisations').set({ ...values, version: sql<number>`version + 1` }).where('id', '=', id).where('version', '=', version));
}

/** O12 for what hangs on the organisation (its step types): the version moves on; false when it changed meanwhile. */
export async function bumpVersion(trx: Executor, id: string, version: number): Promise<boolean> {
  return changedAtVersion(trx.updateTable('organisations').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version));
}
