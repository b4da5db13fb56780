/**
 * Profiel & Gewenste jobs and the Klantenportret over HTTP (K1, K2), as a consultant and the
 * service's staff use them: each field group saved and shown, Dutch validation with the input
 * kept (Belgian postcodes and phone numbers, required fields), audit rows per changed field,
 * outdated versions refused (O12), and the same 404 for an organisation without access (A1).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addDays, addMonths, formatDate } from '../../src/domain/calendar-date.ts';
import * as stepTypes from '../../src/db/repositories/step-types.ts';
import { aClient, anAttest, anOrganisation, anOutplacementStep, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { aDesiredJob, aDocumentRow, aRegistration } from '../support/upkeep-factories.ts';
import { loggedInOnce, type WebSession } from '../support/web-session.ts';
import { auditRows, errorMessagesIn } from '../support/integration-helpers.ts';

async function world(t: TestApp) {
  const today = t.clock.today();
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const other = await anOrganisation(t.db, { name: 'Andere partner' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  await stepTypes.allow(t.db, partner.id, ['outplacement']);
  const begeleider = await aUser(t.db, 'begeleider', partner);
  const collega = await aUser(t.db, 'begeleider', partner);
  const vreemde = await aUser(t.db, 'begeleider', other);
  const secretariaat = await aUser(t.db, 'secretariaat', dienst);
  const beheerder = await aUser(t.db, 'beheerder', dienst);
  const clients = [];
  for (let i = 0; i < 6; i++) {
    const client = await aClient(t.db, { street: 'Kerkstraat 1', postcode: '2800', city: 'Mechelen', phone: '015 21 22 23', email: `klant${i}@voorbeeld.be` });
    await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
    clients.push(client);
  }
  return { today, partner, begeleider, collega, vreemde, secretariaat, beheerder, clients };
}

/** One login per user for the suite: the login's rate limit counts per address (issue 18). */
function loggedIn(t: TestApp, user: TestUser): Promise<WebSession> {
  return loggedInOnce(t.app, user);
}

const contactFields = (fields: Partial<Record<string, string>> = {}): Record<string, string> => ({
  telefoon: '0470 12 34 56',
  'e-mail': 'klant@voorbeeld.be',
  straat: 'Stationsstraat 4',
  postcode: '9300',
  gemeente: 'Aalst',
  ...fields,
});

function dateParts(prefix: string, date: string): Record<string, string> {
  const [jaar = '', maand = '', dag = ''] = date.split('-');
  return { [`${prefix}-dag`]: dag, [`${prefix}-maand`]: maand, [`${prefix}-jaar`]: jaar };
}

