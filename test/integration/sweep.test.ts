/**
 * J1: the sweep completes due Outplacement lines (O9) and closes summary windows (O10), once
 * per line, also when two application instances share one PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import type { StepState } from '../../src/domain/steps/step.ts';
import { createDatabase, type Database } from '../../src/db/database.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import * as sweepRepository from '../../src/db/repositories/sweep.ts';
import { settableClock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { temporaryBlobStore, type TemporaryBlobStore } from '../support/blob-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { aClient, allowedStepTypes, anOrganisation, anOutplacementStep, aStep, aUser, type StepRowOptions, type TestOrganisation, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase } from '../support/test-app.ts';

/** 28/02/2026 11:00 in Brussels: lines ending 28/01 up to 31/01 all complete today. */
const SWEEP_DAY = new Date('2026-02-28T10:00:00Z');
const d = (iso: string): CalendarDate => iso as CalendarDate;

type Owner = Readonly<{ organisation: TestOrganisation; createdBy: TestUser }>;

async function anOwner(db: Database): Promise<Owner> {
  const organisation = await anOrganisation(db);
  await allowedStepTypes(db, organisation);
  return { organisation, createdBy: await aUser(db, 'begeleider', organisation) };
}

/** A line of its own client (one Bezig Outplacement per client and organisation). */
async function aLine(db: Database, owner: Owner, options: StepRowOptions): Promise<string> {
  const client = await aClient(db);
  return aStep(db, { clientId: client.id, ...owner }, options);
}

type Row = Readonly<{ state: StepState; date: string; startDate: string; endedOn: string | null; summaryClosed: boolean; version: number; updatedBy: string }>;

async function rowOf(db: Database, stepId: string): Promise<Row> {
  const row = await db
    .selectFrom('steps')
    .select(['state', 'date', 'startDate', 'endedOn', 'summaryClosed', 'version', 'updatedByLabel'])
    .where('id', '=', stepId)
    .executeTakeFirstOrThrow();
  return {
    state: row.state,
    date: row.date,
    startDate: row.startDate,
    endedOn: row.endedOn,
    summaryClosed: row.summaryClosed,
    version: row.version,
    updatedBy: row.updatedByLabel,
  };
}

type AuditOfStep = Readonly<{ action: string; actorUserId: string | null; actorLabel: string; details: Record<string, unknown> }>;

async function auditOf(db: Database, stepId: string, action: string): Promise<AuditOfStep[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['action', 'actorUserId', 'actorLabel', 'details'])
    .where('action', '=', action)
    .where(sql<string>`details->>'stepId'`, '=', stepId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ action: r.action, actorUserId: r.actorUserId, actorLabel: r.actorLabel, details: r.details }));
}

