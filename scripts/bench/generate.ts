/**
 * The bench data, generated set-based (INSERT ... SELECT over generate_series, one statement
 * per table) on a freshly migrated database:
 *
 * - two partner organisations with two offices each, every step type allowed for both;
 * - one begeleider of partner 1 (argon2id hash through the application's hashPassword);
 * - 100,000 clients with valid INSZ numbers; client 1 is "the bench client" (exactly 20 steps);
 * - per client an approved partner 1 attest running today (so A1 lets the begeleider in),
 *   an older partner 1 attest that ended in the past (the one the due Outplacement line
 *   belongs to), and for even clients a running partner 2 attest;
 * - 1,000,000 steps, 10 per client on average (6 to 14; the bench client 20):
 *   slot 0 of every client is a Bezig Outplacement line of partner 1 that is due for the sweep
 *   (exactly 100,000), slot 1 of even clients a Bezig Outplacement line of partner 2 that is not
 *   due (50,000), the other slots plain types in any state and finished Outplacement lines.
 *
 * Constraints hold by construction: one Bezig Outplacement per (client, organisation) (the
 * unique partial index), ended_on set iff the state is Uitgevoerd or Stopgezet. Finished lines
 * are old with their summary window closed, except a few recent ones whose window is still open,
 * so the sweep's second statement (O10) finds nothing to close and every audit row it writes
 * belongs to a completed line. Due lines complete within the last 13 days for the same reason.
 */
