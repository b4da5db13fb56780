/**
 * Issue 16 guard rail: the SQL statements each main page sends, from reading the session to
 * the response (BEGIN and COMMIT included), counted at the database driver. A page that
 * sends more than its declared budget fails here, so a new round trip per view is a
 * decision, not an accident. Measured with a logged-in begeleider, on a warm process (the
 * reference data cache filled by an earlier request, as on a running server).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addMonths } from '../../src/domain/calendar-date.ts';
import { aClient, anAttest, anOrganisation, anOutplacementStep, aStep, aUser } from '../support/factories.ts';
import { describeOnEachDatabase, TEST_NOW, type TestApp } from '../support/test-app.ts';
import { aDocumentRow } from '../support/upkeep-factories.ts';
import { statementRecorder } from '../support/statement-recorder.ts';
import { loggedInOnce, type WebSession } from '../support/web-session.ts';

/** Statements per page view; lower them when a change saves one, never raise them silently. */
const BUDGETS = {
  // session+user, BEGIN, client+attests (A1), audit A6 (chain lock, last hash, insert), allowance
  // (cached: 0), lines, running Outplacement line (O4), COMMIT.
  'Stappen naar werk': 9,
  // As above, then registration, lines, documents, profile, desired jobs.
  Klantenportret: 12,
  // session+user, BEGIN, the clients with their running attests, their running lines, COMMIT.
  'Mijn klanten': 5,
  // As the dossier pages, then the line, its stop requests, its history; funding numbers and offices cached.
  'Detail van een stap': 10,
  'Documenten overzicht': 8,
} as const;

type PageName = keyof typeof BUDGETS;

const recorder = statementRecorder();

async function world(t: TestApp) {
  const today = t.clock.today();
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const begeleider = await aUser(t.db, 'begeleider', partner);
  const client = await aClient(t.db, { familyName: 'Aerts', firstName: 'Ann' });
  await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
  for (let i = 0; i < 5; i++) {
    const other = await aClient(t.db, { familyName: `Klant${String(i)}` });
    await anAttest(t.db, 'running', { clientId: other.id, organisationId: partner.id }, today);
  }
  const lineId = await anOutplacementStep(t.db, { clientId: client.id, organisation: partner, createdBy: begeleider }, { startDate: addMonths(today, -1), endDate: addMonths(today, 5) });
  for (let i = 0; i < 5; i++) await aStep(t.db, { clientId: client.id, organisation: partner, createdBy: begeleider }, { typeCode: 'opleiding', startDate: addMonths(today, -i) });
  await aDocumentRow(t.db, { clientId: client.id, user: begeleider }, { kind: 'actieplan', name: 'Actieplan', uploadedAt: TEST_NOW });
  return { begeleider, client, lineId };
}

describeOnEachDatabase(
  'issue 16: statements per page view',
  world,
  (get) => {
    let session: WebSession | undefined;

    function pages(): Record<PageName, string> {
      const { client, lineId } = get().data;
      const dossier = `/dossiers/${client.id}`;
      return {
        'Stappen naar werk': `${dossier}/begeleiding/stappen-naar-werk`,
        Klantenportret: dossier,
        'Mijn klanten': '/klanten',
        'Detail van een stap': `${dossier}/stappen/${lineId}`,
        'Documenten overzicht': `${dossier}/documenten`,
      };
    }

    async function statementsOf(url: string): Promise<string[]> {
      session ??= await loggedInOnce(get().app, get().data.begeleider);
      assert.equal((await session.get(url)).statusCode, 200, `${url} answers 200 (warm-up)`);
      const browser = session;
      const { value: response, statements } = await recorder.during(() => browser.get(url));
      assert.equal(response.statusCode, 200, `${url} answers 200`);
      return statements;
    }

    for (const name of Object.keys(BUDGETS) as PageName[]) {
      it(`issue 16: "${name}" sends at most ${String(BUDGETS[name])} statements from session to response`, async () => {
        const statements = await statementsOf(pages()[name]);
        assert.ok(statements.length > 0, 'the counter sees the statements of the request');
        assert.ok(statements.length <= BUDGETS[name], `${name}: ${String(statements.length)} statements, budget ${String(BUDGETS[name])}:\n${statements.join('\n')}`);
      });
    }
  },
  {
    onStatement: (sql) => {
      recorder.listen(sql);
    },
  },
);
