/**
 * J1: the automatic work as set-based statements. Each statement changes every due line and
 * writes one audit row per changed line, in one round trip: the UPDATE's RETURNING feeds the
 * INSERT into the audit log.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Executor } from './executor.ts';

/** Who sweeps (Systeem) and when, from the application's clock. */
export type SweptBy = Readonly<{ label: string; at: Date }>;

/** A line the sweep changed: what the webhooks of its organisation are told (issue 17). */
export type SweptLine = Readonly<{ stepId: string; clientId: string; organisationId: string; attestId: string | null; date: CalendarDate }>;

/** Any fixed 64-bit number of our own: the advisory lock that lets one instance sweep at a time. */
const SWEEP_LOCK_KEY = 7_342_119_001;

/** True when this transaction got the lock; another instance sweeping means false (skip). */
export async function tryLock(trx: Executor): Promise<boolean> {
  const result = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}::bigint) as locked`.execute(trx);
  return result.rows[0]?.locked === true;
}

/**
 * The common tables that follow a `done` table of ended Outplacement lines (O8, O9): their open
 * stop requests lapse, as Systeem, and each lapse is written to the audit log.
 */
function lapseStopRequestsOfDone(by: SweptBy) {
  const { label: systemLabel, at } = by;
  return sql`lapsed as (
      update stop_requests
         set state = 'vervallen', handled_by_label = ${systemLabel}, handled_at = ${at}
       where state = 'open' and step_id in (select id from done)
      returning id, step_id
    ), lapsed_logged as (
      insert into audit_events (occurred_at, actor_user_id, actor_label, organisation_id, action, client_id, details)
      select ${at}::timestamptz, null, ${systemLabel}, done.organisation_id, 'stopverzoek.vervallen', done.client_id,
             jsonb_build_object('stepId', done.id, 'stepType', 'Outplacement', 'requestId', lapsed.id)
        from lapsed join done on done.id = lapsed.step_id
    )`;
}

/**
 * O9: Bezig Outplacement lines with end_date <= cutoff become Uitgevoerd, as Systeem, dated on
 * their completion day (end + 1 month; PostgreSQL clamps to the month's end as the domain does).
 */
export async function completeDueOutplacements(trx: Executor, cutoff: CalendarDate, by: SweptBy): Promise<SweptLine[]> {
  const completionDay = sql`(end_date + interval '1 month')::date`;
  return endOutplacements(trx, by, sql`end_date <= ${cutoff}::date`, {
    set: sql`state = 'uitgevoerd', date = ${completionDay}, ended_on = ${completionDay}`,
    kept: sql`end_date`,
    details: sql`'new', 'Uitgevoerd', 'endDate', end_date, 'automatic', true`,
  });
}

/**
 * O8 (amended, issue 15 defect 5): Bezig Outplacement lines whose planned stop day has come become
 * Stopgezet, as Systeem, dated on the planned day (also when the sweep runs later than that day),
 * which is also the day the summary window (O10) counts from. An open stop request lapses.
 */
export async function stopPlannedOutplacements(trx: Executor, today: CalendarDate, by: SweptBy): Promise<SweptLine[]> {
  return endOutplacements(trx, by, sql`planned_stop_date <= ${today}::date`, {
    set: sql`state = 'stopgezet', date = planned_stop_date, ended_on = planned_stop_date, planned_stop_date = null`,
    kept: sql`date`,
    details: sql`'new', 'Stopgezet', 'stopDate', date, 'automatic', true, 'plannedStop', true`,
  });
}

/**
 * The Bezig Outplacement lines that are `due` end (O8, O9): `change.set` is their new state and
 * dates, `change.kept` the column the audit details read; their open stop requests lapse.
 */
async function endOutplacements(
  trx: Executor,
  by: SweptBy,
  due: RawBuilder<unknown>,
  change: { set: RawBuilder<unknown>; kept: RawBuilder<unknown>; details: RawBuilder<unknown> },
): Promise<SweptLine[]> {
  const { label: systemLabel, at } = by;
  const done = sql`done as (
      update steps
         set ${change.set},
             version = version + 1, updated_by_label = ${systemLabel}, updated_at = ${at}
       where step_type_code = 'outplacement' and state = 'bezig' and ${due}
      returning id, client_id, organisation_id, attest_id, date as ended_date, ${change.kept}
    ), ${lapseStopRequestsOfDone(by)}`;
  return logEachDone(trx, by, done, {
    action: 'stap.gewijzigd',
    details: sql`jsonb_build_object('stepId', id, 'stepType', 'Outplacement', 'field', 'toestand',
                                'old', 'Bezig', ${change.details})`,
  });
}

/** O10: end-state lines whose 14-day summary window ended before today become read-only. */
export async function closeSummaryWindows(trx: Executor, endedOnOrBefore: CalendarDate, by: SweptBy): Promise<number> {
  const { label: systemLabel, at } = by;
  const done = sql`done as (
      update steps
         set summary_closed = true, version = version + 1, updated_by_label = ${systemLabel}, updated_at = ${at}
       where summary_closed = false and ended_on is not null and ended_on <= ${endedOnOrBefore}::date
      returning id, client_id, organisation_id
    )`;
  return (await logEachDone(trx, by, done, { action: 'stap.samenvatting-afgesloten', details: sql`jsonb_build_object('stepId', id)` })).length;
}

/**
 * Runs `done` (common tables, the first named `done`, returning the changed steps' id, client_id,
 * organisation_id, and for ended lines attest_id and ended_date) and writes one audit row per changed
 * step, as Systeem, in the same statement. Answers the changed steps.
 */
async function logEachDone(trx: Executor, by: SweptBy, done: RawBuilder<unknown>, log: { action: string; details: RawBuilder<unknown> }): Promise<SweptLine[]> {
  const { label: systemLabel, at } = by;
  const result = await sql<{ id: string; clientId: string; organisationId: string; attestId: string | null; date: string | null }>`
    with ${done}, logged as (
      insert into audit_events (occurred_at, actor_user_id, actor_label, organisation_id, action, client_id, details)
      select ${at}::timestamptz, null, ${systemLabel}, organisation_id, ${log.action}, client_id,
             ${log.details}
        from done
      returning 1
    )
    select done.id, done.client_id, done.organisation_id, to_jsonb(done) ->> 'attest_id' as attest_id, to_jsonb(done) ->> 'ended_date' as date
      from done order by done.id`.execute(trx);
  return result.rows.map((r) => ({ stepId: r.id, clientId: r.clientId, organisationId: r.organisationId, attestId: r.attestId, date: (r.date ?? '') as CalendarDate }));
}
