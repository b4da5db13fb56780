/**
 * Issue 15 defect 11: "Wie bekeek dit dossier" (A6) counts one visit per page per user within a
 * few minutes (a form shown again, a reload), while every opening stays in the audit log; and
 * every page is shown by its Dutch name, never by its key.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DOSSIER_PAGES, VISIT_GAP_SECONDS } from '../../src/domain/dossier/pages.ts';
import { dossierPageName } from '../../src/http/pages/attests/viewers-presenter.ts';
import { dossierPageNames } from '../../src/http/messages/index.ts';
import { aClient, anAttest, anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { assertRedirect, countAudit } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  const client = await aClient(t.db);
  await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, t.clock.today());
  return {
    client,
    begeleider: await aUser(t.db, 'begeleider', partner),
    collega: await aUser(t.db, 'begeleider', partner),
    secretariaat: await aUser(t.db, 'secretariaat', dienst),
  };
}

/** The rows of the table on "Wie bekeek dit dossier": the text of each cell. */
function tableRows(body: string): string[][] {
  const tbody = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
  return [...tbody.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()),
  );
}

describeOnEachDatabase('issue 15 defect 11: Wie bekeek dit dossier', world, (get) => {
  async function as(user: TestUser): Promise<WebSession> {
    const session = new WebSession(get().app);
    assertRedirect(await session.login(user.email, user.password), '/');
    return session;
  }

  async function visitsOf(user: TestUser): Promise<string[]> {
    const { client, secretariaat } = get().data;
    const page = await (await as(secretariaat)).get(`/dossiers/${client.id}/wie-bekeek`);
    assert.equal(page.statusCode, 200);
    const label = `Test ${user.role}`;
    return tableRows(page.body).filter((cells) => cells[1] === label).map((cells) => cells[3] ?? '');
  }

  it('issue 15 defect 11: ten re-displays of a page within a few minutes are one visit; later it is a new one; every opening stays in the audit log', async () => {
    const { db, clock } = get();
    const { client, begeleider, collega } = get().data;
    const session = await as(begeleider);
    const before = await countAudit(db, { action: 'dossier.geopend', actorUserId: begeleider.id });
    for (let i = 0; i < 10; i++) {
      assert.equal((await session.get(`/dossiers/${client.id}/begeleiding/stappen-naar-werk`)).statusCode, 200);
      clock.advanceMinutes(0.5);
    }
    assert.equal(await countAudit(db, { action: 'dossier.geopend', actorUserId: begeleider.id }), before + 10, 'all ten openings are recorded');
    assert.deepEqual((await visitsOf(begeleider)).filter((w) => w === 'Geopend: Stappen naar werk'), ['Geopend: Stappen naar werk']);

    // Another page, or another user, within the same minutes: a visit of its own.
    await session.get(`/dossiers/${client.id}/begeleiding/traject`);
    await (await as(collega)).get(`/dossiers/${client.id}/begeleiding/stappen-naar-werk`);
    assert.equal((await visitsOf(begeleider)).filter((w) => w === 'Geopend: Traject').length, 1);
    // The two begeleiders have the same label in this test; the collega's visit makes the second row.
    assert.equal((await visitsOf(begeleider)).filter((w) => w === 'Geopend: Stappen naar werk').length, 2);

    // Past the gap after the last opening: a new visit.
    clock.advanceMinutes(VISIT_GAP_SECONDS / 60 + 1);
    await session.get(`/dossiers/${client.id}/begeleiding/stappen-naar-werk`);
    assert.equal((await visitsOf(begeleider)).filter((w) => w === 'Geopend: Stappen naar werk').length, 3);
  });

  it('issue 15 defect 11: the CSV export keeps every opening, one line each', async () => {
    const { client, secretariaat } = get().data;
    const csv = await (await as(secretariaat)).get(`/dossiers/${client.id}/wie-bekeek.csv`);
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.split('\r\n').filter((l) => l.includes('"Geopend: Stappen naar werk"'));
    assert.equal(lines.length, 12);
  });

  it('issue 15 defect 11: every page is shown by its Dutch name, "Volledige logging" of the documents too', async () => {
    const { client, begeleider } = get().data;
    const session = await as(begeleider);
    for (const path of ['', '/profiel', '/cv', '/documenten', '/documenten/logging', '/documenten/nieuw', '/logboek', '/wijzigingen', '/begeleiding/interne-opmerking', '/cv/afdrukken']) {
      assert.equal((await session.get(`/dossiers/${client.id}${path}`)).statusCode, 200, path);
    }
    const shown = await visitsOf(begeleider);
    assert.ok(shown.includes('Geopend: Volledige logging van de documenten'), shown.join(' | '));
    for (const what of shown) {
      assert.match(what, /^Geopend: [A-Z]/, what);
      assert.doesNotMatch(what, /[a-z]-[a-z]/, `no raw key in "${what}"`);
    }
  });
});

it('issue 15 defect 11: every page a use case can log has a Dutch name; earlier or unknown keys never show raw', () => {
  for (const page of DOSSIER_PAGES) {
    assert.equal(dossierPageName(page), dossierPageNames[page]);
    assert.doesNotMatch(dossierPageName(page), /^[a-z]+(-[a-z]+)*$/, page);
  }
  assert.equal(dossierPageName('documenten-logging'), 'Volledige logging van de documenten');
  assert.equal(dossierPageName('volledige-logging'), 'Volledige logging van de documenten');
  assert.equal(dossierPageName('iets-nieuws'), 'een pagina van het dossier');
  assert.equal(dossierPageName(undefined), 'een pagina van het dossier');
});
