/**
 * Issue 16: "Mijn klanten" in pages of 50, limited in SQL, in a stable order (family name, first
 * name, case-insensitive); `?pagina=N` with "Vorige" and "Volgende"; a malformed page number is the
 * first page, one past the end the last page with a Dutch message; never a 500.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { aClient, anAttest, anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { assertRedirect } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

const CLIENTS = 110;

async function world(t: TestApp) {
  const today = t.clock.today();
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const other = await anOrganisation(t.db, { name: 'Nieuwe Wegen' });
  const begeleider = await aUser(t.db, 'begeleider', partner);
  const expected: string[] = [];
  // Inserted in reverse, half of the family names in lower case: the order must come from the query.
  for (let n = CLIENTS; n >= 1; n--) {
    const number = String(n).padStart(3, '0');
    const client = await aClient(t.db, { familyName: `${n % 2 === 0 ? 'klant' : 'Klant'} ${number}`, firstName: 'Test' });
    expected[n - 1] = `Test ${client.familyName}`;
    await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
  }
  // Another organisation's client and an expired attest are not listed.
  const elsewhere = await aClient(t.db, { familyName: 'Anders', firstName: 'Elders' });
  await anAttest(t.db, 'running', { clientId: elsewhere.id, organisationId: other.id }, today);
  const expired = await aClient(t.db, { familyName: 'Anders', firstName: 'Verlopen' });
  await anAttest(t.db, 'expired', { clientId: expired.id, organisationId: partner.id }, today);
  return { begeleider, expected };
}

/** The client names of the table, in order. */
function namesIn(body: string): string[] {
  return [...body.matchAll(/<th scope="row" class="govuk-table__header"><a class="govuk-link" href="\/dossiers\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] ?? '');
}

describeOnEachDatabase('issue 16: Mijn klanten in pages', world, (get) => {
  async function as(user: TestUser): Promise<WebSession> {
    const session = new WebSession(get().app);
    assertRedirect(await session.login(user.email, user.password), '/');
    return session;
  }

  it('issue 16: the first page lists the first 50 clients by family name, case-insensitive, with "Volgende" to page 2 and no "Vorige"', async () => {
    const { begeleider, expected } = get().data;
    const page = await (await as(begeleider)).get('/klanten');
    assert.equal(page.statusCode, 200);
    assert.deepEqual(namesIn(page.body), expected.slice(0, 50));
    assert.ok(page.body.includes('1 tot 50 van 110 klanten'));
    assert.match(page.body, /<a class="govuk-link govuk-pagination__link" href="\/klanten\?pagina=2" rel="next">/);
    assert.ok(!page.body.includes('rel="prev"'));
    assert.ok(!page.body.includes('Elders') && !page.body.includes('Verlopen'), 'another organisation\'s client and an expired attest are not listed');
  });

  it('issue 16: page 2 shows clients 51 to 100, with "Vorige" to the first page and "Volgende" to page 3; page 3 the last 10', async () => {
    const { begeleider, expected } = get().data;
    const session = await as(begeleider);
    const second = await session.get('/klanten?pagina=2');
    assert.equal(second.statusCode, 200);
    assert.deepEqual(namesIn(second.body), expected.slice(50, 100));
    assert.ok(second.body.includes('51 tot 100 van 110 klanten'));
    assert.match(second.body, /href="\/klanten" rel="prev">/);
    assert.match(second.body, /href="\/klanten\?pagina=3" rel="next">/);
    assert.ok(second.body.includes('Vorige') && second.body.includes('Volgende'));
    const third = await session.get('/klanten?pagina=3');
    assert.deepEqual(namesIn(third.body), expected.slice(100));
    assert.ok(!third.body.includes('rel="next"'));
  });

  it('issue 16: a malformed page number (0, -1, words, too many digits, a list) is the first page, not an error', async () => {
    const { begeleider, expected } = get().data;
    const session = await as(begeleider);
    for (const query of ['pagina=0', 'pagina=-1', 'pagina=twee', 'pagina=1.5', 'pagina=9999999', 'pagina=2&pagina=3', 'pagina=']) {
      const page = await session.get(`/klanten?${query}`);
      assert.equal(page.statusCode, 200, query);
      assert.deepEqual(namesIn(page.body), expected.slice(0, 50), query);
    }
  });

  it('issue 16: a page past the last one shows the last page with a Dutch message', async () => {
    const { begeleider, expected } = get().data;
    const page = await (await as(begeleider)).get('/klanten?pagina=9');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Pagina 9 bestaat niet. Je ziet pagina 3, de laatste.'));
    assert.deepEqual(namesIn(page.body), expected.slice(100));
  });
});
