/**
 * Issue 15 defect 2: an action plan was stored as "Ander document" because "Document toevoegen"
 * chose that Soort in advance, and nobody could correct it. Now the user chooses the Soort (a
 * Dutch error otherwise, the input kept), except where it follows from the manual's way (Traject
 * > Voeg toe while the running Outplacement line has no action plan: Actieplan), and the
 * organisation that added a document corrects its kind (D7): audited with old and new, in the
 * document's history and the full log, refused on an outdated version (O12), a 404 for anyone
 * else; the Klantenportret's warning follows the corrected kind.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { addDays, addMonths } from '../../src/domain/calendar-date.ts';
import { MEDIA_TYPES, PDF, type MultipartPart } from '../support/documents.ts';
import { aClient, anAttestForPeriod, anOrganisation, anOutplacementStep, aNamedUser, aUser, type TestUser } from '../support/factories.ts';
import { auditRows, errorMessagesIn } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, TEST_NOW, type TestApp } from '../support/test-app.ts';
import { loggedInOnce, type WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const other = await anOrganisation(t.db, { name: 'Andere partner' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  return {
    today: t.clock.today(),
    partner,
    other,
    begeleider: await aNamedUser(t.db, 'begeleider', partner, 'An Begeleider'),
    collega: await aNamedUser(t.db, 'begeleider', partner, 'Bert Collega'),
    vreemde: await aUser(t.db, 'begeleider', other),
    beheerder: await aUser(t.db, 'beheerder', dienst),
  };
}

const pdf = (fileName: string): MultipartPart => ({ name: 'document', fileName, contentType: MEDIA_TYPES.pdf, data: PDF });

/** The radio buttons of "Soort" that are checked, by value. */
function checkedKinds(body: string): string[] {
  return [...body.matchAll(/<input class="govuk-radios__input" id="[^"]*" name="soort" type="radio" value="([^"]+)"([^>]*)>/g)]
    .filter((m) => (m[2] ?? '').includes('checked'))
    .map((m) => m[1] ?? '');
}

describeOnEachDatabase('Issue 15 defect 2: the Soort of a document', world, (get) => {
  /** One login per user for the suite (the login's rate limit counts per address). */
  const as = (user: TestUser): Promise<WebSession> => loggedInOnce(get().app, user);

  /**
   * A client whose attest (Koers, and the other partner) started `daysAgo` days ago, with a Bezig
   * Outplacement line of Koers from that day when `line`.
   */
  async function aDossier(options: { daysAgo: number; line: boolean }) {
    const { db } = get();
    const { today, partner, other, begeleider } = get().data;
    const client = await aClient(db);
    const start = addDays(today, -options.daysAgo);
    const period = { start, end: addMonths(start, 6) };
    await anAttestForPeriod(db, { clientId: client.id, organisationId: partner.id }, period);
    await anAttestForPeriod(db, { clientId: client.id, organisationId: other.id }, period);
    if (options.line) await anOutplacementStep(db, { clientId: client.id, organisation: partner, createdBy: begeleider }, { startDate: start, endDate: period.end });
    return client.id;
  }

  async function add(session: WebSession, clientId: string, name: string, soort: string | null, query = '') {
    await session.get(`/dossiers/${clientId}/documenten/nieuw${query}`);
    const parts: MultipartPart[] = [{ name: 'publicatienaam', value: name }, ...(soort === null ? [] : [{ name: 'soort', value: soort }]), pdf(`${name}.pdf`)];
    return session.postMultipart(`/dossiers/${clientId}/documenten/nieuw${query}`, parts);
  }

  async function documentOf(clientId: string, name: string) {
    return get().db.selectFrom('documents').selectAll().where('clientId', '=', clientId).where('publicationName', '=', name).executeTakeFirstOrThrow();
  }

  it('issue 15 defect 2: "Document toevoegen" has no default Soort; without one it is refused in Dutch with every error at once and the input kept, nothing stored', async () => {
    const { begeleider } = get().data;
    const clientId = await aDossier({ daysAgo: 10, line: false });
    const session = await as(begeleider);
    for (const query of ['', '?terug=documenten']) {
      const form = await session.get(`/dossiers/${clientId}/documenten/nieuw${query}`);
      assert.equal(form.statusCode, 200);
      assert.deepEqual(checkedKinds(form.body), [], `no Soort chosen in advance (${query || 'Traject'})`);
      assert.match(form.body, /Soort \*/);
    }

    const refused = await add(session, clientId, 'Actieplan OP-ANN-01', null);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(errorMessagesIn(refused.body).fields, ['Kies de soort van het document']);
    assert.deepEqual(errorMessagesIn(refused.body).summary, ['Kies de soort van het document']);
    assert.match(refused.body, /href="#soort">Kies de soort van het document/);
    assert.match(refused.body, /name="publicatienaam" type="text" spellcheck="false" value="Actieplan OP-ANN-01"/);
    // Nothing chosen, and nothing written.
    assert.deepEqual(checkedKinds(refused.body), []);
    await session.get(`/dossiers/${clientId}/documenten/nieuw`);
    const nothing = await session.postMultipart(`/dossiers/${clientId}/documenten/nieuw`, [{ name: 'publicatienaam', value: '' }]);
    assert.deepEqual(errorMessagesIn(nothing.body).fields, ['Vul de publicatienaam in', 'Kies de soort van het document', 'Kies het document dat je wilt toevoegen']);
    const rows = await get().db.selectFrom('documents').select('id').where('clientId', '=', clientId).execute();
    assert.equal(rows.length, 0);

    // The choice made is kept when another field is wrong.
    await session.get(`/dossiers/${clientId}/documenten/nieuw`);
    const noName = await session.postMultipart(`/dossiers/${clientId}/documenten/nieuw`, [{ name: 'publicatienaam', value: '' }, { name: 'soort', value: 'eindverslag' }, pdf('x.pdf')]);
    assert.equal(noName.statusCode, 400);
    assert.deepEqual(checkedKinds(noName.body), ['eindverslag']);

    assert.equal((await add(session, clientId, 'Actieplan OP-ANN-01', 'actieplan')).statusCode, 303);
    assert.equal((await documentOf(clientId, 'Actieplan OP-ANN-01')).kind, 'actieplan');
  });

  it('issue 15 defect 2: "Voeg toe" on Traject chooses Actieplan while the running Outplacement line has no action plan; not from the Documenten tab, not after the plan', async () => {
    const { begeleider, vreemde } = get().data;
    const withLine = await aDossier({ daysAgo: 3, line: true });
    const withoutLine = await aDossier({ daysAgo: 3, line: false });
    const session = await as(begeleider);
    const traject = await session.get(`/dossiers/${withLine}/documenten/nieuw`);
    assert.deepEqual(checkedKinds(traject.body), ['actieplan']);
    assert.match(traject.body, /Actieplan is alvast gekozen: de lijn Outplacement van je organisatie loopt en heeft nog geen actieplan/);
    assert.deepEqual(checkedKinds((await session.get(`/dossiers/${withLine}/documenten/nieuw?terug=documenten`)).body), []);
    assert.deepEqual(checkedKinds((await session.get(`/dossiers/${withoutLine}/documenten/nieuw`)).body), []);
    // The other partner has no line of its own: nothing is chosen for it.
    assert.deepEqual(checkedKinds((await (await as(vreemde)).get(`/dossiers/${withLine}/documenten/nieuw`)).body), []);

    assert.equal((await add(session, withLine, 'Actieplan OP-1', 'actieplan')).statusCode, 303);
    // A revised plan or any other document: the user chooses again.
    assert.deepEqual(checkedKinds((await session.get(`/dossiers/${withLine}/documenten/nieuw`)).body), []);
  });

  it('issue 15 defect 2: the own organisation corrects the kind: audited with old and new, shown in the history and the log, and the Klantenportret follows', async () => {
    const { begeleider } = get().data;
    // The line started 40 days ago: the action plan was due 10 days ago.
    const clientId = await aDossier({ daysAgo: 40, line: true });
    const session = await as(begeleider);
    assert.equal((await add(session, clientId, 'Actieplan OP-ANN-01', 'ander')).statusCode, 303);
    const warning = /Geen actieplan van Koers/;
    assert.match((await session.get(`/dossiers/${clientId}`)).body, warning);
    const document = await documentOf(clientId, 'Actieplan OP-ANN-01');

    const traject = await session.get(`/dossiers/${clientId}/begeleiding/traject`);
    const formUrl = `/dossiers/${clientId}/documenten/${document.id}/soort`;
    assert.ok(traject.body.includes(`href="${formUrl}">Soort wijzigen<span class="govuk-visually-hidden"> van Actieplan OP-ANN-01</span>`), 'Traject links to Soort wijzigen');
    const form = await session.get(formUrl);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1 class="govuk-heading-l">Soort wijzigen<\/h1>/);
    assert.deepEqual(checkedKinds(form.body), ['ander']);
    assert.match(form.body, /name="versie" value="0"/);

    const saved = await session.post(formUrl, { soort: 'actieplan', versie: '0' });
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal(saved.headers.location, `/dossiers/${clientId}/begeleiding/traject`);
    assert.match((await session.get(`/dossiers/${clientId}/begeleiding/traject`)).body, /De soort van het document Actieplan OP-ANN-01 is gewijzigd in Actieplan\./);
    const row = await documentOf(clientId, 'Actieplan OP-ANN-01');
    assert.equal(row.kind, 'actieplan');
    assert.equal(row.version, 1);
    assert.equal(row.sha256, document.sha256, 'the file stays as it was');

    const audit = await auditRows(get().db, { action: 'document.soort-gewijzigd', clientId });
    const [event] = audit;
    assert.ok(event !== undefined && audit.length === 1, 'one audit row for the correction');
    assert.equal(event.actorUserId, begeleider.id);
    const { details } = event;
    assert.deepEqual(
      { documentId: details['documentId'], field: details['field'], old: details['old'], new: details['new'] },
      { documentId: document.id, field: 'soort', old: 'Ander document', new: 'Actieplan' },
    );
    assert.doesNotMatch((await session.get(`/dossiers/${clientId}`)).body, warning, 'the Klantenportret counts the corrected action plan');

    const history = (await session.get(formUrl)).body;
    assert.match(history, /<h2 class="govuk-heading-m">Geschiedenis<\/h2>/);
    assert.match(history, /<h3 class="moj-timeline__title">Toegevoegd<\/h3>[\s\S]*<dt>Soort<\/dt><dd>Ander document<\/dd>/);
    assert.match(history, /<h3 class="moj-timeline__title">Soort gewijzigd<\/h3>\s*<p class="moj-timeline__byline">door An Begeleider \(Koers\)<\/p>[\s\S]*<dt>Oude soort<\/dt><dd>Ander document<\/dd>[\s\S]*<dt>Nieuwe soort<\/dt><dd>Actieplan<\/dd>/);
    assert.match((await session.get(`/dossiers/${clientId}/documenten/logging`)).body, /Soort gewijzigd[\s\S]*Soort: van Ander document naar Actieplan/);

    // The same kind again changes nothing and writes nothing.
    await session.get(formUrl);
    assert.equal((await session.post(formUrl, { soort: 'actieplan', versie: '1' })).statusCode, 303);
    assert.equal((await auditRows(get().db, { action: 'document.soort-gewijzigd', clientId })).length, 1);
    // No kind chosen: a Dutch message at the field.
    await session.get(formUrl);
    const none = await session.post(formUrl, { versie: '1' });
    assert.equal(none.statusCode, 400);
    assert.deepEqual(errorMessagesIn(none.body).fields, ['Kies de soort van het document']);
  });

  it('issue 15 defect 2 O12: a correction on a version a colleague changed meanwhile is refused with 409, naming who, the choice kept; nothing overwritten', async () => {
    const { begeleider, collega } = get().data;
    const clientId = await aDossier({ daysAgo: 5, line: true });
    const mine = await as(begeleider);
    assert.equal((await add(mine, clientId, 'Verslag', 'ander')).statusCode, 303);
    const { id } = await documentOf(clientId, 'Verslag');
    const formUrl = `/dossiers/${clientId}/documenten/${id}/soort?terug=documenten`;
    const theirs = await as(collega);
    await mine.get(formUrl);
    await theirs.get(formUrl);
    const first = await theirs.post(formUrl, { soort: 'eindverslag', versie: '0' });
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, `/dossiers/${clientId}/documenten`);
    const stale = await mine.post(formUrl, { soort: 'attest', versie: '0' });
    assert.equal(stale.statusCode, 409);
    assert.deepEqual(errorMessagesIn(stale.body).fields, ['De soort van dit document werd intussen gewijzigd door Bert Collega. Bekijk de huidige soort en bewaar je wijziging opnieuw.']);
    assert.deepEqual(checkedKinds(stale.body), ['attest'], 'the choice is kept');
    assert.match(stale.body, /Huidige soort[\s\S]*Eindverslag/);
    assert.match(stale.body, /name="versie" value="1"/, 'a second Bewaar is made on the current version');
    assert.equal((await documentOf(clientId, 'Verslag')).kind, 'eindverslag');

    // Two corrections at the same moment on one version: exactly one is stored.
    const outcomes = await Promise.all([mine.post(formUrl, { soort: 'attest', versie: '1' }), theirs.post(formUrl, { soort: 'ander', versie: '1' })]);
    assert.deepEqual(outcomes.map((o) => o.statusCode).sort(), [303, 409]);
    assert.equal((await documentOf(clientId, 'Verslag')).version, 2);
    assert.equal((await auditRows(get().db, { action: 'document.soort-gewijzigd', clientId })).length, 2);
  });

  it('issue 15 defect 2: another organisation, service staff and an unknown document get 404 on Soort wijzigen, each refusal logged; only own documents show the link', async () => {
    const { begeleider, vreemde, beheerder } = get().data;
    const clientId = await aDossier({ daysAgo: 5, line: true });
    assert.equal((await add(await as(begeleider), clientId, 'Van Koers', 'ander')).statusCode, 303);
    const { id } = await documentOf(clientId, 'Van Koers');
    const formUrl = `/dossiers/${clientId}/documenten/${id}/soort`;
    for (const user of [vreemde, beheerder]) {
      const session = await as(user);
      const tab = await session.get(`/dossiers/${clientId}/documenten`);
      assert.equal(tab.statusCode, 200);
      assert.ok(tab.body.includes('Van Koers') && !tab.body.includes('Soort wijzigen'), `${user.role}: the document is listed without Soort wijzigen`);
      assert.equal((await session.get(formUrl)).statusCode, 404);
      assert.equal((await session.post(formUrl, { soort: 'actieplan', versie: '0' })).statusCode, 404);
    }
    const own = await as(begeleider);
    assert.equal((await own.get(`/dossiers/${clientId}/documenten/00000000-0000-4000-8000-000000000000/soort`)).statusCode, 404);
    assert.equal((await documentOf(clientId, 'Van Koers')).kind, 'ander');
    const refusals = await auditRows(get().db, { action: 'dossier.geweigerd', clientId });
    assert.equal(refusals.filter((r) => r.details['page'] === 'document-soort').length, 5);
  });

  it('issue 15 defect 2 D4: the database allows a kind correction only with the next version and its author, and nothing else but the withdrawal', async () => {
    const { begeleider } = get().data;
    const { db } = get();
    const clientId = await aDossier({ daysAgo: 5, line: false });
    assert.equal((await add(await as(begeleider), clientId, 'Bewaard', 'ander')).statusCode, 303);
    const { id } = await documentOf(clientId, 'Bewaard');
    await assert.rejects(sql`update documents set kind = 'actieplan' where id = ${id}`.execute(db), /D4/);
    await assert.rejects(sql`update documents set kind = 'actieplan', version = version + 1 where id = ${id}`.execute(db), /D4/);
    await assert.rejects(sql`update documents set publication_name = 'Anders', version = version + 1, kind_changed_by_label = 'X', kind = 'actieplan' where id = ${id}`.execute(db), /D4/);
    await sql`update documents set kind = 'actieplan', version = version + 1, kind_changed_by_label = 'X' where id = ${id}`.execute(db);
    await assert.rejects(sql`update documents set withdrawn_at = ${TEST_NOW}, withdrawn_by_label = 'B', withdrawal_reason = 'R', kind = 'ander' where id = ${id}`.execute(db), /D4/);
    await sql`update documents set withdrawn_at = ${TEST_NOW}, withdrawn_by_label = 'B', withdrawal_reason = 'R' where id = ${id}`.execute(db);
    await assert.rejects(sql`update documents set kind = 'ander', version = version + 1, kind_changed_by_label = 'X' where id = ${id}`.execute(db), /D4/);
    await assert.rejects(sql`delete from documents where id = ${id}`.execute(db), /D4/);
  });
});