describeOnEachDatabase('Profiel & Gewenste jobs pages', world, (get) => {
  const version = async (clientId: string) => (await get().db.selectFrom('clients').select('version').where('id', '=', clientId).executeTakeFirstOrThrow()).version;

  it('K2 contact data are saved and shown, with an audit row per changed field', async () => {
    const { clients, begeleider } = get().data;
    const clientId = clients[0]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    const form = await session.get(`/dossiers/${clientId}/profiel/contactgegevens`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<label class="govuk-label govuk-label--s" for="telefoon">/);
    const saved = await session.post(`/dossiers/${clientId}/profiel/contactgegevens`, { versie: String(await version(clientId)), ...contactFields() });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/dossiers/${clientId}/profiel`);
    const profile = await session.get(`/dossiers/${clientId}/profiel`);
    assert.match(profile.body, /De wijzigingen zijn bewaard/);
    for (const shown of ['0470 12 34 56', 'klant@voorbeeld.be', 'Stationsstraat 4, 9300 Aalst']) assert.ok(profile.body.includes(shown), `shows ${shown}`);
    const audit = await auditRows(get().db, { action: 'contactgegevens.gewijzigd', clientId });
    assert.deepEqual(
      audit.map((a) => [a.details['field'], a.details['old'], a.details['new']]),
      [
        ['telefoon', '015 21 22 23', '0470 12 34 56'],
        ['e-mail', 'klant0@voorbeeld.be', 'klant@voorbeeld.be'],
        ['straat', 'Kerkstraat 1', 'Stationsstraat 4'],
        ['postcode', '2800', '9300'],
        ['gemeente', 'Mechelen', 'Aalst'],
      ],
    );
    assert.ok(audit.every((a) => a.actorUserId === begeleider.id));
  });

  it('K2 a Belgian postcode and phone number are required in their format; the input is kept and nothing stored', async () => {
    const { clients, begeleider } = get().data;
    const clientId = clients[1]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    await session.get(`/dossiers/${clientId}/profiel/contactgegevens`);
    const before = await version(clientId);
    const refused = await session.post(`/dossiers/${clientId}/profiel/contactgegevens`, {
      versie: String(before),
      ...contactFields({ telefoon: '12 34', postcode: '0999', 'e-mail': 'geen-adres' }),
    });
    assert.equal(refused.statusCode, 400);
    const { summary, fields } = errorMessagesIn(refused.body);
    assert.deepEqual(fields, [
      'Vul een Belgisch telefoonnummer in dat begint met 0 of +32, zoals 0470 12 34 56 of +32 15 21 22 23',
      'Vul een e-mailadres in zoals naam@voorbeeld.be',
      'Vul een Belgische postcode in: 4 cijfers, van 1000 tot 9999',
    ]);
    assert.equal(summary.length, 3);
    assert.match(refused.body, /href="#postcode">Vul een Belgische postcode in/);
    assert.match(refused.body, /name="telefoon" type="tel" value="12 34"/);
    assert.match(refused.body, /name="postcode" type="text" value="0999"/);
    assert.match(refused.body, /<title>Fout: Contactgegevens wijzigen/);
    assert.equal(await version(clientId), before);

    const incomplete = await session.post(`/dossiers/${clientId}/profiel/contactgegevens`, { versie: String(before), ...contactFields({ postcode: '', gemeente: '' }) });
    assert.equal(incomplete.statusCode, 400);
    assert.deepEqual(errorMessagesIn(incomplete.body).fields, ['Vul de postcode in', 'Vul de gemeente in']);

    const written = await session.post(`/dossiers/${clientId}/profiel/contactgegevens`, { versie: String(before), ...contactFields({ telefoon: '+32 15/21.22.23' }) });
    assert.equal(written.statusCode, 303, 'a number with +32, slashes and dots is Belgian too');
  });

  it('O12 contact data changed by someone else meanwhile are refused, with the input kept', async () => {
    const { clients, begeleider, collega } = get().data;
    const clientId = clients[2]?.id ?? '';
    const first = await loggedIn(get(), collega);
    const second = await loggedIn(get(), begeleider);
    const read = String(await version(clientId));
    await first.get(`/dossiers/${clientId}/profiel/contactgegevens`);
    await second.get(`/dossiers/${clientId}/profiel/contactgegevens`);
    assert.equal((await first.post(`/dossiers/${clientId}/profiel/contactgegevens`, { versie: read, ...contactFields({ gemeente: 'Aalst' }) })).statusCode, 303);
    const refused = await second.post(`/dossiers/${clientId}/profiel/contactgegevens`, { versie: read, ...contactFields({ gemeente: 'Dendermonde' }) });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Deze gegevens werden intussen door iemand anders gewijzigd/);
    assert.match(refused.body, /name="gemeente" type="text" value="Dendermonde"/);
    const stored = await get().db.selectFrom('clients').select('city').where('id', '=', clientId).executeTakeFirstOrThrow();
    assert.equal(stored.city, 'Aalst');
  });

  it('K1 service staff record the registration as a job seeker; partners see it and cannot change it', async () => {
    const { clients, begeleider, secretariaat, today } = get().data;
    const clientId = clients[3]?.id ?? '';
    const partner = await loggedIn(get(), begeleider);
    assert.equal((await partner.get(`/dossiers/${clientId}/profiel/inschrijving`)).statusCode, 403);
    const staff = await loggedIn(get(), secretariaat);
    assert.equal((await staff.get(`/dossiers/${clientId}/profiel/inschrijving`)).statusCode, 200);
    const noDate = await staff.post(`/dossiers/${clientId}/profiel/inschrijving`, { versie: '0', ingeschreven: 'ja' });
    assert.equal(noDate.statusCode, 400);
    assert.deepEqual(errorMessagesIn(noDate.body).fields, ['Vul de datum van inschrijving in']);
    assert.match(noDate.body, /value="ja" checked/);
    const future = await staff.post(`/dossiers/${clientId}/profiel/inschrijving`, { versie: '0', ingeschreven: 'ja', ...dateParts('inschrijvingsdatum', addDays(today, 1)) });
    assert.equal(future.statusCode, 400);
    assert.deepEqual(errorMessagesIn(future.body).fields, ['De datum van inschrijving mag niet na vandaag liggen']);
    const on = addMonths(today, -1);
    assert.equal((await staff.post(`/dossiers/${clientId}/profiel/inschrijving`, { versie: '0', ingeschreven: 'ja', ...dateParts('inschrijvingsdatum', on) })).statusCode, 303);
    const profile = await partner.get(`/dossiers/${clientId}/profiel`);
    assert.ok(profile.body.includes(`Ja, sinds ${formatDate(on)}`));
    assert.doesNotMatch(profile.body, /href="\/dossiers\/[^"]+\/profiel\/inschrijving"/, 'no change link for the partner');
    const audit = await auditRows(get().db, { action: 'inschrijving-werkzoekende.gewijzigd', clientId });
    assert.deepEqual(audit.map((a) => [a.details['field'], a.details['old'], a.details['new']]), [['ingeschreven', '', 'Ja'], ['inschrijvingsdatum', '', formatDate(on)]]);
    const stale = await staff.post(`/dossiers/${clientId}/profiel/inschrijving`, { versie: '0', ingeschreven: 'nee' });
    assert.equal(stale.statusCode, 409, 'a second "first" registration is an outdated version');
    assert.match(stale.body, /value="nee" checked/);
  });

  it('K2 availability is saved and shown; a date that does not exist is refused with the input kept', async () => {
    const { clients, begeleider, today } = get().data;
    const clientId = clients[3]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    await session.get(`/dossiers/${clientId}/profiel/beschikbaarheid`);
    const wrong = await session.post(`/dossiers/${clientId}/profiel/beschikbaarheid`, { versie: '0', 'beschikbaar-vanaf-dag': '31', 'beschikbaar-vanaf-maand': '02', 'beschikbaar-vanaf-jaar': '2027' });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(errorMessagesIn(wrong.body).fields, ['Vul een bestaande datum in, zoals 21/02/2019']);
    assert.match(wrong.body, /name="beschikbaar-vanaf-dag" type="text" value="31"/);
    const from = addDays(today, 10);
    assert.equal((await session.post(`/dossiers/${clientId}/profiel/beschikbaarheid`, { versie: '0', ...dateParts('beschikbaar-vanaf', from) })).statusCode, 303);
    assert.ok((await session.get(`/dossiers/${clientId}/profiel`)).body.includes(formatDate(from)));
    assert.deepEqual((await auditRows(get().db, { action: 'beschikbaarheid.gewijzigd', clientId })).map((a) => a.details['new']), [formatDate(from)]);
  });

  it('K2 a desired job: the occupation is searched without JavaScript, chosen, saved and shown', async () => {
    const { clients, begeleider } = get().data;
    const clientId = clients[4]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    const url = `/dossiers/${clientId}/gewenste-jobs/nieuw`;
    await session.get(url);
    const tooShort = await session.post(url, { actie: 'zoek-beroep', 'beroep-zoek': 'k', ervaring: 'ervaren' });
    assert.equal(tooShort.statusCode, 400);
    assert.deepEqual(errorMessagesIn(tooShort.body).fields, ['Vul minstens 2 letters van het beroep in']);
    const none = await session.post(url, { actie: 'zoek-beroep', 'beroep-zoek': 'astronautx' });
    assert.deepEqual(errorMessagesIn(none.body).fields, ['Geen beroep gevonden met deze naam of code']);
    const found = await session.post(url, { actie: 'zoek-beroep', 'beroep-zoek': 'kelner', ervaring: 'ervaren', regio: 'antwerpen' });
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /type="radio" value="5131"/);
    assert.match(found.body, /value="ervaren" checked/, 'the other choices are kept while searching');
    const missing = await session.post(url, { actie: 'bewaren', 'beroep-zoek': 'kelner' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(errorMessagesIn(missing.body).fields, [
      'Kies een beroep: zoek het op naam en kies het uit de lijst',
      'Kies de ervaring in dit beroep',
      'Kies minstens één regio',
      'Kies voltijds of deeltijds',
    ]);
    assert.match(missing.body, /name="beroep-zoek" type="text" value="kelner"/);
    const saved = await session.post(url, { actie: 'bewaren', beroep: '5131', ervaring: 'beperkt', regio: 'oost-vlaanderen', regime: 'deeltijds' });
    assert.equal(saved.statusCode, 303);
    const profile = await session.get(`/dossiers/${clientId}/profiel`);
    assert.match(profile.body, /De gewenste job Kelners is toegevoegd/);
    assert.match(profile.body, /Kelners/);
    assert.match(profile.body, /Oost-Vlaanderen/);
    const audit = await auditRows(get().db, { action: 'gewenste-job.toegevoegd', clientId });
    assert.deepEqual(audit.map((a) => [a.details['field'], a.details['new']]), [
      ['beroep', 'Kelners (5131)'],
      ['ervaring', 'Beperkt'],
      ['regio', 'Oost-Vlaanderen'],
      ['regime', 'Deeltijds'],
    ]);
    const unknown = await session.post(url, { actie: 'bewaren', beroep: '9999', ervaring: 'beperkt', regio: 'antwerpen', regime: 'voltijds' });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(errorMessagesIn(unknown.body).fields, ['Dit beroep staat niet in de catalogus: zoek het opnieuw en kies het uit de lijst']);
  });

  it('K2 O12 a desired job is changed field by field, an outdated change is refused, and it can be removed', async () => {
    const { clients, begeleider, collega } = get().data;
    const clientId = clients[5]?.id ?? '';
    const jobId = await aDesiredJob(get().db, clientId, begeleider);
    const url = `/dossiers/${clientId}/gewenste-jobs/${jobId}`;
    const first = await loggedIn(get(), collega);
    const second = await loggedIn(get(), begeleider);
    await first.get(url);
    await second.get(url);
    const change = (ervaring: string) => ({ actie: 'bewaren', versie: '1', beroep: '5131', ervaring, regio: 'antwerpen', regime: 'voltijds' });
    assert.equal((await first.post(url, change('beperkt'))).statusCode, 303);
    const refused = await second.post(url, change('geen'));
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Deze gegevens werden intussen gewijzigd door Test/);
    assert.match(refused.body, /value="geen" checked/);
    assert.match(refused.body, /name="versie" value="2"/, 'the kept input is now on the current version');
    const audit = await auditRows(get().db, { action: 'gewenste-job.gewijzigd', clientId });
    assert.deepEqual(audit.map((a) => [a.details['field'], a.details['old'], a.details['new'], a.details['itemId']]), [['ervaring', 'Ervaren', 'Beperkt', jobId]]);

    assert.equal((await second.post(`${url}/verwijderen`, { versie: '1' })).statusCode, 409, 'removing an outdated version is refused too');
    assert.equal((await second.post(`${url}/verwijderen`, { versie: '2' })).statusCode, 303);
    assert.equal((await get().db.selectFrom('desired_jobs').select('id').where('clientId', '=', clientId).execute()).length, 0);
    assert.equal((await auditRows(get().db, { action: 'gewenste-job.verwijderd', clientId })).length, 4);
    const changes = await second.get(`/dossiers/${clientId}/wijzigingen`);
    assert.match(changes.body, /Gewenste job: Kelners \(5131\) gewijzigd/);
    assert.match(changes.body, /Ervaren → Beperkt/);
  });

  it('K1 the Klantenportret sums up registration, the running outplacement, desired jobs and what is missing', async () => {
    const { begeleider, secretariaat, partner, today } = get().data;
    const client = await aClient(get().db, { street: null, postcode: null, city: null, phone: null, email: 'iemand@voorbeeld.be' });
    await anAttest(get().db, 'running', { clientId: client.id, organisationId: partner.id }, today);
    const start = addMonths(today, -1);
    const end = addMonths(today, 5);
    await anOutplacementStep(get().db, { clientId: client.id, organisation: partner, createdBy: begeleider }, { startDate: start, endDate: end });
    await aDesiredJob(get().db, client.id, begeleider, { occupationCode: '4110' });
    const session = await loggedIn(get(), begeleider);
    const before = await session.get(`/dossiers/${client.id}`);
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /Aandachtspunten/);
    assert.match(before.body, /Niet geregistreerd of de klant ingeschreven is als werkzoekende/);
    assert.match(before.body, /Contactgegevens ontbreken: telefoon, adres\./);
    assert.match(before.body, /Lopende outplacement/);
    assert.ok(before.body.includes(`${formatDate(start)} – ${formatDate(end)}`));
    assert.ok(before.body.includes(formatDate(addMonths(end, 1))), 'the automatic completion date');
    assert.match(before.body, /Administratieve medewerkers, algemeen/);

    await aRegistration(get().db, client.id, secretariaat, null);
    assert.match((await session.get(`/dossiers/${client.id}`)).body, /De klant is niet ingeschreven als werkzoekende/);
  });

  it('K1 D1 the Klantenportret shows the last documents and warns when the action plan is missing 30 days after the start', async () => {
    const { begeleider, partner, today } = get().data;
    const client = await aClient(get().db, { street: 'Markt 1', postcode: '8000', city: 'Brugge', phone: '050 12 34 56', email: 'a@voorbeeld.be' });
    await anAttest(get().db, 'running', { clientId: client.id, organisationId: partner.id }, today);
    await anOutplacementStep(get().db, { clientId: client.id, organisation: partner, createdBy: begeleider }, { startDate: addDays(today, -31), endDate: addMonths(today, 5) });
    const session = await loggedIn(get(), begeleider);
    const without = await session.get(`/dossiers/${client.id}`);
    assert.ok(without.body.includes(`Geen actieplan van Koers: het actieplan hoorde er te zijn op ${formatDate(addDays(today, -1))}`));
    assert.match(without.body, /Er zijn nog geen documenten/);
    const names = ['Intakeverslag', 'Actieplan OP-1', 'Cv oud', 'Attest getekend'];
    for (const [i, name] of names.entries()) {
      await aDocumentRow(get().db, { clientId: client.id, user: begeleider }, { kind: name.startsWith('Actieplan') ? 'actieplan' : 'ander', name, uploadedAt: new Date(get().clock.now().getTime() - (10 - i) * 3_600_000) });
    }
    const withPlan = await session.get(`/dossiers/${client.id}`);
    assert.doesNotMatch(withPlan.body, /Geen actieplan/);
    const shown = names.filter((name) => withPlan.body.includes(`>${name}</a>`));
    assert.deepEqual(shown, ['Actieplan OP-1', 'Cv oud', 'Attest getekend'], 'the three newest documents');
  });

  it('A1 another organisation gets the same 404 on every page and form of the profile, and changes nothing', async () => {
    const { clients, vreemde, begeleider } = get().data;
    const clientId = clients[0]?.id ?? '';
    const jobId = await aDesiredJob(get().db, clientId, begeleider);
    const stranger = await loggedIn(get(), vreemde);
    for (const path of ['/profiel', '/profiel/contactgegevens', '/profiel/beschikbaarheid', '/gewenste-jobs/nieuw', `/gewenste-jobs/${jobId}`, '/wijzigingen']) {
      assert.equal((await stranger.get(`/dossiers/${clientId}${path}`)).statusCode, 404, path);
    }
    await stranger.refreshCsrf('/klanten');
    const before = await version(clientId);
    assert.equal((await stranger.post(`/dossiers/${clientId}/profiel/contactgegevens`, { versie: String(before), ...contactFields({ gemeente: 'Elders' }) })).statusCode, 404);
    assert.equal((await stranger.post(`/dossiers/${clientId}/gewenste-jobs/${jobId}/verwijderen`, { versie: '1' })).statusCode, 404);
    assert.equal(await version(clientId), before);
    const own = await loggedIn(get(), begeleider);
    assert.equal((await own.get(`/dossiers/${clientId}/gewenste-jobs/not-a-uuid`)).statusCode, 404);
    assert.equal((await own.get(`/dossiers/${clients[1]?.id ?? ''}/gewenste-jobs/${jobId}`)).statusCode, 404, "another client's job is not this dossier's");
  });

  it('K2 a beheerder adds an occupation to the catalogue, which consultants then find; others may not', async () => {
    const { beheerder, begeleider, clients } = get().data;
    const partner = await loggedIn(get(), begeleider);
    assert.equal((await partner.get('/beheer/beroepen')).statusCode, 403);
    const admin = await loggedIn(get(), beheerder);
    const page = await admin.get('/beheer/beroepen?zoek=softwareontw');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2512/);
    const unknownGroup = await admin.post('/beheer/beroepen', { titel: 'Webmaster', 'isco-code': '9999' });
    assert.equal(unknownGroup.statusCode, 400);
    assert.deepEqual(errorMessagesIn(unknownGroup.body).fields, ['Vul de code van een bestaande ISCO-08-beroepsgroep in: 4 cijfers, zoals 2513']);
    assert.match(unknownGroup.body, /name="titel" type="text" value="Webmaster"/);
    const existing = await admin.post('/beheer/beroepen', { titel: 'kelners', 'isco-code': '5131' });
    assert.deepEqual(errorMessagesIn(existing.body).fields, ['Dit beroep staat al in de catalogus']);
    const added = await admin.post('/beheer/beroepen', { titel: 'Webmaster', 'isco-code': '2513' });
    assert.equal(added.statusCode, 303);
    assert.match((await admin.get('/beheer/beroepen')).body, /Het beroep Webmaster \(2513-1\) is toegevoegd aan de catalogus/);
    await partner.get(`/dossiers/${clients[0]?.id ?? ''}/gewenste-jobs/nieuw`);
    const found = await partner.post(`/dossiers/${clients[0]?.id ?? ''}/gewenste-jobs/nieuw`, { actie: 'zoek-beroep', 'beroep-zoek': 'webmaster' });
    assert.match(found.body, /type="radio" value="2513-1"/);
    assert.equal((await auditRows(get().db, { action: 'beroep.toegevoegd' })).length, 1);
  });
});
