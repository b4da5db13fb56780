/**
 * Begeleiding > Interne opmerking (K3): notes by date and author, visible only inside the writing
 * organisation. Another partner with access to the same client, and the service's own staff,
 * never see a partner's notes; a partner never sees the service's notes.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { aClient, anAttest, anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { aNote } from '../support/upkeep-factories.ts';
import { WebSession } from '../support/web-session.ts';
import { auditRows, errorMessagesIn } from '../support/integration-helpers.ts';

async function world(t: TestApp) {
  const today = t.clock.today();
  const koers = await anOrganisation(t.db, { name: 'Koers' });
  const wegen = await anOrganisation(t.db, { name: 'Nieuwe Wegen' });
  const derde = await anOrganisation(t.db, { name: 'Derde partner' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  const begeleider = await aUser(t.db, 'begeleider', koers);
  const collega = await aUser(t.db, 'partnerbeheerder', koers);
  const andere = await aUser(t.db, 'begeleider', wegen);
  const vreemde = await aUser(t.db, 'begeleider', derde);
  const secretariaat = await aUser(t.db, 'secretariaat', dienst);
  const adviseur = await aUser(t.db, 'interventieadviseur', dienst);
  // One client both partners have access to (two attests), so that visibility is the only difference.
  const client = await aClient(t.db);
  await anAttest(t.db, 'running', { clientId: client.id, organisationId: koers.id }, today);
  await anAttest(t.db, 'running', { clientId: client.id, organisationId: wegen.id }, today);
  return { begeleider, collega, andere, vreemde, secretariaat, adviseur, client };
}

async function loggedIn(t: TestApp, user: TestUser): Promise<WebSession> {
  const session = new WebSession(t.app);
  assert.equal((await session.login(user.email, user.password)).statusCode, 303);
  return session;
}

describeOnEachDatabase('Interne opmerking', world, (get) => {
  const notesUrl = () => `/dossiers/${get().data.client.id}/begeleiding/interne-opmerking`;

  it('K3 a note is shown with its date and author to the own organisation, newest first', async () => {
    const { begeleider, collega } = get().data;
    const writer = await loggedIn(get(), begeleider);
    const page = await writer.get(notesUrl());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /aria-current="page"[^>]*>\s*Interne opmerking|Interne opmerking<\/a>/);
    assert.equal((await writer.post(notesUrl(), { opmerking: 'Eerste gesprek: klant zoekt deeltijds werk.' })).statusCode, 303);
    get().clock.advanceMinutes(5);
    assert.equal((await writer.post(notesUrl(), { opmerking: 'Tweede gesprek: cv bijgewerkt.' })).statusCode, 303);
    const shown = await (await loggedIn(get(), collega)).get(notesUrl());
    const first = shown.body.indexOf('Eerste gesprek');
    const second = shown.body.indexOf('Tweede gesprek');
    assert.ok(first > 0 && second > 0 && second < first, 'both notes, newest first');
    assert.match(shown.body, /door Test begeleider/);
    assert.match(shown.body, /<time datetime="[^"]+">\d{2}\/\d{2}\/\d{4}/);
  });

  it('K3 notes written at the same instant are still shown newest first: the order is the order of writing, not of two clocks', async () => {
    const t = get();
    const { begeleider } = t.data;
    // A client of its own, so that the other tests' counts of notes stay as they are.
    const client = await aClient(t.db);
    await anAttest(t.db, 'running', { clientId: client.id, organisationId: begeleider.organisationId }, t.clock.today());
    const url = `/dossiers/${client.id}/begeleiding/interne-opmerking`;
    const writer = await loggedIn(t, begeleider);
    assert.equal((await writer.get(url)).statusCode, 200);
    // The clock stands still: both notes carry the same time, as a demo note and a test's note did.
    assert.equal((await writer.post(url, { opmerking: 'Zelfde moment, eerst geschreven.' })).statusCode, 303);
    assert.equal((await writer.post(url, { opmerking: 'Zelfde moment, daarna geschreven.' })).statusCode, 303);
    const shown = (await writer.get(url)).body;
    const earlier = shown.indexOf('Zelfde moment, eerst geschreven.');
    const later = shown.indexOf('Zelfde moment, daarna geschreven.');
    assert.ok(earlier > 0 && later > 0 && later < earlier, 'the note written last comes first');
  });

  it('one clock: the database no longer dates a note itself; a row without its time is refused', async () => {
    const { begeleider, client } = get().data;
    await assert.rejects(
      sql`insert into internal_notes (client_id, organisation_id, author_user_id, author_label, text) values (${client.id}, ${begeleider.organisationId}, ${begeleider.id}, 'Test', 'zonder tijd')`.execute(get().db),
      /created_at/,
    );
  });

  it('K3 another partner with access to the same client does not see the notes', async () => {
    const { andere } = get().data;
    const page = await (await loggedIn(get(), andere)).get(notesUrl());
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Eerste gesprek|Tweede gesprek/);
    assert.match(page.body, /Je organisatie heeft nog geen opmerkingen over deze klant/);
  });

  it("K3 service staff see their own organisation's notes, never the partners', and the partners never theirs", async () => {
    const { secretariaat, adviseur, begeleider, client } = get().data;
    const staff = await loggedIn(get(), secretariaat);
    const page = await staff.get(notesUrl());
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Eerste gesprek|Tweede gesprek/);
    assert.equal((await staff.post(notesUrl(), { opmerking: 'Attest nagekeken met het origineel.' })).statusCode, 303);
    assert.match((await (await loggedIn(get(), adviseur)).get(notesUrl())).body, /Attest nagekeken met het origineel/);
    assert.doesNotMatch((await (await loggedIn(get(), begeleider)).get(notesUrl())).body, /Attest nagekeken/);
    const rows = await get().db.selectFrom('internal_notes').select(['organisationId', 'text']).where('clientId', '=', client.id).execute();
    assert.equal(rows.length, 3);
  });

  it('K3 an empty or too long note is refused with the text kept; the log records the note without its text', async () => {
    const { begeleider, client } = get().data;
    const session = await loggedIn(get(), begeleider);
    await session.get(notesUrl());
    const empty = await session.post(notesUrl(), { opmerking: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorMessagesIn(empty.body).fields, ['Vul de opmerking in']);
    const long = `Begin ${'x'.repeat(2000)}`;
    const tooLong = await session.post(notesUrl(), { opmerking: long });
    assert.equal(tooLong.statusCode, 400);
    assert.deepEqual(errorMessagesIn(tooLong.body).fields, ['De opmerking mag hoogstens 2000 tekens bevatten']);
    assert.ok(tooLong.body.includes(`>${long}</textarea>`), 'the text is kept');
    const audit = await auditRows(get().db, { action: 'interne-opmerking.toegevoegd', clientId: client.id });
    assert.equal(audit.length, 3);
    for (const row of audit) {
      assert.deepEqual(Object.keys(row.details).sort(), ['length', 'noteId']);
      assert.ok(!JSON.stringify(row.details).includes('gesprek'));
    }
  });

  it('A1 an organisation without access gets the 404 and cannot add a note', async () => {
    const { vreemde, client, begeleider } = get().data;
    await aNote(get().db, client.id, begeleider, 'Geheim voor anderen');
    const stranger = await loggedIn(get(), vreemde);
    assert.equal((await stranger.get(notesUrl())).statusCode, 404);
    await stranger.refreshCsrf('/klanten');
    assert.equal((await stranger.post(notesUrl(), { opmerking: 'Poging' })).statusCode, 404);
    const texts = await get().db.selectFrom('internal_notes').select('text').where('clientId', '=', client.id).execute();
    assert.ok(!texts.some((n) => n.text === 'Poging'));
  });
});
