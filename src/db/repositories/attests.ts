import { sql, type Expression, type SqlBool } from 'kysely';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Attest, Client, ClientWithPeriod } from '../../domain/clients.ts';
import type { AttestRow } from '../schema/index.ts';
import { toClient } from './clients.ts';
import type { Executor } from './executor.ts';

/**
 * A1 in SQL, the same rule as domain/access.ts: approved, approved on or before today, and
 * today on or before end date + 1 month + 14 days. PostgreSQL's `date + interval '1 month'`
 * clamps to the month's last day, as domain addMonths does.
 */
function runsOn(today: CalendarDate): Expression<SqlBool> {
  return sql<SqlBool>`a.state = 'goedgekeurd' and a.approved_on <= ${today}::date and ${today}::date <= (a.end_date + interval '1 month')::date + 14`;
}

export type AttestOfOrganisation = Attest & Readonly<{ organisationName: string }>;

/** The client's attests, of one organisation or (organisationId null) of all, newest end first. */
export async function listForClient(trx: Executor, clientId: string, organisationId: string | null): Promise<AttestOfOrganisation[]> {
  let query = trx
    .selectFrom('attests as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .selectAll('a')
    .select('o.name as organisation_name')
    .where('a.client_id', '=', clientId);
  if (organisationId !== null) query = query.where('a.organisation_id', '=', organisationId);
  const rows = await query.orderBy('a.end_date', 'desc').execute();
  return rows.map((row) => ({ ...toAttest(row), organisationName: row.organisation_name }));
}

/**
 * The client with the attests that decide access (A1), in one statement: of one organisation,
 * or (organisationId null) of all. Undefined when the client does not exist.
 */
export async function findClientWithAttests(
  trx: Executor,
  clientId: string,
  organisationId: string | null,
): Promise<{ client: Client; attests: AttestOfOrganisation[] } | undefined> {
  const rows = await trx
    .selectFrom('clients as c')
    .leftJoin('attests as a', (join) => {
      const onClient = join.onRef('a.client_id', '=', 'c.id');
      return organisationId === null ? onClient : onClient.on('a.organisation_id', '=', organisationId);
    })
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .selectAll('c')
    .select([
      'a.id as a_id',
      'a.organisation_id as a_organisation_id',
      'a.regime as a_regime',
      'a.start_date as a_start_date',
      'a.end_date as a_end_date',
      'a.state as a_state',
      'a.approved_on as a_approved_on',
      'a.rejection_reason as a_rejection_reason',
      'a.version as a_version',
      'o.name as a_organisation_name',
    ])
    .where('c.id', '=', clientId)
    .orderBy('a.end_date', 'desc')
    .execute();
  const first = rows[0];
  if (first === undefined) return undefined;
  const attests: AttestOfOrganisation[] = [];
  for (const row of rows) {
    if (row.a_id === null || row.a_organisation_id === null || row.a_regime === null || row.a_state === null) continue;
    attests.push({
      id: row.a_id,
      clientId: row.id,
      organisationId: row.a_organisation_id,
      organisationName: row.a_organisation_name ?? '',
      regime: row.a_regime,
      startDate: row.a_start_date as CalendarDate,
      endDate: row.a_end_date as CalendarDate,
      state: row.a_state,
      approvedOn: row.a_approved_on as CalendarDate | null,
      rejectionReason: row.a_rejection_reason,
      version: row.a_version ?? 1,
    });
  }
  return { client: toClient(first), attests };
}

/** A1: the clients an organisation has access to today, each with its running attest period. */
export async function listClientsWithRunningAttest(trx: Executor, organisationId: string, today: CalendarDate): Promise<ClientWithPeriod[]> {
  const rows = await trx
    .selectFrom('attests as a')
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .distinctOn('c.id')
    .selectAll('c')
    .select(['a.start_date as attest_start', 'a.end_date as attest_end'])
    .where('a.organisation_id', '=', organisationId)
    .where(runsOn(today))
    .orderBy('c.id')
    .orderBy('a.end_date', 'desc')
    .execute();
  return rows
    .map((row) => ({ client: toClient(row), startDate: row.attest_start as CalendarDate, endDate: row.attest_end as CalendarDate }))
    .sort((x, y) => x.client.familyName.localeCompare(y.client.familyName, 'nl') || x.client.firstName.localeCompare(y.client.firstName, 'nl'));
}

export type NewAttest = Omit<Attest, 'id' | 'version'> & { submittedBy: string | null; decidedBy: string | null };

export async function insert(trx: Executor, attest: NewAttest, at: Date): Promise<string> {
  const row = await trx
    .insertInto('attests')
    .values({
      client_id: attest.clientId,
      organisation_id: attest.organisationId,
      regime: attest.regime,
      start_date: attest.startDate,
      end_date: attest.endDate,
      state: attest.state,
      approved_on: attest.approvedOn,
      rejection_reason: attest.rejectionReason,
      submitted_by: attest.submittedBy,
      decided_by: attest.decidedBy,
      submitted_at: at,
      decided_at: attest.state === 'ingediend' ? null : at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function toAttest(row: AttestRow): Attest {
  return {
    id: row.id,
    clientId: row.client_id,
    organisationId: row.organisation_id,
    regime: row.regime,
    startDate: row.start_date as CalendarDate,
    endDate: row.end_date as CalendarDate,
    state: row.state,
    approvedOn: row.approved_on as CalendarDate | null,
    rejectionReason: row.rejection_reason,
    version: row.version,
  };
}

/** A4: the attest, its row locked until the transaction ends (an extension moves its end). */
export async function findByIdForUpdate(trx: Executor, id: string): Promise<Attest | undefined> {
  const row = await trx.selectFrom('attests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toAttest(row);
}

/** A4: moves the end of an approved attest (and so its access period, A1). */
export async function moveEndDate(trx: Executor, id: string, from: CalendarDate, to: CalendarDate): Promise<boolean> {
  const result = await trx
    .updateTable('attests')
    .set((eb) => ({ end_date: to, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('state', '=', 'goedgekeurd')
    .where('end_date', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