async function countAudit(db: Database): Promise<number> {
  const row = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** The end dates of the data set and the day each line completes (end + 1 month, clamped). */
const DUE: readonly [end: string, completion: string][] = [
  ['2026-01-27', '2026-02-27'], // completion yesterday
  ['2026-01-28', '2026-02-28'], // completion today
  ['2026-01-29', '2026-02-28'], // 29/01 + 1 month clamps to 28/02
  ['2026-01-30', '2026-02-28'],
  ['2026-01-31', '2026-02-28'], // the 31/01 → 28/02 boundary
];
const NOT_DUE: readonly string[] = [
  '2026-02-01', // completion tomorrow, 01/03
  '2026-02-27', // completion 27/03
];

type DataSet = Readonly<{
  due: ReadonlyMap<string, { end: string; completion: string }>;
  notDue: ReadonlyMap<string, string>;
  /** Lines the sweep must not complete: other states or types. */
  untouched: readonly string[];
  stoppedOn20Feb: string;
  /** End-state lines whose window closes today (ended 15 days ago, 13/02). */
  closing: readonly string[];
  /** Ended 14 days ago (14/02): the window stays open today. */
  stillOpen: string;
  alreadyClosed: string;
}>;

async function aDataSet(db: Database): Promise<DataSet> {
  const owner = await anOwner(db);
  const start = d('2025-08-01');
  const due = new Map<string, { end: string; completion: string }>();
  for (const [end, completion] of DUE) due.set(await aLine(db, owner, { startDate: start, endDate: d(end) }), { end, completion });
  const notDue = new Map<string, string>();
  for (const end of NOT_DUE) notDue.set(await aLine(db, owner, { startDate: start, endDate: d(end) }), end);

  const stoppedOn20Feb = await aLine(db, owner, { startDate: start, endDate: d('2026-01-10'), state: 'stopgezet', date: d('2026-02-20') });
  const untouched = [
    stoppedOn20Feb,
    await aLine(db, owner, { startDate: start, endDate: d('2026-01-10'), state: 'geannuleerd', date: d('2025-09-01') }),
    await aLine(db, owner, { typeCode: 'begeleidingstraject', startDate: start, endDate: null }),
  ];
  const closing = [
    await aLine(db, owner, { startDate: start, endDate: d('2026-01-31'), state: 'stopgezet', date: d('2026-02-13') }),
    await aLine(db, owner, { startDate: start, endDate: d('2026-01-13'), state: 'uitgevoerd', date: d('2026-02-13') }),
    await aLine(db, owner, { typeCode: 'begeleidingstraject', startDate: start, state: 'uitgevoerd', date: d('2026-02-13') }),
  ];
  const stillOpen = await aLine(db, owner, { startDate: start, endDate: d('2026-03-31'), state: 'stopgezet', date: d('2026-02-14') });
  const alreadyClosed = await aLine(db, owner, { startDate: start, endDate: d('2025-11-30'), state: 'uitgevoerd', date: d('2025-12-30'), summaryClosed: true });
  return { due, notDue, untouched, stoppedOn20Feb, closing, stillOpen, alreadyClosed };
}

describeOnEachDatabase(
  'sweep',
  async (t) => {
    t.clock.set(SWEEP_DAY);
    return { set: await aDataSet(t.db) };
  },
  (get) => {
    let before: Map<string, Row>;
    let first: Awaited<ReturnType<Services['sweep']['run']>>;
    let auditBefore: number;

    describe('a run on 28/02/2026', () => {
      // The one run the tests below look at.
      it('J1 the sweep runs and reports what it changed', async () => {
        const { db, services, data } = get();
        const ids = [...data.set.due.keys(), ...data.set.notDue.keys(), ...data.set.untouched, ...data.set.closing, data.set.stillOpen, data.set.alreadyClosed];
        before = new Map();
        for (const id of ids) before.set(id, await rowOf(db, id));
        auditBefore = await countAudit(db);
        first = await services.sweep.run();
        assert.deepEqual(first, { ran: true, stopped: 0, completed: DUE.length, windowsClosed: data.set.closing.length });
      });

      it('J1 exactly the due lines become Uitgevoerd, dated on their completion day (yesterday, today, 31/01 → 28/02)', async () => {
        const { db, data } = get();
        for (const [id, { end, completion }] of data.set.due) {
          const was = before.get(id);
          assert.deepEqual(
            await rowOf(db, id),
            { ...was, state: 'uitgevoerd', date: completion, endedOn: completion, version: (was?.version ?? 0) + 1, updatedBy: 'Systeem' },
            `end ${end}`,
          );
        }
      });

      it('J1 lines not yet due (tomorrow and later), other states and plain types stay as they were', async () => {
        const { db, data } = get();
        for (const id of [...data.set.notDue.keys(), ...data.set.untouched]) {
          assert.deepEqual(await rowOf(db, id), before.get(id), `line ${data.set.notDue.get(id) ?? id}`);
          assert.deepEqual(await auditOf(db, id, 'stap.gewijzigd'), []);
        }
      });

      it('J1 one stap.gewijzigd row per completed line, by Systeem without a user', async () => {
        const { db, data } = get();
        for (const [id, { end }] of data.set.due) {
          const rows = await auditOf(db, id, 'stap.gewijzigd');
          assert.deepEqual(
            rows.map((r) => [r.actorLabel, r.actorUserId, r.details['field'], r.details['old'], r.details['new']]),
            [['Systeem', null, 'toestand', 'Bezig', 'Uitgevoerd']],
            `end ${end}`,
          );
        }
      });

      it('J1/O10 end-state lines that ended 15 days ago lose their summary window, one row each; 14 days ago stays open', async () => {
        const { db, data } = get();
        for (const id of data.set.closing) {
          const row = await rowOf(db, id);
          assert.equal(row.summaryClosed, true);
          assert.equal(row.state, before.get(id)?.state, 'closing the window does not change the state');
          const rows = await auditOf(db, id, 'stap.samenvatting-afgesloten');
          assert.deepEqual(
            rows.map((r) => [r.actorLabel, r.actorUserId]),
            [['Systeem', null]],
          );
        }
        assert.equal((await rowOf(db, data.set.stillOpen)).summaryClosed, false);
        assert.deepEqual(await auditOf(db, data.set.stillOpen, 'stap.samenvatting-afgesloten'), []);
        assert.deepEqual(await auditOf(db, data.set.alreadyClosed, 'stap.samenvatting-afgesloten'), []);
        assert.deepEqual(await rowOf(db, data.set.alreadyClosed), before.get(data.set.alreadyClosed));
        for (const id of data.set.due.keys()) assert.equal((await rowOf(db, id)).summaryClosed, false, 'completed today or yesterday: window open');
      });

      it('J1 the run wrote exactly one audit row per changed line', async () => {
        assert.equal((await countAudit(get().db)) - auditBefore, first.completed + first.windowsClosed);
      });

      it('J1 a second run changes nothing: completed 0, no new audit rows', async () => {
        const { db, services, data } = get();
        const rows = new Map<string, Row>();
        for (const id of before.keys()) rows.set(id, await rowOf(db, id));
        const audit = await countAudit(db);
        assert.deepEqual(await services.sweep.run(), { ran: true, stopped: 0, completed: 0, windowsClosed: 0 });
        assert.equal(await countAudit(db), audit);
        for (const [id, row] of rows) assert.deepEqual(await rowOf(db, id), row, `line ${data.set.notDue.get(id) ?? id}`);
      });
    });

    describe('the days after', () => {
      it('J1 on 01/03 the line ending 01/02 completes and the window of 14/02 closes', async () => {
        const { db, services, clock, data } = get();
        clock.set(new Date('2026-03-01T10:00:00Z'));
        const [firstOfFeb] = [...data.set.notDue].find(([, end]) => end === '2026-02-01') ?? [];
        assert.ok(firstOfFeb !== undefined);
        assert.deepEqual(await services.sweep.run(), { ran: true, stopped: 0, completed: 1, windowsClosed: 1 });
        const row = await rowOf(db, firstOfFeb);
        assert.equal(row.state, 'uitgevoerd');
        assert.equal(row.date, '2026-03-01');
        assert.equal((await rowOf(db, data.set.stillOpen)).summaryClosed, true);
      });

      it('O10 a line completed on 27/02 closes on 14/03 (day 15); lines completed on 28/02 stay open (day 14)', async () => {
        const { db, services, clock, data } = get();
        clock.set(new Date('2026-03-14T10:00:00Z'));
        const result = await services.sweep.run();
        assert.deepEqual(result, { ran: true, stopped: 0, completed: 0, windowsClosed: 2 });
        for (const [id, { completion }] of data.set.due) {
          assert.equal((await rowOf(db, id)).summaryClosed, completion === '2026-02-27', `completed ${completion}`);
        }
        assert.equal((await rowOf(db, data.set.stoppedOn20Feb)).summaryClosed, true);
      });
    });
  },
);

/** A Bezig Outplacement line with a stop planned for `on` (written past the use case, as the adviseur's plan leaves it). */
async function aPlannedStop(db: Database, owner: Owner, on: CalendarDate): Promise<string> {
  const id = await aLine(db, owner, { startDate: d('2026-01-05'), endDate: d('2026-06-30') });
  await db.updateTable('steps').set({ plannedStopDate: on }).where('id', '=', id).execute();
  return id;
}

describeOnEachDatabase(
  'sweep of planned stops',
  async (t) => {
    t.clock.set(new Date('2026-03-09T10:00:00Z'));
    const owner = await anOwner(t.db);
    return {
      yesterday: await aPlannedStop(t.db, owner, d('2026-03-09')),
      tomorrow: await aPlannedStop(t.db, owner, d('2026-03-10')),
      endDate: await aPlannedStop(t.db, owner, d('2026-06-30')),
    };
  },
  (get) => {
    it('issue 15 defect 5: J1 a planned stop is not done the day before its date', async () => {
      const { db, services, clock, data } = get();
      clock.set(new Date('2026-03-08T22:59:00Z')); // 23:59 on 08/03 in Brussels
      assert.deepEqual(await services.sweep.run(), { ran: true, stopped: 0, completed: 0, windowsClosed: 0 });
      for (const id of [data.yesterday, data.tomorrow, data.endDate]) assert.equal((await rowOf(db, id)).state, 'bezig');
    });

    it('issue 15 defect 5: J1 on the planned day the sweep sets Stopgezet, as Systeem, dated on that day, once; later plans stay Bezig', async () => {
      const { db, services, clock, data } = get();
      clock.set(new Date('2026-03-09T23:30:00Z')); // 00:30 on 10/03 in Brussels: the plan of 09/03 is a day late
      assert.deepEqual(await services.sweep.run(), { ran: true, stopped: 2, completed: 0, windowsClosed: 0 });
      for (const [id, day] of [[data.yesterday, '2026-03-09'], [data.tomorrow, '2026-03-10']] as const) {
        const row = await rowOf(db, id);
        assert.deepEqual([row.state, row.date, row.endedOn, row.updatedBy], ['stopgezet', day, day, 'Systeem'], `planned for ${day}`);
        const logged = await auditOf(db, id, 'stap.gewijzigd');
        assert.deepEqual(
          logged.map((r) => [r.actorUserId, r.actorLabel, r.details['field'], r.details['old'], r.details['new'], r.details['plannedStop']]),
          [[null, 'Systeem', 'toestand', 'Bezig', 'Stopgezet', true]],
        );
      }
      const planned = await db.selectFrom('steps').select(['state', 'plannedStopDate']).where('id', '=', data.endDate).executeTakeFirstOrThrow();
      assert.deepEqual([planned.state, planned.plannedStopDate], ['bezig', '2026-06-30']);
      assert.deepEqual(await services.sweep.run(), { ran: true, stopped: 0, completed: 0, windowsClosed: 0 }, 'a second run changes nothing');
    });

    it('issue 15 defect 5: J1 a plan on the end date stops the line that day, before its automatic completion', async () => {
      const { db, services, clock, data } = get();
      clock.set(new Date('2026-06-30T08:00:00Z'));
      const result = await services.sweep.run();
      assert.equal(result.stopped, 1);
      const row = await rowOf(db, data.endDate);
      assert.deepEqual([row.state, row.date, row.endedOn], ['stopgezet', '2026-06-30', '2026-06-30']);
    });
  },
);

const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];

