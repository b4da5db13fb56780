/**
 * The use cases of the Outplacement line and the plain step types (O2–O13), through the real
 * services on a fresh database. Each test works in a dossier (client) of its own.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { addDays, addMonths, formatDate, type CalendarDate } from '../../src/domain/calendar-date.ts';
import type { Step, StepState } from '../../src/domain/steps/step.ts';
import type { Problem } from '../../src/domain/result.ts';
import type { Actor } from '../../src/domain/users.ts';
import type { Database } from '../../src/db/database.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { createServices } from '../../src/services/index.ts';
import { createFilesystemBlobStore } from '../../src/storage/filesystem-blob-store.ts';
import type { StepChangeInput } from '../../src/services/steps/step-changes-service.ts';
import type { Result } from '../../src/domain/result.ts';
import type { StepInput } from '../../src/services/steps/steps-service.ts';
import { DossierNotFoundError, ForbiddenError } from '../../src/services/errors.ts';
import {
  aClient,
  aFundingNumber,
  allowedStepTypes,
  aNamedUser,
  anAttest,
  anAttestForPeriod,
  anOffice,
  anOrganisation,
  type AttestVariant,
  type TestOrganisation,
} from '../support/factories.ts';
import { describeOnEachDatabase, TEST_NOW, type TestApp } from '../support/test-app.ts';

const TODAY = '2026-11-29' as CalendarDate;
const START = '2026-11-20' as CalendarDate;
const OPEN_STATES: readonly StepState[] = ['bezig', 'uitgevoerd', 'stopgezet'];
const ALL_STATES: readonly StepState[] = ['bezig', 'uitgevoerd', 'stopgezet', 'geannuleerd'];

type Data = Readonly<{
  /** Partner allowed Outplacement and Begeleidingstraject; two begeleiders. */
  a: TestOrganisation;
  officeA2: { id: string; label: string };
  fundA1: { id: string; code: string };
  fundA2: { id: string; code: string };
  anna: Actor;
  bart: Actor;
  /** Another partner, allowed Outplacement. */
  b: TestOrganisation;
  fundB: { id: string; code: string };
  bea: Actor;
  /** A partner allowed Outplacement only. */
  c: TestOrganisation;
  carl: Actor;
  /** The public service. */
  ilse: Actor;
}>;

async function actorOf(t: TestApp, user: { id: string }): Promise<Actor> {
  const actor = await t.services.auth.currentActor(user.id);
  assert.ok(actor !== undefined, 'the test user is active');
  return actor;
}

async function setup(t: TestApp): Promise<Data> {
  const { db } = t;
  const a = await anOrganisation(db);
  const b = await anOrganisation(db);
  const c = await anOrganisation(db);
  const dienst = await anOrganisation(db, { kind: 'dienst', name: 'Dienst' });
  await allowedStepTypes(db, a);
  await allowedStepTypes(db, b, ['outplacement']);
  await allowedStepTypes(db, c, ['outplacement']);
  return {
    a,
    officeA2: await anOffice(db, a),
    fundA1: await aFundingNumber(db, a),
    fundA2: await aFundingNumber(db, a),
    anna: await actorOf(t, await aNamedUser(db, 'begeleider', a, 'Anna Peeters')),
    bart: await actorOf(t, await aNamedUser(db, 'begeleider', a, 'Bart Claes')),
    b,
    fundB: await aFundingNumber(db, b),
    bea: await actorOf(t, await aNamedUser(db, 'begeleider', b, 'Bea Maes')),
    c,
    carl: await actorOf(t, await aNamedUser(db, 'begeleider', c, 'Carl Wouters')),
    ilse: await actorOf(t, await aNamedUser(db, 'interventieadviseur', dienst, 'Ilse Janssens')),
  };
}

/** A new client with the given attest for each organisation; running for A by default. */
async function aDossier(t: TestApp & { data: Data }, attests: readonly [TestOrganisation, AttestVariant][] = [[t.data.a, 'running']]): Promise<string> {
  const client = await aClient(t.db);
  for (const [organisation, variant] of attests) await anAttest(t.db, variant, { clientId: client.id, organisationId: organisation.id }, TODAY);
  return client.id;
}

function input(t: TestApp & { data: Data }, overrides: Partial<StepInput> = {}): StepInput {
  const { a, fundA1 } = t.data;
  return {
    date: START,
    fundingNumberId: fundA1.id,
    requesterOfficeId: a.officeId,
    executorOfficeId: a.officeId,
    summary: 'Verwachte einddatum: 29/04/2027.',
    ...overrides,
  };
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) assert.fail(`expected success, got ${JSON.stringify(result.problems)}`);
  return result.value;
}

function problemsOf(result: Result<unknown>): Problem[] {
  if (result.ok) assert.fail('expected problems, got success');
  return result.problems;
}

async function registerOutplacement(t: TestApp & { data: Data }, clientId: string, overrides: Partial<StepInput> = {}, actor = t.data.anna): Promise<string> {
  return valueOf(await t.services.steps.register(actor, clientId, 'outplacement', input(t, overrides))).stepId;
}

async function stepOf(t: TestApp & { data: Data }, clientId: string, stepId: string, actor = t.data.anna): Promise<Step> {
  return (await t.services.steps.detail(actor, clientId, stepId)).step;
}

/** A new dossier (A's attest running; `shared`: B's too) with a Bezig Outplacement line Anna registered, as she reads it. */
async function aBezigLine(
  t: TestApp & { data: Data },
  { shared = false, overrides = {} }: { shared?: boolean; overrides?: Partial<StepInput> } = {},
): Promise<{ clientId: string; stepId: string; step: Step }> {
  const clientId = await aDossier(t, shared ? [[t.data.a, 'running'], [t.data.b, 'running']] : undefined);
  const stepId = await registerOutplacement(t, clientId, overrides);
  return { clientId, stepId, step: await stepOf(t, clientId, stepId) };
}

/** The change input that leaves the line as it is. */
function unchanged(step: Step): StepChangeInput {
  return {
    version: step.version,
    state: step.state,
    date: step.date,
    fundingNumberId: step.fundingNumber?.id ?? null,
    executorOfficeId: step.executor.id,
    summary: step.summary,
  };
}