import pg from 'pg';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import { lastDueEndDate } from '../../src/domain/steps/dates.ts';
import { createDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { hashPassword } from '../../src/services/auth/passwords.ts';
import { count } from './database.ts';

/** The attests of the third partner, whose begeleider opens "Mijn klanten" (issue 16). */
export const PARTNER3_ATTESTS = 2_000;

/**
 * BENCH_CLIENTS (default 100,000): the size of the data. Steps are 10 per client and one line per
 * client is due; the step formula below needs (clients - 1) divisible by 9, e.g. 10,000 or 100,000.
 */
function benchClients(raw = process.env['BENCH_CLIENTS']?.trim() ?? ''): number {
  const clients = raw === '' ? 100_000 : Number(raw);
  if (!Number.isInteger(clients) || clients < PARTNER3_ATTESTS || (clients - 1) % 9 !== 0) {
    throw new Error(`BENCH_CLIENTS must be a whole number >= ${PARTNER3_ATTESTS} with (clients - 1) divisible by 9 (e.g. 10000, 100000), got "${raw}"`);
  }
  return clients;
}

export const CLIENTS = benchClients();
export const STEPS = 10 * CLIENTS;
export const DUE = CLIENTS;
export const BENCH_CLIENT_STEPS = 20;

export const BENCH_USER = Object.freeze({ email: 'begeleider@bench.example', password: 'bench-wachtwoord-2025!' });
/** The begeleider of the third partner, which has PARTNER3_ATTESTS running attests: "Mijn klanten". */
export const BENCH_USER_PARTNER3 = Object.freeze({ email: 'begeleider3@bench.example', password: 'bench-wachtwoord-2025!' });

export type Generated = Readonly<{
  today: CalendarDate;
  cutoff: CalendarDate;
  benchClientId: string;
  timings: readonly { phase: string; ms: number }[];
  totalMs: number;
  counts: Readonly<{ clients: number; attests: number; steps: number; due: number; notDueRunning: number; benchClientSteps: number }>;
}>;

export async function migrate(url: string): Promise<number> {
  const started = performance.now();
  const db = createDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return performance.now() - started;
}

export async function generate(url: string, today: CalendarDate, progress: (line: string) => void): Promise<Generated> {
  const cutoff = lastDueEndDate(today);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const timings: { phase: string; ms: number }[] = [];
  const started = performance.now();
  const phase = async (name: string, work: () => Promise<unknown>): Promise<void> => {
    progress(`  ${name} ...`);
    const t0 = performance.now();
    await work();
    timings.push({ phase: name, ms: performance.now() - t0 });
  };
  try {
    const ids = { org1: '', org2: '', org3: '', office1a: '', office1b: '', office2a: '', office2b: '', user: '' };
    await phase('organisations, offices, step types, user', async () => {
      const passwordHash = await hashPassword(BENCH_USER.password);
      const orgs = await client.query<{ id: string; name: string }>(
        `insert into organisations (name, kind, created_at) values ('Bench Partner Een', 'partner', now()), ('Bench Partner Twee', 'partner', now()) returning id, name`,
      );
      ids.org1 = idOf(orgs.rows, 'Bench Partner Een');
      ids.org2 = idOf(orgs.rows, 'Bench Partner Twee');
      const offices = await client.query<{ id: string; name: string }>(
        `insert into offices (organisation_id, name, code, created_at) values
           ($1, 'Bench Een Antwerpen', 'BE1-ANT', now()), ($1, 'Bench Een Gent', 'BE1-GNT', now()),
           ($2, 'Bench Twee Leuven', 'BE2-LEU', now()), ($2, 'Bench Twee Brugge', 'BE2-BRU', now())
         returning id, name`,
        [ids.org1, ids.org2],
      );
      ids.office1a = idOf(offices.rows, 'Bench Een Antwerpen');
      ids.office1b = idOf(offices.rows, 'Bench Een Gent');
      ids.office2a = idOf(offices.rows, 'Bench Twee Leuven');
      ids.office2b = idOf(offices.rows, 'Bench Twee Brugge');
      await client.query(
        `insert into organisation_step_types (organisation_id, step_type_code)
         select o.id, t.code from step_types t cross join (values ($1::uuid), ($2::uuid)) as o(id)`,
        [ids.org1, ids.org2],
      );
      const user = await client.query<{ id: string }>(
        `insert into users (email, display_name, role, organisation_id, office_id, password_hash, created_at)
         values ($1, 'Bench Begeleider', 'begeleider', $2, $3, $4, now()) returning id`,
        [BENCH_USER.email, ids.org1, ids.office1a, passwordHash],
      );
      ids.user = user.rows[0]?.id ?? fail('user id');
      const third = await client.query<{ id: string }>(`insert into organisations (name, kind, created_at) values ('Bench Partner Drie', 'partner', now()) returning id`);
      ids.org3 = third.rows[0]?.id ?? fail('partner 3 id');
      await client.query(
        `insert into users (email, display_name, role, organisation_id, password_hash, created_at)
         values ($1, 'Bench Begeleider Drie', 'begeleider', $2, $3, now())`,
        [BENCH_USER_PARTNER3.email, ids.org3, passwordHash],
      );
    });

    // Bulk load as pg_restore does: foreign keys are checked by triggers, one lookup per key per
    // row (5 million for the steps, about 3x the load time); with the role "replica" those
    // triggers stay off and one set-based check afterwards proves the references instead.
    // Needs a superuser; without one the triggers simply run.
    const triggersOff = await client.query('set session_replication_role = replica').then(
      () => true,
      () => false,
    );
    await phase(`${fmt(CLIENTS)} clients`, () => client.query(CLIENTS_SQL, [CLIENTS]));
    await phase('attests (running, ended, partner 2)', () => client.query(ATTESTS_SQL, [CLIENTS, today, cutoff, ids.org1, ids.org2]));
    await phase(`${fmt(PARTNER3_ATTESTS)} running attests of partner 3`, () => client.query(PARTNER3_ATTESTS_SQL, [PARTNER3_ATTESTS, today, ids.org3]));
    await phase(`${fmt(STEPS)} steps`, () =>
      client.query(STEPS_SQL, [
        CLIENTS,
        today,
        cutoff,
        ids.org1,
        ids.org2,
        ids.office1a,
        ids.office1b,
        ids.office2a,
        ids.office2b,
        ids.user,
        BENCH_CLIENT_STEPS,
      ]),
    );
    if (triggersOff) {
      await client.query('reset session_replication_role');
      await phase('reference check (foreign keys)', () => checkReferences(client));
    }
    // VACUUM sets hint bits and the visibility map as autovacuum would have on a live database;
    // ANALYZE gives the planner the statistics of 1,000,000 rows instead of an empty table.
    await phase('vacuum analyze', () => client.query('vacuum analyze'));

    const totalMs = performance.now() - started;
    const benchClientId = (await client.query<{ id: string }>(`select id from clients where family_name = 'Bench' and first_name = 'Klant'`)).rows[0]?.id;
    const counts = {
      clients: await count(client, 'select count(*) as n from clients'),
      attests: await count(client, 'select count(*) as n from attests'),
      steps: await count(client, 'select count(*) as n from steps'),
      due: await count(client, `select count(*) as n from steps where step_type_code = 'outplacement' and state = 'bezig' and end_date <= $1::date`, [cutoff]),
      notDueRunning: await count(client, `select count(*) as n from steps where step_type_code = 'outplacement' and state = 'bezig' and end_date > $1::date`, [cutoff]),
      benchClientSteps: await count(client, 'select count(*) as n from steps where client_id = $1', [benchClientId ?? fail('bench client')]),
    };
    const expected = { clients: CLIENTS, steps: STEPS, due: DUE, benchClientSteps: BENCH_CLIENT_STEPS };
    for (const [key, value] of Object.entries(expected)) {
      const actual = counts[key as keyof typeof expected];
      if (actual !== value) throw new Error(`generated data: ${key} is ${actual}, expected ${value}`);
    }
    return { today, cutoff, benchClientId: benchClientId ?? fail('bench client'), timings, totalMs, counts };
  } finally {
    await client.end();
  }
}

/** Client c: uuid from md5 (stable, so attests and steps refer to it without a join). */
const CLIENT_ID = `md5('client-' || c)::uuid`;

/**
 * Valid INSZ: births 1960-01-01 + (c mod 14000) days (all before 2000), serial 1 + c div 14000,
 * so (birth date, serial) is unique per client; check = 97 - (first nine digits mod 97).
 */
const CLIENTS_SQL = `
  insert into clients (id, insz, family_name, first_name, search_family_name, search_first_name, birth_date, email, phone, street, postcode, city, created_at)
  select ${CLIENT_ID},
         nine || lpad((97 - nine::bigint % 97)::text, 2, '0'),
         family, first, lower(family), lower(first),
         birth,
         'klant' || c || '@bench.example',
         '04' || lpad((c * 7919 % 100000000)::text, 8, '0'),
         'Stationsstraat ' || (1 + c % 250),
         (array['2000','9000','3000','8000','1000'])[1 + c % 5],
         (array['Antwerpen','Gent','Leuven','Brugge','Brussel'])[1 + c % 5],
         now()
    from generate_series(1, $1::int) as c,
         lateral (select date '1960-01-01' + (c % 14000) as birth) b,
         lateral (select to_char(birth, 'YYMMDD') || lpad((1 + c / 14000)::text, 3, '0') as nine) n,
         -- ASCII letters and spaces only, so lower() is their search form (domain/client-search.ts)
         lateral (select case when c = 1 then 'Bench' else (array['Peeters','Janssens','Maes','Jacobs','Mertens','Willems','Claes','Goossens',
              'Wouters','De Smet','Dubois','Lambert','Dupont','Hermans','Aerts','Desmet','Van den Broeck','Verhoeven','Michiels','Leroy'])[1 + c % 20] end as family,
                         case when c = 1 then 'Klant' else (array['An','Bart','Charlotte','Dirk','Els','Frank','Griet','Hans','Ilse','Jan',
              'Katrien','Luc','Marie','Nico','Olivia','Pieter','Rita','Stijn','Tine','Wim'])[1 + (c / 20) % 20] end as first) names`;

/** Partner 3 ("Mijn klanten" of its begeleider): a running attest for clients 1..$1, nothing else. */
const PARTNER3_ATTESTS_SQL = `
  insert into attests (id, client_id, organisation_id, regime, start_date, end_date, state, decided_at, approved_on, submitted_at)
  select md5('attest-p3-' || c)::uuid, ${CLIENT_ID}, $3::uuid, 'algemeen',
         ($2::date - interval '3 months')::date, ($2::date + interval '9 months')::date, 'goedgekeurd', now(), ($2::date - interval '3 months')::date, now()
    from generate_series(1, $1::int) as c`;

/** The ended partner 1 attest ends on the due line's end date: cutoff - (c mod 10) days. */
const ATTESTS_SQL = `
  with c as (select c from generate_series(1, $1::int) as c)
  insert into attests (id, client_id, organisation_id, regime, start_date, end_date, state, decided_at, approved_on, submitted_at)
  select md5('attest-run-' || c)::uuid, ${CLIENT_ID}, $4::uuid, 'algemeen',
         ($2::date - interval '6 months')::date, ($2::date + interval '6 months')::date, 'goedgekeurd', now(), ($2::date - interval '6 months')::date, now()
    from c
  union all
  select md5('attest-old-' || c)::uuid, ${CLIENT_ID}, $4::uuid, 'cao82',
         ($3::date - (c % 10) - interval '12 months')::date, $3::date - (c % 10), 'goedgekeurd', now(), ($3::date - (c % 10) - interval '12 months')::date, now()
    from c
  union all
  select md5('attest-p2-' || c)::uuid, ${CLIENT_ID}, $5::uuid, 'algemeen',
         ($2::date - interval '6 months')::date, $2::date + 1 + c % 365, 'goedgekeurd', now(), ($2::date - interval '6 months')::date, now()
    from c where c % 2 = 0`;

/**
 * Steps per client: 20 for client 1, else 10 + (c mod 9) - 4 (6..14; each residue occurs
 * equally often over clients 2..100000, so they add up to 999,990) minus one for clients 2..11:
 * 20 + 999,980 = 1,000,000.
 *
 * $1 clients, $2 today, $3 cutoff (last due end date), $4/$5 partner 1/2, $6-$9 offices,
 * $10 the begeleider, $11 steps of the bench client.
 */
const STEPS_SQL = `
  with per_client as (
    select c, case when c = 1 then $11::int else 10 + (c % 9) - 4 - (case when c between 2 and 11 then 1 else 0 end) end as n
      from generate_series(1, $1::int) as c
  ), slot as (
    select c, j,
           case when j = 0 then 'due' when j = 1 and c % 2 = 0 then 'running2' else 'other' end as kind,
           (c * 7 + j * 13) % 20 as r,
           (c + j) % 5 as t,
           case when (c + j) % 3 = 0 then 2 else 1 end as org
      from per_client, generate_series(0, n - 1) as j
  ), shaped as (
    select s.*, x.type_code, x.state, x.organisation
      from slot s,
      lateral (select
        case kind when 'other' then (array['outplacement','begeleidingstraject','opleiding','sollicitatietraining','jobcoaching'])[1 + t]
                  else 'outplacement' end as type_code,
        case kind when 'due' then 'bezig' when 'running2' then 'bezig'
                  else case when t = 0 then (case when r < 4 then 'geannuleerd' when r < 14 then 'uitgevoerd' else 'stopgezet' end)
                            else (case when r < 6 then 'bezig' when r < 10 then 'geannuleerd' when r < 15 then 'uitgevoerd' else 'stopgezet' end) end
        end as state,
        case kind when 'due' then 1 when 'running2' then 2 else org end as organisation) x
  ), dated as (
    select sh.*, e.ended_on, e.recent
      from shaped sh,
      lateral (select
        case when sh.state in ('uitgevoerd', 'stopgezet') then
               case when j = 2 and c % 10 = 0 then $2::date - (c / 10) % 14 else $2::date - 30 - (c * 3 + j * 11) % 700 end
        end as ended_on,
        j = 2 and c % 10 = 0 as recent) e
  )
  insert into steps (client_id, organisation_id, step_type_code, state, date, start_date, end_date, attest_id,
                     requester_office_id, executor_office_id, summary, ended_on, summary_closed, created_by, updated_by_label, created_at, updated_at)
  select ${CLIENT_ID},
         case organisation when 1 then $4::uuid else $5::uuid end,
         type_code, state, d.date, d.date,
         case when kind = 'due' then $3::date - (c % 10)
              when kind = 'running2' then $2::date + 1 + c % 365
              when type_code = 'outplacement' and state = 'uitgevoerd' then (ended_on - interval '1 month')::date
              when type_code = 'outplacement' then d.date + 365 end,
         case kind when 'due' then md5('attest-old-' || c)::uuid when 'running2' then md5('attest-p2-' || c)::uuid end,
         case organisation when 1 then (case when c % 2 = 0 then $6::uuid else $7::uuid end) else (case when c % 2 = 0 then $8::uuid else $9::uuid end) end,
         case organisation when 1 then (case when j % 2 = 0 then $6::uuid else $7::uuid end) else (case when j % 2 = 0 then $8::uuid else $9::uuid end) end,
         case when r % 4 = 0 then 'Gesprek gehad over de volgende stappen; afspraken genoteerd in het dossier.' else '' end,
         ended_on,
         ended_on is not null and not recent,
         case organisation when 1 then $10::uuid end,
         case organisation when 1 then 'Bench Begeleider' else 'Medewerker Bench Partner Twee' end,
         now(), now()
    from dated,
    lateral (select case
      when kind = 'due' then ($3::date - (c % 10) - interval '12 months')::date
      when kind = 'running2' then ($2::date - interval '6 months')::date + c % 30
      when ended_on is not null then ended_on - 60 - r * 5
      else $2::date - (c + j * 37) % 500 end as date) d`;

/** Every foreign key the bulk statements filled, checked set-based: a dangling one is an error. */
async function checkReferences(client: pg.Client): Promise<void> {
  const checks: readonly [string, string, string, string][] = [
    ['steps', 'client_id', 'clients', 'id'],
    ['steps', 'organisation_id', 'organisations', 'id'],
    ['steps', 'step_type_code', 'step_types', 'code'],
    ['steps', 'requester_office_id', 'offices', 'id'],
    ['steps', 'executor_office_id', 'offices', 'id'],
    ['steps', 'attest_id', 'attests', 'id'],
    ['steps', 'created_by', 'users', 'id'],
    ['attests', 'client_id', 'clients', 'id'],
    ['attests', 'organisation_id', 'organisations', 'id'],
  ];
  const query = checks
    .map(([table, column, target, key]) => `select '${table}.${column}' as fk, count(*) as n from ${table} x
        where x.${column} is not null and not exists (select 1 from ${target} y where y.${key} = x.${column})`)
    .join(' union all ');
  const dangling = (await client.query<{ fk: string; n: string }>(query)).rows.filter((row) => Number(row.n) > 0);
  if (dangling.length > 0) throw new Error(`bench data: dangling references ${dangling.map((row) => `${row.fk} (${row.n})`).join(', ')}`);
}

function idOf(rows: readonly { id: string; name: string }[], name: string): string {
  return rows.find((row) => row.name === name)?.id ?? fail(name);
}

function fail(what: string): never {
  throw new Error(`bench data: ${what} missing`);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