describe('sweep on two application instances [postgres]', { skip: TEST_DATABASE_URL === undefined ? 'TEST_DATABASE_URL is not set' : false }, () => {
  let database: TestDatabase;
  let secondDb: Database;
  let one: Services;
  let two: Services;
  let blobs: TemporaryBlobStore | undefined;
  const clock = settableClock(SWEEP_DAY);

  before(async () => {
    database = await createTestDatabase('postgres');
    assert.equal(database.target.kind, 'postgres');
    // The second instance: its own pool on the same database, its own services, the same time.
    secondDb = createDatabase(database.target);
    blobs = temporaryBlobStore();
    one = createServices(database.db, createRepositories(), clock, blobs.storage);
    two = createServices(secondDb, createRepositories(), clock, blobs.storage);
  });

  after(async () => {
    await secondDb.destroy();
    await database.drop();
    blobs?.remove();
  });

  async function dueLines(owner: Owner, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const client = await aClient(database.db);
      ids.push(await anOutplacementStep(database.db, { clientId: client.id, ...owner }, { startDate: d('2025-08-01'), endDate: d(DUE[i % DUE.length]?.[0] ?? '2026-01-31') }));
    }
    return ids;
  }

  it('J1 both sweeps at the same moment: every due line completed once, one audit row each, counts add up', async () => {
    const owner = await anOwner(database.db);
    const notDue = await aLine(database.db, owner, { startDate: d('2025-08-01'), endDate: d('2026-02-01') });
    for (let round = 0; round < 5; round++) {
      const ids = await dueLines(owner, 40);
      const [a, b] = await Promise.all([one.sweep.run(), two.sweep.run()]);
      assert.equal(a.completed + b.completed, ids.length, `round ${round}: ${JSON.stringify([a, b])}`);
      const counts = await database.db
        .selectFrom('audit_events')
        .select([sql<string>`details->>'stepId'`.as('step_id'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('action', '=', 'stap.gewijzigd')
        .where(sql<string>`details->>'stepId'`, 'in', ids)
        .groupBy(sql`details->>'stepId'`)
        .execute();
      assert.equal(counts.length, ids.length, `round ${round}: every line logged`);
      assert.deepEqual(new Set(counts.map((c) => c.n)), new Set([1]), `round ${round}: once per line`);
      const states = await database.db.selectFrom('steps').select(['state', 'version']).where('id', 'in', ids).execute();
      assert.ok(
        states.every((s) => s.state === 'uitgevoerd' && s.version === 2),
        `round ${round}: completed once each`,
      );
    }
    assert.equal((await rowOf(database.db, notDue)).state, 'bezig');
  });

  it('J1 an instance skips the sweep while another holds the sweep lock, and runs once it is released', async () => {
    const owner = await anOwner(database.db);
    const ids = await dueLines(owner, 3);
    await secondDb.transaction().execute(async (trx) => {
      assert.equal(await sweepRepository.tryLock(trx), true);
      assert.deepEqual(await one.sweep.run(), { ran: false, stopped: 0, completed: 0, windowsClosed: 0 });
    });
    for (const id of ids) assert.equal((await rowOf(database.db, id)).state, 'bezig');
    assert.deepEqual(await one.sweep.run(), { ran: true, stopped: 0, completed: 3, windowsClosed: 0 });
  });
});
