/**
 * Issue 16: reference data (step types with the organisation's allowance O13, funding numbers,
 * offices) is kept in the process, and a change is visible at the next request: every change
 * raises the version that each request reads with its session, whichever process made it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import * as organisationsRepository from '../../src/db/repositories/organisations.ts';
import * as stepTypesRepository from '../../src/db/repositories/step-types.ts';
import * as referenceVersions from '../../src/db/repositories/reference-versions.ts';
import * as usersRepository from '../../src/db/repositories/users.ts';
import { aClient, allowedStepTypes, anAttest, anOrganisation, aUser, TEST_PASSWORD } from '../support/factories.ts';
import { describeOnEachDatabase, TEST_NOW, type TestApp } from '../support/test-app.ts';
import { loggedInOnce, type WebSession } from '../support/web-session.ts';
import { statementRecorder } from '../support/statement-recorder.ts';

const recorder = statementRecorder();

async function world(t: TestApp) {
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  await allowedStepTypes(t.db, partner, ['begeleidingstraject']);
  const begeleider = await aUser(t.db, 'begeleider', partner);
  const client = await aClient(t.db);
  await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, t.clock.today());
  return { partner, begeleider, client };
}

/** The step types offered under "Voeg een stap toe". */
function offered(body: string): string[] {
  const select = /<select[^>]*name="stap"[^>]*>([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describeOnEachDatabase(
  'issue 16: reference data cached per process, changed everywhere at the next request',
  world,
  (get) => {
    let session: WebSession | undefined;
    async function view(): Promise<{ body: string; statements: string[] }> {
      const { app, data } = get();
      session ??= await loggedInOnce(app, { email: data.begeleider.email, password: TEST_PASSWORD });
      const browser = session;
      const { value: response, statements } = await recorder.during(() => browser.get(`/dossiers/${data.client.id}/begeleiding/stappen-naar-werk`));
      assert.equal(response.statusCode, 200);
      return { body: response.body, statements };
    }
    const readsStepTypes = (statements: string[]): boolean => statements.some((s) => s.includes('"organisation_step_types"'));

    it('issue 16 / O13: the allowance is read once; an unchanged version serves it from the process', async () => {
      const first = await view();
      assert.deepEqual(offered(first.body), ['begeleidingstraject']);
      const second = await view();
      assert.deepEqual(offered(second.body), ['begeleidingstraject']);
      assert.equal(readsStepTypes(second.statements), false, 'the second view does not read the step types');
    });

    it('issue 16 / O13: a change made outside this process (another instance) shows at the next request', async () => {
      const { db, data } = get();
      await view();
      const before = await referenceVersions.current(db);
      // Straight through the repository, in a transaction of its own: as another instance's administration does.
      await db.transaction().execute((trx) => stepTypesRepository.setAllowed(trx, data.partner.id, ['begeleidingstraject', 'opleiding']));
      assert.ok((await referenceVersions.current(db)) > before, 'the change raised the version in its transaction');
      const after = await view();
      assert.deepEqual(offered(after.body), ['begeleidingstraject', 'opleiding']);
      assert.equal(readsStepTypes(after.statements), true, 'the view read the step types again');
      assert.equal(readsStepTypes((await view()).statements), false, 'and keeps them again afterwards');
    });

    it('issue 16: a change that rolls back leaves the version (and the cache) as they were', async () => {
      const { db, data } = get();
      const before = await referenceVersions.current(db);
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await organisationsRepository.insertFundingNumber(trx, data.partner.id, 'FIN-ROLLBACK', 'Project', TEST_NOW);
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      assert.equal(await referenceVersions.current(db), before);
      assert.equal(readsStepTypes((await view()).statements), false);
    });

    it('issue 16 / O13: the beheerder\'s change of the allowed step types (admin service) shows at the next request', async () => {
      const { db, data, services } = get();
      const dienst = await anOrganisation(db, { kind: 'dienst', name: 'Dienst' });
      const beheerder = await aUser(db, 'beheerder', dienst);
      const actor = await usersRepository.findActiveActor(db, beheerder.id);
      assert.ok(actor !== undefined);
      assert.deepEqual(offered((await view()).body), ['begeleidingstraject', 'opleiding']);
      const { version } = await services.admin.organisations.find(actor, data.partner.id);
      const result = await services.admin.organisations.setStepTypes(actor, data.partner.id, version, ['jobcoaching']);
      assert.equal(result.ok, true);
      assert.deepEqual(offered((await view()).body), ['jobcoaching']);
    });
  },
  {
    onStatement: (sql) => {
      recorder.listen(sql);
    },
  },
);
