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
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .select([...ATTEST_COLUMNS, 'o.name as organisationName'])
    .where('a.clientId', '=', clientId);
  if (organisationId !== null) query = query.where('a.organisationId', '=', organisationId);
  const rows = await query.orderBy('a.endDate', 'desc').execute();
  return rows.map(toAttest);
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
      const onClient = join.onRef('a.clientId', '=', 'c.id');
      return organisationId === null ? onClient : onClient.on('a.organisationId', '=', organisationId);
    })
    .leftJoin('organisations as o', 'o.id', 'a.organisationId')
    .selectAll('c')
    .select([
      'a.id as aId',
      'a.organisationId as aOrganisationId',
      'a.regime as aRegime',
      'a.startDate as aStartDate',
      'a.endDate as aEndDate',
      'a.state as aState',
      'a.approvedOn as aApprovedOn',
      'a.rejectionReason as aRejectionReason',
      'a.version as aVersion',
      'o.name as aOrganisationName',
    ])
    .where('c.id', '=', clientId)
    .orderBy('a.endDate', 'desc')
    .execute();
  const first = rows[0];
  if (first === undefined) return undefined;
  const attests: AttestOfOrganisation[] = [];
  for (const row of rows) {
    if (row.aId === null || row.aOrganisationId === null || row.aRegime === null || row.aState === null) continue;
    attests.push({
      id: row.aId,
      clientId: row.id,
      organisationId: row.aOrganisationId,
      organisationName: row.aOrganisationName ?? '',
      regime: row.aRegime,
      startDate: row.aStartDate as CalendarDate,
      endDate: row.aEndDate as CalendarDate,
      state: row.aState,
      approvedOn: row.aApprovedOn as CalendarDate | null,
      rejectionReason: row.aRejectionReason,
      version: row.aVersion ?? 1,
    });
  }
  return { client: toClient(first), attests };
}

/** A1: the clients an organisation has access to today, each with its running attest period. */
export async function listClientsWithRunningAttest(trx: Executor, organisationId: string, today: CalendarDate): Promise<ClientWithPeriod[]> {
  const rows = await trx
    .selectFrom('attests as a')
    .innerJoin('clients as c', 'c.id', 'a.clientId')
    .distinctOn('c.id')
    .selectAll('c')
    .select(['a.startDate as attestStart', 'a.endDate as attestEnd'])
    .where('a.organisationId', '=', organisationId)
    .where(runsOn(today))
    .orderBy('c.id')
    .orderBy('a.endDate', 'desc')
    .execute();
  return rows
    .map((row) => ({ client: toClient(row), startDate: row.attestStart as CalendarDate, endDate: row.attestEnd as CalendarDate }))
    .sort((x, y) => x.client.familyName.localeCompare(y.client.familyName, 'nl') || x.client.firstName.localeCompare(y.client.firstName, 'nl'));
}

/** One page of "Mijn klanten" and the number of clients on all pages together. */
export type ClientPage = Readonly<{ clients: ClientWithPeriod[]; total: number }>;

/**
 * "Mijn klanten" (issue 16: paged in SQL): the clients with an attest of the organisation that
 * runs today (the newest ending one per client), `limit` of them from `offset`, in a stable
 * order: family name, first name (case-insensitive, by byte value so that both databases agree),
 * then id. The total comes from the same statement (a window count); it is 0 when `offset` lies
 * past the last client, so the caller asks `countClientsWithRunningAttest` then.
 */
export async function pageClientsWithRunningAttest(trx: Executor, organisationId: string, today: CalendarDate, page: { limit: number; offset: number }): Promise<ClientPage> {
  const running = trx
    .selectFrom('attests as a')
    .distinctOn('a.clientId')
    .select(['a.clientId', 'a.startDate as attestStart', 'a.endDate as attestEnd'])
    .where('a.organisationId', '=', organisationId)
    .where(runsOn(today))
    .orderBy('a.clientId')
    .orderBy('a.endDate', 'desc');
  // The client of each running attest by its primary key, in a lateral subquery with `limit 1`:
  // as a plain join PostgreSQL hashes all clients (a sequential scan of the whole table, about
  // twice the time for a partner with 2,000 clients among 100,000; issue 16).
  const rows = await trx
    .selectFrom(running.as('r'))
    .innerJoinLateral(
      (eb) => eb.selectFrom('clients as c').selectAll('c').whereRef('c.id', '=', 'r.clientId').limit(1).as('c'),
      (join) => join.onTrue(),
    )
    .selectAll('c')
    .select(['r.attestStart', 'r.attestEnd', sql<string>`count(*) over ()`.as('total')])
    .orderBy(sql`lower(c.family_name) collate "C"`)
    .orderBy(sql`lower(c.first_name) collate "C"`)
    .orderBy('c.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    clients: rows.map((row) => ({ client: toClient(row), startDate: row.attestStart as CalendarDate, endDate: row.attestEnd as CalendarDate })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/** How many clients "Mijn klanten" lists in all (only needed for a page past the last one). */
export async function countClientsWithRunningAttest(trx: Executor, organisationId: string, today: CalendarDate): Promise<number> {
  const row = await trx
    .selectFrom('attests as a')
    .select(sql<string>`count(distinct a.client_id)`.as('total'))
    .where('a.organisationId', '=', organisationId)
    .where(runsOn(today))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export type NewAttest = Omit<Attest, 'id' | 'version'> & { submittedBy: string | null; decidedBy: string | null };

export async function insert(trx: Executor, attest: NewAttest, at: Date): Promise<string> {
  const row = await trx
    .insertInto('attests')
    .values({
      clientId: attest.clientId,
      organisationId: attest.organisationId,
      regime: attest.regime,
      startDate: attest.startDate,
      endDate: attest.endDate,
      state: attest.state,
      approvedOn: attest.approvedOn,
      rejectionReason: attest.rejectionReason,
      submittedBy: attest.submittedBy,
      decidedBy: attest.decidedBy,
      submittedAt: at,
      decidedAt: attest.state === 'ingediend' ? null : at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const ATTEST_COLUMNS = ['a.id', 'a.clientId', 'a.organisationId', 'a.regime', 'a.startDate', 'a.endDate', 'a.state', 'a.approvedOn', 'a.rejectionReason', 'a.version'] as const;

/** The calendar dates of a selected attest row as the domain's dates. */
function toAttest<Row extends Pick<AttestRow, 'startDate' | 'endDate' | 'approvedOn'>>(row: Row) {
  return { ...row, startDate: row.startDate as CalendarDate, endDate: row.endDate as CalendarDate, approvedOn: row.approvedOn as CalendarDate | null };
}

/** A4: the attest, its row locked until the transaction ends (an extension moves its end). */
export async function findByIdForUpdate(trx: Executor, id: string): Promise<Attest | undefined> {
  const row = await trx.selectFrom('attests as a').select(ATTEST_COLUMNS).where('a.id', '=', id).forUpdate().executeTakeFirst();
  return row && toAttest(row);
}

/** A4: moves the end of an approved attest (and so its access period, A1). */
export async function moveEndDate(trx: Executor, id: string, from: CalendarDate, to: CalendarDate): Promise<boolean> {
  const result = await trx
    .updateTable('attests')
    .set((eb) => ({ endDate: to, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('state', '=', 'goedgekeurd')
    .where('endDate', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
