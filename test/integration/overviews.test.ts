/**
 * Issue 15: the overviews a consultant reads every day.
 * - defect 12: document dates read dd/mm/jjjj like every other date; "Mijn klanten" shows whether
 *   the organisation already has a running (Bezig) Outplacement line for the client, and until when;
 * - the Traject screen of the manual (D1): Acties, Gewenste jobs (read-only, with a link to change
 *   them on Profiel) and Documenten overzicht.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addMonths, formatDate } from '../../src/domain/calendar-date.ts';
import { aClient, anAttest, anOrganisation, anOutplacementStep, aUser, type TestUser } from '../support/factories.ts';
import { assertRedirect, countAudit } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, TEST_NOW, type TestApp } from '../support/test-app.ts';
import { aDesiredJob, aDocumentRow } from '../support/upkeep-factories.ts';
import { WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const today = t.clock.today();
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const other = await anOrganisation(t.db, { name: 'Nieuwe Wegen' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  const begeleider = await aUser(t.db, 'begeleider', partner);
  const otherBegeleider = await aUser(t.db, 'begeleider', other);
  const withLine = await aClient(t.db, { familyName: 'Aerts', firstName: 'Ann' });
  const otherLine = await aClient(t.db, { familyName: 'Bosmans', firstName: 'Bert' });
  const cancelled = await aClient(t.db, { familyName: 'Claes', firstName: 'Carla' });
  for (const client of [withLine, otherLine, cancelled]) await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
  await anAttest(t.db, 'running', { clientId: otherLine.id, organisationId: other.id }, today);
  const lineEnd = addMonths(today, 5);
  const lineId = await anOutplacementStep(t.db, { clientId: withLine.id, organisation: partner, createdBy: begeleider }, { startDate: addMonths(today, -1), endDate: lineEnd });
  await anOutplacementStep(t.db, { clientId: otherLine.id, organisation: other, createdBy: otherBegeleider }, { startDate: addMonths(today, -1), endDate: lineEnd });
  await anOutplacementStep(t.db, { clientId: cancelled.id, organisation: partner, createdBy: begeleider }, { startDate: addMonths(today, -1), endDate: lineEnd, state: 'geannuleerd' });
  await aDocumentRow(t.db, { clientId: withLine.id, user: begeleider }, { kind: 'actieplan', name: 'Actieplan OP-ANN-01', uploadedAt: TEST_NOW });
  const jobId = await aDesiredJob(t.db, withLine.id, begeleider);
  return { today, partner, begeleider, beheerder: await aUser(t.db, 'beheerder', dienst), withLine, otherLine, cancelled, lineId, lineEnd, jobId };
}

/** The rows of the first table after `heading`: the text of each cell. */
function rowsAfter(body: string, heading: string): string[][] {
  const from = body.indexOf(heading);
  assert.ok(from >= 0, `"${heading}" is on the page`);
  const tbody = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(body.slice(from))?.[1] ?? '';
  return [...tbody.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => (cell[1] ?? '').replace(/<span class="govuk-visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()),
  );
}

describeOnEachDatabase('issue 15: overviews', world, (get) => {
  async function as(user: TestUser): Promise<WebSession> {
    const session = new WebSession(get().app);
    assertRedirect(await session.login(user.email, user.password), '/');
    return session;
  }

  it('issue 15 defect 12: document dates read dd/mm/jjjj on Traject, the Documenten tab and the Klantenportret', async () => {
    const { begeleider, withLine, today } = get().data;
    const session = await as(begeleider);
    const shown = formatDate(today);
    const [year, month, day] = today.split('-');
    const dashed = `${day ?? ''}-${month ?? ''}-${year ?? ''}`;
    for (const [path, heading] of [['/begeleiding/traject', 'Documenten overzicht'], ['/documenten', '<h1'], ['', 'Laatste documenten']] as const) {
      const page = await session.get(`/dossiers/${withLine.id}${path}`);
      assert.equal(page.statusCode, 200, path);
      const row = rowsAfter(page.body, heading).find((cells) => cells[0] === 'Actieplan OP-ANN-01');
      assert.ok(row, `${path}: the document is listed`);
      assert.ok(row.includes(shown), `${path}: ${row.join(' | ')} shows ${shown}`);
      assert.ok(!page.body.includes(dashed), `${path}: no date as ${dashed}`);
    }
  });

  it('issue 15 defect 12: Mijn klanten shows the organisation\'s Bezig Outplacement line and until when, linked to it; no line, a cancelled one or another organisation\'s shows none', async () => {
    const { begeleider, withLine, lineId, lineEnd } = get().data;
    const page = await (await as(begeleider)).get('/klanten');
    assert.equal(page.statusCode, 200);
    const rows = rowsAfter(page.body, '<table');
    assert.ok(page.body.includes('>Lijn Outplacement</th>'));
    const lineOf = (name: string): string => rows.find((cells) => cells[0] === name)?.[4] ?? 'missing';
    assert.equal(lineOf('Ann Aerts'), `Bezig tot ${formatDate(lineEnd)}`);
    assert.equal(lineOf('Bert Bosmans'), 'Geen lopende lijn');
    assert.equal(lineOf('Carla Claes'), 'Geen lopende lijn');
    assert.ok(page.body.includes(`href="/dossiers/${withLine.id}/stappen/${lineId}"`), 'the running line is a link to it');
  });

  it('issue 15 Traject: Acties, Gewenste jobs (read-only, with a link to change them on Profiel) and Documenten overzicht, as in the manual; opened once in the log', async () => {
    const { db } = get();
    const { begeleider, withLine, jobId } = get().data;
    const session = await as(begeleider);
    const openings = await countAudit(db, { action: 'dossier.geopend', clientId: withLine.id });
    const page = await session.get(`/dossiers/${withLine.id}/begeleiding/traject`);
    assert.equal(page.statusCode, 200);
    assert.equal(await countAudit(db, { action: 'dossier.geopend', clientId: withLine.id }), openings + 1, 'the opening of Traject is logged once');
    const headings = [...page.body.matchAll(/<h2 class="govuk-heading-m"[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['Acties', 'Gewenste jobs', 'Documenten overzicht']);
    const occupation = await db.selectFrom('occupations').select('title').where('code', '=', '5131').executeTakeFirstOrThrow();
    assert.deepEqual(rowsAfter(page.body, '>Gewenste jobs</h2>'), [[`${occupation.title} ISCO 5131`, 'Ervaren', 'Antwerpen', 'Voltijds']]);
    assert.ok(!page.body.includes(`/gewenste-jobs/${jobId}`), 'read-only: no link to change the job itself on Traject');
    assert.match(page.body, new RegExp(`<a class="govuk-link" href="/dossiers/${withLine.id}/profiel#gewenste-jobs">Gewenste jobs wijzigen in Profiel &amp; Gewenste jobs</a>`));
    const profile = await session.get(`/dossiers/${withLine.id}/profiel`);
    assert.ok(profile.body.includes('id="gewenste-jobs"'), 'the link lands on the Gewenste jobs of Profiel');
  });

  it('issue 15 Traject: without desired jobs it says so; a beheerder, who reads only, gets a link to view them', async () => {
    const { beheerder, otherLine } = get().data;
    const page = await (await as(beheerder)).get(`/dossiers/${otherLine.id}/begeleiding/traject`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Er zijn nog geen gewenste jobs.'));
    assert.match(page.body, /href="\/dossiers\/[0-9a-f-]+\/profiel#gewenste-jobs">Naar Profiel &amp; Gewenste jobs<\/a>/);
  });
});