/** Each caller waits until the other one arrived too, or until `ms` passed. */
function twoPartyMeeting(ms: number): () => Promise<void> {
  let count = 0;
  let release: () => void = () => undefined;
  const bothThere = new Promise<void>((resolve) => {
    release = resolve;
  });
  return async () => {
    count++;
    if (count >= 2) release();
    await Promise.race([bothThere, new Promise((resolve) => setTimeout(resolve, ms))]);
  };
}

async function countSteps(db: Database): Promise<number> {
  const row = await db.selectFrom('steps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

type StepAuditRow = Readonly<{ action: string; actorUserId: string | null; actorLabel: string; details: Record<string, unknown> }>;

/** The audit rows about one step, oldest first, optionally of one action. */
async function auditOfStep(db: Database, stepId: string, action?: string): Promise<StepAuditRow[]> {
  let query = db
    .selectFrom('audit_events')
    .select(['action', 'actorUserId', 'actorLabel', 'details'])
    .where(sql<string>`details->>'stepId'`, '=', stepId);
  if (action !== undefined) query = query.where('action', '=', action);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => ({ action: r.action, actorUserId: r.actorUserId, actorLabel: r.actorLabel, details: r.details }));
}

describeOnEachDatabase('steps service', setup, (get) => {
  describe('registering (O2–O5)', () => {
    it('O2/O5 register an Outplacement line: stored Bezig, in the overview newest first, logged with its fields', async () => {
      const t = get();
      const { anna, a, fundA1 } = t.data;
      const clientId = await aDossier(t);
      const older = valueOf(await t.services.steps.register(anna, clientId, 'begeleidingstraject', input(t, { date: '2026-11-10' as CalendarDate })));
      const stepId = await registerOutplacement(t, clientId);
      const newer = valueOf(await t.services.steps.register(anna, clientId, 'begeleidingstraject', input(t, { date: '2026-11-25' as CalendarDate })));

      const step = await stepOf(t, clientId, stepId);
      assert.equal(step.state, 'bezig');
      assert.equal(step.type.code, 'outplacement');
      assert.equal(step.date, START);
      assert.equal(step.startDate, START);
      assert.equal(step.endDate, addMonths(TODAY, 5), 'the end date of the running attest');
      assert.equal(step.fundingNumber?.id, fundA1.id);
      assert.equal(step.requester.id, a.officeId);
      assert.equal(step.executor.id, a.officeId);
      assert.equal(step.version, 1);

      const { steps } = await t.services.steps.list(anna, clientId, { states: OPEN_STATES, typeCodes: null }, 'stappen-naar-werk');
      assert.deepEqual(
        steps.map((s) => s.id),
        [newer.stepId, stepId, older.stepId],
        'newest Datum first',
      );

      const audit = await auditOfStep(t.db, stepId, 'stap.geregistreerd');
      assert.deepEqual(
        audit.map((r) => r.actorUserId),
        [anna.userId],
      );
      assert.deepEqual(audit[0]?.details, {
        stepId,
        stepType: 'Outplacement',
        fields: {
          toestand: 'Bezig',
          datum: '20/11/2026',
          financieringsnummer: fundA1.code,
          aanvrager: step.requester.label,
          uitvoerder: step.executor.label,
          samenvatting: 'Verwachte einddatum: 29/04/2027.',
        },
      });
      assert.match(step.requester.label, /^KANTOOR \d+ \(\d+\)$/);
      assert.ok(step.requester.label.endsWith(`(${a.officeCode})`));
    });

    it('O2 only a partner registers: an interventieadviseur is refused with ForbiddenError', async () => {
      const t = get();
      const clientId = await aDossier(t);
      const before = await countSteps(t.db);
      await assert.rejects(() => t.services.steps.register(t.data.ilse, clientId, 'outplacement', input(t)), ForbiddenError);
      assert.equal(await countSteps(t.db), before);
    });

    it('O2 the form context offers the own office, the own funding numbers and the attest period', async () => {
      const t = get();
      const { anna, a, fundA1, fundA2 } = t.data;
      const clientId = await aDossier(t);
      const context = await t.services.steps.formContext(anna, clientId, 'outplacement');
      assert.equal(context.type.code, 'outplacement');
      assert.equal(context.ownOffice?.id, a.officeId);
      assert.deepEqual(context.fundingNumbers.map((f) => f.id).sort(), [fundA1.id, fundA2.id].sort());
      assert.deepEqual(
        context.attest && { startDate: context.attest.startDate, endDate: context.attest.endDate },
        { startDate: addMonths(TODAY, -1), endDate: addMonths(TODAY, 5) },
      );
      assert.equal(context.today, TODAY);
    });

    describe('O3 each problem is reported and nothing is stored', () => {
      const cases: readonly { title: string; attest?: AttestVariant; change: (t: TestApp & { data: Data }) => Partial<StepInput>; expected: Problem }[] = [
        { title: 'date after today', change: () => ({ date: addDays(TODAY, 1) }), expected: { field: 'datum', code: 'na-vandaag' } },
        {
          title: 'date before the attest start',
          change: () => ({ date: addDays(addMonths(TODAY, -1), -1) }),
          expected: { field: 'datum', code: 'voor-attest', params: { start: addMonths(TODAY, -1), end: addMonths(TODAY, 5) } },
        },
        {
          title: 'date after the attest end',
          attest: 'endedWithinWindow',
          change: () => ({ date: addDays(TODAY, -19) }),
          expected: { field: 'datum', code: 'na-attest', params: { start: addMonths(TODAY, -7), end: addDays(TODAY, -20) } },
        },
        { title: 'unknown Uitvoerder office', change: () => ({ executorOfficeId: randomUUID() }), expected: { field: 'uitvoerder', code: 'onbekende-vestiging' } },
        { title: 'unknown Aanvrager office', change: () => ({ requesterOfficeId: randomUUID() }), expected: { field: 'aanvrager', code: 'onbekende-vestiging' } },
        {
          title: 'a funding number of another organisation',
          change: (t) => ({ fundingNumberId: t.data.fundB.id }),
          expected: { field: 'financieringsnummer', code: 'onbekend-financieringsnummer' },
        },
        {
          title: 'a summary of 4001 characters',
          change: () => ({ summary: 'x'.repeat(4001) }),
          expected: { field: 'samenvatting', code: 'te-lang', params: { max: '4000' } },
        },
      ];
      for (const { title, attest, change, expected } of cases) {
        it(`O3 ${title}: { ok: false, problems } and no step stored`, async () => {
          const t = get();
          const clientId = await aDossier(t, [[t.data.a, attest ?? 'running']]);
          const stepsBefore = await countSteps(t.db);
          const result = await t.services.steps.register(t.data.anna, clientId, 'outplacement', input(t, change(t)));
          assert.deepEqual(problemsOf(result), [expected]);
          assert.equal(await countSteps(t.db), stepsBefore);
          const { steps } = await t.services.steps.list(t.data.anna, clientId, { states: ALL_STATES, typeCodes: null }, 'stappen-naar-werk');
          assert.deepEqual(steps, []);
        });
      }

      it('O3 a summary of exactly 4000 characters is accepted', async () => {
        const t = get();
        const { clientId, stepId } = await aBezigLine(t, { overrides: { summary: 'x'.repeat(4000) } });
        assert.equal((await stepOf(t, clientId, stepId)).summary.length, 4000);
      });
    });

    describe('O4 one Bezig Outplacement line per client and organisation', () => {
      it('O4 a second Bezig Outplacement line is refused with al-bezig pointing to the existing line', async () => {
        const t = get();
        const clientId = await aDossier(t);
        const first = await registerOutplacement(t, clientId);
        const stepsBefore = await countSteps(t.db);
        const second = await t.services.steps.register(t.data.bart, clientId, 'outplacement', input(t, { date: TODAY }));
        assert.deepEqual(problemsOf(second), [{ field: 'toestand', code: 'al-bezig', params: { stepId: first } }]);
        assert.equal(await countSteps(t.db), stepsBefore);
      });

      it('O4 another organisation with its own attest registers its own line for the same client', async () => {
        const t = get();
        const { a, b, bea, fundB } = t.data;
        const clientId = await aDossier(t, [
          [a, 'running'],
          [b, 'running'],
        ]);
        const ofA = await registerOutplacement(t, clientId);
        const ofB = await registerOutplacement(t, clientId, { fundingNumberId: fundB.id, requesterOfficeId: b.officeId, executorOfficeId: b.officeId }, bea);
        assert.notEqual(ofA, ofB);
        assert.equal((await stepOf(t, clientId, ofB, bea)).organisationName, b.name);
      });

      it('O4 two registrations at the same moment (double submit) store one line; the other gets al-bezig', async () => {
        const t = get();
        const clientId = await aDossier(t);
        // Both requests look for a running line before either stores one, as two requests on two
        // connections can (PostgreSQL). PGlite has one connection: there the wait times out and
        // the second request runs after the first.
        const repos = createRepositories();
        const arrived = twoPartyMeeting(300);
        const racing = createServices(
          t.db,
          {
            ...repos,
            steps: {
              ...repos.steps,
              findRunningOutplacement: async (...args: Parameters<typeof repos.steps.findRunningOutplacement>) => {
                const found = await repos.steps.findRunningOutplacement(...args);
                await arrived();
                return found;
              },
            },
          },
          t.clock,
          createFilesystemBlobStore(t.blobDir),
        );
        const results = await Promise.allSettled([
          racing.steps.register(t.data.anna, clientId, 'outplacement', input(t)),
          racing.steps.register(t.data.bart, clientId, 'outplacement', input(t)),
        ]);
        const rejected = results.filter((r) => r.status === 'rejected').map((r) => String(r.reason));
        assert.deepEqual(rejected, [], 'no database error reaches the user');
        const outcomes = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        assert.equal(outcomes.filter((r) => r.ok).length, 1);
        assert.deepEqual(
          outcomes.flatMap((r) => (r.ok ? [] : r.problems.map((p) => p.code))),
          ['al-bezig'],
        );
        const { steps } = await t.services.steps.list(t.data.anna, clientId, { states: ALL_STATES, typeCodes: null }, 'stappen-naar-werk');
        assert.equal(steps.length, 1);
      });

      it('O4 a partner whose attest expired gets DossierNotFoundError and nothing is stored', async () => {
        const t = get();
        const clientId = await aDossier(t, [[t.data.a, 'expired']]);
        const stepsBefore = await countSteps(t.db);
        await assert.rejects(t.services.steps.register(t.data.anna, clientId, 'outplacement', input(t)), DossierNotFoundError);
        assert.equal(await countSteps(t.db), stepsBefore);
      });

      it('O4 a client of another organisation only gives DossierNotFoundError', async () => {
        const t = get();
        const clientId = await aDossier(t, [[t.data.b, 'running']]);
        const stepsBefore = await countSteps(t.db);
        await assert.rejects(t.services.steps.register(t.data.anna, clientId, 'outplacement', input(t)), DossierNotFoundError);
        await assert.rejects(t.services.steps.formContext(t.data.anna, clientId, 'outplacement'), DossierNotFoundError);
        assert.equal(await countSteps(t.db), stepsBefore);
      });

      it('O4 after a cancellation a new Bezig line can be registered', async () => {
        const t = get();
        const clientId = await aDossier(t);
        const first = await registerOutplacement(t, clientId);
        const step = await stepOf(t, clientId, first);
        valueOf(await t.services.stepChanges.change(t.data.anna, clientId, first, { ...unchanged(step), state: 'geannuleerd', date: TODAY }));
        await registerOutplacement(t, clientId, { date: TODAY });
      });
    });
  });

  describe('changing (O6, O7, O11)', () => {
    it('O6 the partner changes Datum, Financieringsnummer, Uitvoerder and Samenvatting: one log row per field with old and new (O11)', async () => {
      const t = get();
      const { anna, a, officeA2, fundA1, fundA2 } = t.data;
      const { clientId, stepId, step: before } = await aBezigLine(t);

      const result = await t.services.stepChanges.change(anna, clientId, stepId, {
        ...unchanged(before),
        date: '2026-11-21' as CalendarDate,
        fundingNumberId: fundA2.id,
        executorOfficeId: officeA2.id,
        summary: 'Intake gedaan.',
      });
      assert.deepEqual(valueOf(result), { changed: 4 });

      const after = await stepOf(t, clientId, stepId);
      assert.equal(after.date, '2026-11-21');
      assert.equal(after.startDate, '2026-11-21', 'while Bezig, Datum is the start of the guidance');
      assert.equal(after.fundingNumber?.id, fundA2.id);
      assert.equal(after.executor.id, officeA2.id);
      assert.equal(after.summary, 'Intake gedaan.');
      assert.equal(after.requester.id, a.officeId);
      assert.equal(after.version, before.version + 1);
      assert.equal(after.updatedByLabel, 'Anna Peeters');

      const rows = await auditOfStep(t.db, stepId, 'stap.gewijzigd');
      assert.deepEqual(
        rows.map((r) => ({ field: r.details['field'], old: r.details['old'], new: r.details['new'] })),
        [
          { field: 'datum', old: '20/11/2026', new: '21/11/2026' },
          { field: 'financieringsnummer', old: fundA1.code, new: fundA2.code },
          { field: 'uitvoerder', old: before.executor.label, new: officeA2.label },
          { field: 'samenvatting', old: 'Verwachte einddatum: 29/04/2027.', new: 'Intake gedaan.' },
        ],
      );
      for (const row of rows) {
        assert.equal(row.actorUserId, anna.userId);
        assert.equal(row.actorLabel, 'Anna Peeters');
      }
    });

    it('O6 a change that changes nothing writes nothing', async () => {
      const t = get();
      const { clientId, stepId, step: before } = await aBezigLine(t);
      assert.deepEqual(valueOf(await t.services.stepChanges.change(t.data.anna, clientId, stepId, unchanged(before))), { changed: 0 });
      assert.equal((await stepOf(t, clientId, stepId)).version, before.version);
      assert.equal((await auditOfStep(t.db, stepId, 'stap.gewijzigd')).length, 0);
    });

    it('O6 Aanvrager cannot be changed: it is not part of a change, and an extra field is ignored', async () => {
      const t = get();
      const { anna, a, b } = t.data;
      const { clientId, stepId, step: before } = await aBezigLine(t);
      // @ts-expect-error -- O6: Aanvrager is shown, not changed: a change has no requester.
      const typed: StepChangeInput = { ...unchanged(before), summary: 'Andere tekst.', requesterOfficeId: b.officeId };
      valueOf(await t.services.stepChanges.change(anna, clientId, stepId, typed));
      const after = await stepOf(t, clientId, stepId);
      assert.equal(after.requester.id, a.officeId);
      assert.equal(after.summary, 'Andere tekst.');
      const fields = (await auditOfStep(t.db, stepId, 'stap.gewijzigd')).map((r) => r.details['field']);
      assert.deepEqual(fields, ['samenvatting']);
    });

    it('O6 a changed Datum is checked as a start date: after today is refused and nothing changes', async () => {
      const t = get();
      const { clientId, stepId, step: before } = await aBezigLine(t);
      const result = await t.services.stepChanges.change(t.data.anna, clientId, stepId, { ...unchanged(before), date: addDays(TODAY, 1), summary: 'Nieuw.' });
      assert.deepEqual(problemsOf(result), [{ field: 'datum', code: 'na-vandaag' }]);
      assert.deepEqual(await stepOf(t, clientId, stepId), before);
    });

    it('O6 another organisation with its own attest may open the line but gets ForbiddenError on change', async () => {
      const t = get();
      const { bea } = t.data;
      const { clientId, stepId } = await aBezigLine(t, { shared: true });
      const seen = await t.services.steps.detail(bea, clientId, stepId);
      assert.equal(seen.permissions.canEdit, false);
      assert.equal(seen.permissions.actor, 'andere');
      await assert.rejects(t.services.stepChanges.change(bea, clientId, stepId, { ...unchanged(seen.step), summary: 'Overschreven.' }), ForbiddenError);
      assert.deepEqual(await stepOf(t, clientId, stepId), seen.step);
    });

    it('O6 a colleague of the same organisation may change the line', async () => {
      const t = get();
      const { clientId, stepId, step: before } = await aBezigLine(t);
      valueOf(await t.services.stepChanges.change(t.data.bart, clientId, stepId, { ...unchanged(before), summary: 'Door Bart.' }));
      assert.equal((await stepOf(t, clientId, stepId)).updatedByLabel, 'Bart Claes');
    });

    it('O7 cancel: Geannuleerd dated on the cancellation, start date kept, out of the default overview, final', async () => {
      const t = get();
      const { anna } = t.data;
      const { clientId, stepId, step: before } = await aBezigLine(t);
      const cancelledOn = '2026-11-25' as CalendarDate;
      valueOf(await t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(before), state: 'geannuleerd', date: cancelledOn }));

      const after = await stepOf(t, clientId, stepId);
      assert.equal(after.state, 'geannuleerd');
      assert.equal(after.date, cancelledOn);
      assert.equal(after.startDate, START);
      assert.equal(after.endedOn, null, 'Geannuleerd is no end state with a summary window');

      const changes = (await auditOfStep(t.db, stepId, 'stap.gewijzigd')).map((r) => [r.details['field'], r.details['old'], r.details['new']]);
      assert.deepEqual(changes, [
        ['toestand', 'Bezig', 'Geannuleerd'],
        ['datum', '20/11/2026', '25/11/2026'],
      ]);

      const byDefault = await t.services.steps.list(anna, clientId, { states: OPEN_STATES, typeCodes: null }, 'stappen-naar-werk');
      assert.deepEqual(byDefault.steps, []);
      const filtered = await t.services.steps.list(anna, clientId, { states: ALL_STATES, typeCodes: null }, 'stappen-naar-werk');
      assert.deepEqual(
        filtered.steps.map((s) => s.id),
        [stepId],
      );

      await assert.rejects(t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(after), summary: 'Toch nog iets.' }), ForbiddenError);
      await assert.rejects(t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(after), state: 'bezig' }), ForbiddenError);
      assert.deepEqual(await stepOf(t, clientId, stepId), after);
    });

    it('O7 a cancellation dated before the start is refused', async () => {
      const t = get();
      const { clientId, stepId, step: before } = await aBezigLine(t);
      const result = await t.services.stepChanges.change(t.data.anna, clientId, stepId, { ...unchanged(before), state: 'geannuleerd', date: addDays(START, -1) });
      assert.deepEqual(problemsOf(result), [{ field: 'datum', code: 'voor-start', params: { start: START } }]);
      assert.equal((await stepOf(t, clientId, stepId)).state, 'bezig');
    });
  });

  describe('stopping (O8)', () => {
    it('O8 the partner cannot set Stopgezet through a change: niet-toegestaan and nothing changes', async () => {
      const t = get();
      const { clientId, stepId, step: before } = await aBezigLine(t);
      assert.deepEqual((await t.services.steps.detail(t.data.anna, clientId, stepId)).permissions.states, ['bezig', 'geannuleerd']);
      const result = await t.services.stepChanges.change(t.data.anna, clientId, stepId, { ...unchanged(before), state: 'stopgezet', date: TODAY });
      assert.deepEqual(problemsOf(result), [{ field: 'toestand', code: 'niet-toegestaan' }]);
      assert.deepEqual(await stepOf(t, clientId, stepId), before);
      assert.equal((await auditOfStep(t.db, stepId, 'stap.gewijzigd')).length, 0);
    });

    it('O8 a stop request lands in the work list; a second one is refused; the adviseur stops and the request is granted', async () => {
      const t = get();
      const { anna, ilse } = t.data;
      const { clientId, stepId } = await aBezigLine(t);

      const { requestId } = valueOf(
        await t.services.stopRequests.request(anna, clientId, stepId, { reason: 'Werk gevonden.', proposedDate: '2026-11-27' as CalendarDate }),
      );
      const listed = (await t.services.stopRequests.workList(ilse)).filter((r) => r.stepId === stepId);
      assert.deepEqual(
        listed.map((r) => ({ id: r.id, state: r.state, reason: r.reason, proposedDate: r.proposedDate, clientId: r.clientId })),
        [{ id: requestId, state: 'open', reason: 'Werk gevonden.', proposedDate: '2026-11-27', clientId }],
      );
      assert.equal((await t.services.steps.detail(anna, clientId, stepId)).permissions.canRequestStop, false);

      const again = await t.services.stopRequests.request(anna, clientId, stepId, { reason: 'Nogmaals.', proposedDate: TODAY });
      assert.deepEqual(problemsOf(again), [{ field: 'reden', code: 'verzoek-loopt' }]);

      const step = await stepOf(t, clientId, stepId, ilse);
      valueOf(await t.services.stopRequests.stop(ilse, clientId, stepId, { version: step.version, date: '2026-11-27' as CalendarDate }));

      const seen = await t.services.steps.detail(anna, clientId, stepId);
      assert.equal(seen.step.state, 'stopgezet');
      assert.equal(seen.step.date, '2026-11-27');
      assert.equal(seen.step.startDate, START);
      assert.equal(seen.step.endedOn, TODAY);
      assert.deepEqual(
        seen.stopRequests.map((r) => ({ id: r.id, state: r.state, handledByLabel: r.handledByLabel })),
        [{ id: requestId, state: 'aanvaard', handledByLabel: 'Ilse Janssens' }],
      );
      assert.deepEqual((await t.services.stopRequests.workList(ilse)).filter((r) => r.stepId === stepId), []);

      const logged = (await auditOfStep(t.db, stepId)).map((r) => [r.action, r.details['field'] ?? null, r.actorLabel]);
      assert.deepEqual(logged, [
        ['stap.geregistreerd', null, 'Anna Peeters'],
        ['stopverzoek.ingediend', null, 'Anna Peeters'],
        ['stap.gewijzigd', 'toestand', 'Ilse Janssens'],
        ['stap.gewijzigd', 'datum', 'Ilse Janssens'],
        ['stopverzoek.aanvaard', null, 'Ilse Janssens'],
      ]);
    });

    it('O8 the adviseur declines a request with a reason the partner sees; the line stays Bezig', async () => {
      const t = get();
      const { anna, ilse } = t.data;
      const { clientId, stepId } = await aBezigLine(t);
      const { requestId } = valueOf(await t.services.stopRequests.request(anna, clientId, stepId, { reason: 'Ziekte.', proposedDate: TODAY }));

      valueOf(await t.services.stopRequests.decline(ilse, clientId, stepId, { reason: 'Eerst het eindverslag bezorgen.' }));

      const seen = await t.services.steps.detail(anna, clientId, stepId);
      assert.equal(seen.step.state, 'bezig');
      assert.deepEqual(
        seen.stopRequests.map((r) => ({ id: r.id, state: r.state, decisionReason: r.decisionReason, handledByLabel: r.handledByLabel })),
        [{ id: requestId, state: 'afgewezen', decisionReason: 'Eerst het eindverslag bezorgen.', handledByLabel: 'Ilse Janssens' }],
      );
      assert.deepEqual((await t.services.stopRequests.workList(ilse)).filter((r) => r.stepId === stepId), []);
      assert.equal(seen.permissions.canRequestStop, true, 'after a decline the partner may ask again');
      assert.equal((await auditOfStep(t.db, stepId, 'stopverzoek.afgewezen')).length, 1);
    });

    it('O8 the adviseur stops a line directly, without a request', async () => {
      const t = get();
      const { ilse } = t.data;
      const { clientId, stepId } = await aBezigLine(t);
      const step = await stepOf(t, clientId, stepId, ilse);
      assert.equal((await t.services.steps.detail(ilse, clientId, stepId)).permissions.canStop, true);
      valueOf(await t.services.stopRequests.stop(ilse, clientId, stepId, { version: step.version, date: TODAY }));
      const after = await stepOf(t, clientId, stepId, ilse);
      assert.equal(after.state, 'stopgezet');
      assert.equal(after.date, TODAY);
      assert.deepEqual((await t.services.steps.detail(ilse, clientId, stepId)).stopRequests, []);
    });

    it('O8 a stop dated after the line\'s end date is refused and nothing changes (issue 15 defect 5: after today is a planned stop)', async () => {
      const t = get();
      const { ilse } = t.data;
      const { clientId, stepId } = await aBezigLine(t);
      const step = await stepOf(t, clientId, stepId, ilse);
      assert.ok(step.endDate !== null);
      const result = await t.services.stopRequests.stop(ilse, clientId, stepId, { version: step.version, date: addDays(step.endDate, 1) });
      assert.deepEqual(problemsOf(result), [{ field: 'datum', code: 'na-einde', params: { start: step.startDate, end: step.endDate } }]);
      assert.deepEqual(await stepOf(t, clientId, stepId, ilse), step);
    });

    it('issue 15 defect 5: O8 the adviseur confirms a future proposal: the line stays Bezig with the stop planned, the request is granted, no second request', async () => {
      const t = get();
      const { anna, ilse } = t.data;
      const { clientId, stepId } = await aBezigLine(t);
      const proposed = addDays(TODAY, 16);
      valueOf(await t.services.stopRequests.request(anna, clientId, stepId, { reason: 'Start als zelfstandige.', proposedDate: proposed }));
      const step = await stepOf(t, clientId, stepId, ilse);

      // Checked first (for the confirmation page): it says "planned" and changes nothing.
      const checked = valueOf(await t.services.stopRequests.stop(ilse, clientId, stepId, { version: step.version, date: proposed }, { check: true }));
      assert.deepEqual(checked, { stepId, typeLabel: 'Outplacement', date: proposed, planned: true });
      assert.deepEqual(await stepOf(t, clientId, stepId, ilse), step);

      valueOf(await t.services.stopRequests.stop(ilse, clientId, stepId, { version: step.version, date: proposed }));
      const seen = await t.services.steps.detail(anna, clientId, stepId);
      assert.equal(seen.step.state, 'bezig');
      assert.equal(seen.step.plannedStopDate, proposed);
      assert.equal(seen.step.date, START, 'Datum stays the start until the stop happens');
      assert.equal(seen.step.endedOn, null);
      assert.deepEqual(seen.stopRequests.map((r) => r.state), ['aanvaard']);
      assert.equal(seen.permissions.canRequestStop, false, 'no request while a stop is planned');
      assert.deepEqual(problemsOf(await t.services.stopRequests.request(anna, clientId, stepId, { reason: 'Nog eens.', proposedDate: TODAY })), [
        { field: 'reden', code: 'stop-gepland', params: { date: proposed } },
      ]);
      assert.deepEqual(
        (await auditOfStep(t.db, stepId, 'stap.gewijzigd')).map((r) => [r.details['field'], r.details['old'], r.details['new'], r.actorLabel]),
        [['geplande-stopzetting', '', formatDate(proposed), 'Ilse Janssens']],
      );
    });

    it('issue 15 defect 5: O8 boundary: today stops now; tomorrow and the end date are planned; after the end date and before the start are refused', async () => {
      const t = get();
      const { ilse } = t.data;
      const stopOn = async (date: (line: Step) => CalendarDate) => {
        const { clientId, stepId } = await aBezigLine(t);
        const line = await stepOf(t, clientId, stepId, ilse);
        const result = await t.services.stopRequests.stop(ilse, clientId, stepId, { version: line.version, date: date(line) });
        return { result, line, after: await stepOf(t, clientId, stepId, ilse) };
      };
      const today = await stopOn(() => TODAY);
      assert.equal(valueOf(today.result).planned, false);
      assert.deepEqual([today.after.state, today.after.date, today.after.endedOn, today.after.plannedStopDate], ['stopgezet', TODAY, TODAY, null]);

      const tomorrow = await stopOn(() => addDays(TODAY, 1));
      assert.equal(valueOf(tomorrow.result).planned, true);
      assert.deepEqual([tomorrow.after.state, tomorrow.after.plannedStopDate], ['bezig', addDays(TODAY, 1)]);

      const endDate = await stopOn((line) => line.endDate ?? TODAY);
      assert.equal(valueOf(endDate.result).planned, true);
      assert.deepEqual([endDate.after.state, endDate.after.plannedStopDate], ['bezig', endDate.line.endDate]);

      const afterEnd = await stopOn((line) => addDays(line.endDate ?? TODAY, 1));
      assert.deepEqual(problemsOf(afterEnd.result), [{ field: 'datum', code: 'na-einde', params: { start: START, end: afterEnd.line.endDate ?? '' } }]);
      assert.deepEqual(afterEnd.after, afterEnd.line);

      const past = await stopOn(() => addDays(START, -1));
      assert.deepEqual(problemsOf(past.result), [{ field: 'datum', code: 'voor-start', params: { start: START } }]);
      assert.deepEqual(past.after, past.line);
    });

    it('issue 15 defect 5: O8 the adviseur may still stop a line with a planned stop today; a cancelled line drops its planned stop', async () => {
      const t = get();
      const { anna, ilse } = t.data;
      const first = await aBezigLine(t);
      const planned = await stepOf(t, first.clientId, first.stepId, ilse);
      valueOf(await t.services.stopRequests.stop(ilse, first.clientId, first.stepId, { version: planned.version, date: addDays(TODAY, 3) }));
      const replanned = await stepOf(t, first.clientId, first.stepId, ilse);
      valueOf(await t.services.stopRequests.stop(ilse, first.clientId, first.stepId, { version: replanned.version, date: TODAY }));
      const stopped = await stepOf(t, first.clientId, first.stepId, ilse);
      assert.deepEqual([stopped.state, stopped.plannedStopDate], ['stopgezet', null]);

      const second = await aBezigLine(t);
      const line = await stepOf(t, second.clientId, second.stepId, ilse);
      valueOf(await t.services.stopRequests.stop(ilse, second.clientId, second.stepId, { version: line.version, date: addDays(TODAY, 3) }));
      const seen = await stepOf(t, second.clientId, second.stepId);
      valueOf(await t.services.stepChanges.change(anna, second.clientId, second.stepId, { ...unchanged(seen), state: 'geannuleerd', date: TODAY }));
      const cancelled = await stepOf(t, second.clientId, second.stepId);
      assert.deepEqual([cancelled.state, cancelled.plannedStopDate], ['geannuleerd', null]);
    });

    it('O8 a begeleider calling stop, decline or the work list gets ForbiddenError', async () => {
      const t = get();
      const { anna } = t.data;
      const { clientId, stepId, step } = await aBezigLine(t);
      valueOf(await t.services.stopRequests.request(anna, clientId, stepId, { reason: 'Werk gevonden.', proposedDate: TODAY }));
      await assert.rejects(t.services.stopRequests.stop(anna, clientId, stepId, { version: step.version, date: TODAY }), ForbiddenError);
      await assert.rejects(t.services.stopRequests.decline(anna, clientId, stepId, { reason: 'Zelf afgewezen.' }), ForbiddenError);
      await assert.rejects(t.services.stopRequests.workList(anna), ForbiddenError);
      const after = await t.services.steps.detail(anna, clientId, stepId);
      assert.equal(after.step.state, 'bezig');
      assert.deepEqual(
        after.stopRequests.map((r) => r.state),
        ['open'],
      );
    });

    it('O8 another organisation cannot send a stop request for the line', async () => {
      const t = get();
      const { bea } = t.data;
      const { clientId, stepId } = await aBezigLine(t, { shared: true });
      await assert.rejects(t.services.stopRequests.request(bea, clientId, stepId, { reason: 'Niet van ons.', proposedDate: TODAY }), ForbiddenError);
    });

    it('O8 a request whose line the partner cancels meanwhile leaves the work list', async () => {
      const t = get();
      const { anna, ilse } = t.data;
      const { clientId, stepId } = await aBezigLine(t);
      valueOf(await t.services.stopRequests.request(anna, clientId, stepId, { reason: 'Werk gevonden.', proposedDate: TODAY }));
      const step = await stepOf(t, clientId, stepId);
      valueOf(await t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(step), state: 'geannuleerd', date: TODAY }));
      assert.deepEqual(
        (await t.services.stopRequests.workList(ilse)).filter((r) => r.stepId === stepId).map((r) => r.state),
        [],
        'the adviseur cannot stop a cancelled line, so its request must not wait in the work list',
      );
    });
  });

  describe('completion and end states (O9, O10)', () => {
    it('O9 nobody sets Uitgevoerd by hand: the partner gets niet-toegestaan, the adviseur ForbiddenError', async () => {
      const t = get();
      const { anna, ilse } = t.data;
      const { clientId, stepId, step: before } = await aBezigLine(t);
      const result = await t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(before), state: 'uitgevoerd', date: TODAY });
      assert.deepEqual(problemsOf(result), [{ field: 'toestand', code: 'niet-toegestaan' }]);
      await assert.rejects(t.services.stepChanges.change(ilse, clientId, stepId, { ...unchanged(before), state: 'uitgevoerd', date: TODAY }), ForbiddenError);
      assert.deepEqual(await stepOf(t, clientId, stepId), before);
    });

    it('O9 the line shows its completion date: end date + 1 month (31/01/2027 → 28/02/2027)', async () => {
      const t = get();
      const client = await aClient(t.db);
      await anAttestForPeriod(t.db, { clientId: client.id, organisationId: t.data.a.id }, { start: '2026-10-01' as CalendarDate, end: '2027-01-31' as CalendarDate });
      const stepId = await registerOutplacement(t, client.id);
      const seen = await t.services.steps.detail(t.data.anna, client.id, stepId);
      assert.equal(seen.step.endDate, '2027-01-31');
      assert.equal(seen.permissions.completionDate, '2027-02-28');
    });

    it('O10 after a stop the Samenvatting can be supplemented on day 14, earlier text kept; day 15 is refused', async () => {
      const t = get();
      const { anna, ilse, fundA1 } = t.data;
      const { clientId, stepId } = await aBezigLine(t, { overrides: { summary: 'Intake gedaan.' } });
      valueOf(await t.services.stopRequests.stop(ilse, clientId, stepId, { version: 1, date: TODAY }));
      try {
        t.clock.set(new Date('2026-12-13T10:00:00Z'));
        const day14 = await t.services.steps.detail(anna, clientId, stepId);
        assert.equal(day14.permissions.summaryWindowLastDay, '2026-12-13');
        assert.equal(day14.permissions.canAppendSummary, true);
        valueOf(await t.services.stepChanges.appendSummary(anna, clientId, stepId, day14.step.version, '  Eindverslag bezorgd.  '));
        const supplemented = await stepOf(t, clientId, stepId);
        assert.equal(supplemented.summary, 'Intake gedaan.\n\n[13/12/2026, Anna Peeters] Eindverslag bezorgd.');
        assert.equal(supplemented.state, 'stopgezet');
        const appended = await auditOfStep(t.db, stepId, 'stap.samenvatting-aangevuld');
        assert.deepEqual(
          appended.map((r) => [r.details['old'], r.details['new'], r.actorUserId]),
          [['Intake gedaan.', supplemented.summary, anna.userId]],
        );

        await assert.rejects(
          t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(supplemented), fundingNumberId: null }),
          ForbiddenError,
          'other fields of an end-state line stay as they are',
        );
        assert.equal((await stepOf(t, clientId, stepId)).fundingNumber?.id, fundA1.id);

        t.clock.set(new Date('2026-12-14T10:00:00Z'));
        const day15 = await t.services.stepChanges.appendSummary(anna, clientId, stepId, supplemented.version, 'Te laat.');
        assert.deepEqual(problemsOf(day15), [{ field: 'aanvulling', code: 'venster-gesloten' }]);
        assert.deepEqual(await stepOf(t, clientId, stepId), supplemented);
      } finally {
        t.clock.set(TEST_NOW);
      }
    });

    it('O10 a cancelled line has no summary window: supplementing it is ForbiddenError', async () => {
      const t = get();
      const { anna } = t.data;
      const { clientId, stepId, step } = await aBezigLine(t);
      valueOf(await t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(step), state: 'geannuleerd', date: TODAY }));
      await assert.rejects(t.services.stepChanges.appendSummary(anna, clientId, stepId, step.version + 1, 'Nog iets.'), ForbiddenError);
    });

    it('O10 supplementing past what the database stores gives a problem, not a database error', async () => {
      const t = get();
      const { anna, ilse } = t.data;
      const { clientId, stepId } = await aBezigLine(t, { overrides: { summary: 'x'.repeat(4000) } });
      valueOf(await t.services.stopRequests.stop(ilse, clientId, stepId, { version: 1, date: TODAY }));
      let outcome: Result<{ changed: number }> | undefined;
      for (let i = 0; i < 6 && (outcome === undefined || outcome.ok); i++) {
        const step = await stepOf(t, clientId, stepId);
        try {
          outcome = await t.services.stepChanges.appendSummary(anna, clientId, stepId, step.version, 'y'.repeat(4000));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          assert.fail(`addition ${i + 1} threw instead of giving a problem: ${message}`);
        }
      }
      assert.ok(outcome !== undefined && !outcome.ok, 'a Samenvatting cannot grow without bound');
      assert.equal(outcome.problems[0]?.field, 'aanvulling');
    });
  });

  describe('concurrent changes (O12)', () => {
    it('O12 two changes on the same version: the first is stored, the second gets gewijzigd by the first user and is not stored', async () => {
      const t = get();
      const { anna, bart } = t.data;
      const { clientId, stepId } = await aBezigLine(t);
      const seenByBoth = await stepOf(t, clientId, stepId);

      valueOf(await t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(seenByBoth), summary: 'Versie van Anna.' }));
      const second = await t.services.stepChanges.change(bart, clientId, stepId, {
        ...unchanged(seenByBoth),
        summary: 'Versie van Bart.',
        date: '2026-11-22' as CalendarDate,
      });
      assert.deepEqual(problemsOf(second), [{ field: 'toestand', code: 'gewijzigd', params: { by: 'Anna Peeters' } }]);

      const after = await stepOf(t, clientId, stepId);
      assert.equal(after.summary, 'Versie van Anna.');
      assert.equal(after.date, START);
      assert.equal(after.version, seenByBoth.version + 1);
      const authors = (await auditOfStep(t.db, stepId, 'stap.gewijzigd')).map((r) => r.actorLabel);
      assert.deepEqual(authors, ['Anna Peeters']);
    });

    it('O12 two changes at the same moment on the same version: exactly one is stored', async () => {
      const t = get();
      const { anna, bart } = t.data;
      const { clientId, stepId } = await aBezigLine(t);
      const seen = await stepOf(t, clientId, stepId);
      const [first, second] = await Promise.all([
        t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(seen), summary: 'Anna.' }),
        t.services.stepChanges.change(bart, clientId, stepId, { ...unchanged(seen), summary: 'Bart.' }),
      ]);
      assert.equal([first, second].filter((r) => r.ok).length, 1);
      const winner = first.ok ? 'Anna' : 'Bart';
      const loser = first.ok ? second : first;
      assert.deepEqual(problemsOf(loser), [{ field: 'toestand', code: 'gewijzigd', params: { by: first.ok ? 'Anna Peeters' : 'Bart Claes' } }]);
      const after = await stepOf(t, clientId, stepId);
      assert.equal(after.summary, `${winner}.`);
      assert.equal(after.version, seen.version + 1);
      assert.equal((await auditOfStep(t.db, stepId, 'stap.gewijzigd')).length, 1);
    });

    it('O12 a line a colleague cancelled meanwhile: the stale change gets gewijzigd, not a refusal of rights', async () => {
      const t = get();
      const { anna, bart } = t.data;
      const { clientId, stepId } = await aBezigLine(t);
      const seen = await stepOf(t, clientId, stepId);
      valueOf(await t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(seen), state: 'geannuleerd', date: TODAY }));
      const stale = await t.services.stepChanges.change(bart, clientId, stepId, { ...unchanged(seen), summary: 'Bart typte dit.' });
      assert.deepEqual(problemsOf(stale), [{ field: 'toestand', code: 'gewijzigd', params: { by: 'Anna Peeters' } }]);
    });
  });

  describe('plain step types (O13)', () => {
    for (const state of ['uitgevoerd', 'stopgezet', 'geannuleerd'] as const) {
      it(`O13 the partner sets a Begeleidingstraject to ${state} itself`, async () => {
        const t = get();
        const { anna } = t.data;
        const clientId = await aDossier(t);
        const { stepId } = valueOf(await t.services.steps.register(anna, clientId, 'begeleidingstraject', input(t)));
        const seen = await t.services.steps.detail(anna, clientId, stepId);
        assert.deepEqual(seen.permissions.states, ['bezig', 'uitgevoerd', 'stopgezet', 'geannuleerd']);
        assert.equal(seen.permissions.completionDate, null, 'no automatic completion (O9) for a plain type');
        assert.equal(seen.permissions.canRequestStop, false, 'no stop request (O8) for a plain type');
        assert.equal(seen.step.endDate, null);

        valueOf(await t.services.stepChanges.change(anna, clientId, stepId, { ...unchanged(seen.step), state, date: '2026-11-28' as CalendarDate }));
        const after = await stepOf(t, clientId, stepId);
        assert.equal(after.state, state);
        assert.equal(after.date, '2026-11-28');
        assert.equal(after.startDate, START);
        assert.equal(after.endedOn, state === 'geannuleerd' ? null : TODAY);
      });
    }

    it('O13 plain types may run side by side: two Bezig Begeleidingstrajecten', async () => {
      const t = get();
      const clientId = await aDossier(t);
      valueOf(await t.services.steps.register(t.data.anna, clientId, 'begeleidingstraject', input(t)));
      valueOf(await t.services.steps.register(t.data.anna, clientId, 'begeleidingstraject', input(t)));
    });

    it('O13 an organisation not allowed the type gets ForbiddenError on formContext and register', async () => {
      const t = get();
      const { c, carl } = t.data;
      const clientId = await aDossier(t, [[c, 'running']]);
      const own = { fundingNumberId: null, requesterOfficeId: c.officeId, executorOfficeId: c.officeId };
      const stepsBefore = await countSteps(t.db);
      await assert.rejects(t.services.steps.formContext(carl, clientId, 'begeleidingstraject'), ForbiddenError);
      await assert.rejects(t.services.steps.register(carl, clientId, 'begeleidingstraject', input(t, own)), ForbiddenError);
      await assert.rejects(t.services.steps.register(carl, clientId, 'bestaat-niet', input(t, own)), ForbiddenError);
      assert.equal(await countSteps(t.db), stepsBefore);
      // The type it is allowed works.
      assert.equal((await t.services.steps.formContext(carl, clientId, 'outplacement')).type.code, 'outplacement');
    });
  });
});
