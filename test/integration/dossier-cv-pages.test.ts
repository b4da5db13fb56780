/**
 * The tab "Cv's" over HTTP (K2): education, work experience, languages, driving licences and
 * competences saved and shown, Dutch validation with the input kept, one audit row per changed
 * field, outdated versions refused (O12), "CV afdrukken" as a PDF, and the 404 of A1.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { addMonths } from '../../src/domain/calendar-date.ts';
import { monthOf } from '../../src/domain/dossier/cv.ts';
import { aClient, anAttest, anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { aDesiredJob, anEducation, aLanguage } from '../support/upkeep-factories.ts';
import { WebSession } from '../support/web-session.ts';
import { auditRows, errorMessagesIn } from '../support/integration-helpers.ts';

async function world(t: TestApp) {
  const today = t.clock.today();
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const other = await anOrganisation(t.db, { name: 'Andere partner' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  const begeleider = await aUser(t.db, 'begeleider', partner);
  const collega = await aUser(t.db, 'begeleider', partner);
  const vreemde = await aUser(t.db, 'begeleider', other);
  const beheerder = await aUser(t.db, 'beheerder', dienst);
  const clients = [];
  for (const [firstName, familyName] of [['An', 'Peeters'], ['Łukasz', 'Żółkiewski'], ['Bram', 'Claes'], ['Els', 'Maes']] as const) {
    const client = await aClient(t.db, { firstName, familyName, street: 'Markt 1', postcode: '8000', city: 'Brugge', phone: '050 12 34 56', email: 'klant@voorbeeld.be' });
    await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
    clients.push(client);
  }
  return { today, begeleider, collega, vreemde, beheerder, clients };
}

async function loggedIn(t: TestApp, user: TestUser): Promise<WebSession> {
  const session = new WebSession(t.app);
  assert.equal((await session.login(user.email, user.password)).statusCode, 303);
  return session;
}

describeOnEachDatabase("Cv's pages", world, (get) => {
  it('K2 an education is added, shown, changed field by field and removed, each with its audit rows', async () => {
    const { clients, begeleider } = get().data;
    const clientId = clients[0]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    const url = `/dossiers/${clientId}/cv/opleidingen/nieuw`;
    assert.equal((await session.get(url)).statusCode, 200);
    const missing = await session.post(url, { instelling: 'KU Leuven', jaar: '20x5' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(errorMessagesIn(missing.body).fields, [
      'Kies het niveau van de opleiding',
      'Vul de studierichting in',
      'Vul een bestaand jaar in met 4 cijfers, zoals 2015',
      'Kies of het diploma behaald is',
    ]);
    assert.match(missing.body, /name="instelling" type="text" value="KU Leuven"/);
    const future = await session.post(url, { niveau: 'master', richting: 'Economie', jaar: String(Number(get().data.today.slice(0, 4)) + 1), diploma: 'ja' });
    assert.deepEqual(errorMessagesIn(future.body).fields, ['Een behaald diploma kan niet in een later jaar liggen dan dit jaar']);
    assert.equal((await session.post(url, { niveau: 'master', richting: 'Economie', instelling: 'KU Leuven', jaar: '2005', diploma: 'ja' })).statusCode, 303);
    const cv = await session.get(`/dossiers/${clientId}/cv`);
    assert.match(cv.body, /De opleiding is toegevoegd aan het cv/);
    for (const shown of ['Economie', 'Master', 'KU Leuven', '2005']) assert.ok(cv.body.includes(shown), shown);
    const added = await auditRows(get().db, { action: 'cv.toegevoegd', clientId });
    assert.deepEqual(added.map((a) => [a.details['section'], a.details['field'], a.details['new']]), [
      ['opleiding', 'niveau', 'Master'],
      ['opleiding', 'richting', 'Economie'],
      ['opleiding', 'instelling', 'KU Leuven'],
      ['opleiding', 'jaar', '2005'],
      ['opleiding', 'diploma', 'Ja'],
    ]);

    const row = await get().db.selectFrom('cv_educations').selectAll().where('clientId', '=', clientId).executeTakeFirstOrThrow();
    const edit = `/dossiers/${clientId}/cv/opleidingen/${row.id}`;
    assert.match((await session.get(edit)).body, /value="Economie"/);
    assert.equal((await session.post(edit, { versie: '1', niveau: 'master', richting: 'Handelswetenschappen', instelling: 'KU Leuven', jaar: '2005', diploma: 'nee' })).statusCode, 303);
    const changed = await auditRows(get().db, { action: 'cv.gewijzigd', clientId });
    assert.deepEqual(changed.map((a) => [a.details['field'], a.details['old'], a.details['new']]), [
      ['richting', 'Economie', 'Handelswetenschappen'],
      ['diploma', 'Ja', 'Nee'],
    ]);
    assert.equal((await session.post(`${edit}/verwijderen`, { versie: '2' })).statusCode, 303);
    assert.equal((await get().db.selectFrom('cv_educations').select('id').where('clientId', '=', clientId).execute()).length, 0);
    assert.equal((await auditRows(get().db, { action: 'cv.verwijderd', clientId })).length, 5);
  });

  it('O12 a CV item changed by someone else meanwhile is refused with the input kept', async () => {
    const { clients, begeleider, collega } = get().data;
    const clientId = clients[0]?.id ?? '';
    const itemId = await anEducation(get().db, clientId, begeleider);
    const url = `/dossiers/${clientId}/cv/opleidingen/${itemId}`;
    const first = await loggedIn(get(), collega);
    const second = await loggedIn(get(), begeleider);
    await first.get(url);
    await second.get(url);
    const form = (richting: string) => ({ versie: '1', niveau: 'bachelor', richting, instelling: 'Hogeschool Gent', jaar: '2010', diploma: 'ja' });
    assert.equal((await first.post(url, form('Toerisme en recreatie'))).statusCode, 303);
    const refused = await second.post(url, form('Hotelmanagement'));
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Deze gegevens werden intussen gewijzigd door Test/);
    assert.match(refused.body, /value="Hotelmanagement"/);
    const stored = await get().db.selectFrom('cv_educations').select('field').where('id', '=', itemId).executeTakeFirstOrThrow();
    assert.equal(stored.field, 'Toerisme en recreatie');
  });

  it('K2 work experience takes months: the end is not before the start nor after this month; empty means still working', async () => {
    const { clients, begeleider, today } = get().data;
    const clientId = clients[1]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    const url = `/dossiers/${clientId}/cv/werkervaring/nieuw`;
    await session.get(url);
    const missing = await session.post(url, { 'van-maand': '13', 'van-jaar': '2015' });
    assert.deepEqual(errorMessagesIn(missing.body).fields, ['Vul de functie in', 'Vul de werkgever in', 'Vul een maand (1 tot 12) en een jaar met 4 cijfers in, zoals 09 2015']);
    assert.match(missing.body, /name="van-maand" type="text" value="13"/);
    const backwards = await session.post(url, { werkgever: 'Colruyt', functie: 'Kassier', 'van-maand': '05', 'van-jaar': '2015', 'tot-maand': '04', 'tot-jaar': '2015' });
    assert.deepEqual(errorMessagesIn(backwards.body).fields, ['Het einde mag niet voor de start liggen']);
    const next = monthOf(addMonths(today, 1)).split('-');
    const ahead = await session.post(url, { werkgever: 'Colruyt', functie: 'Kassier', 'van-maand': next[1] ?? '', 'van-jaar': next[0] ?? '' });
    assert.deepEqual(errorMessagesIn(ahead.body).fields, ['De start mag niet na deze maand liggen']);
    assert.equal((await session.post(url, { werkgever: 'Colruyt', functie: 'Kassier', 'van-maand': '9', 'van-jaar': '2015' })).statusCode, 303);
    const cv = await session.get(`/dossiers/${clientId}/cv`);
    assert.match(cv.body, /Kassier/);
    assert.match(cv.body, /09\/2015/);
    assert.match(cv.body, /heden/);
  });

  it('K2 languages have a level per skill; the same language twice is refused', async () => {
    const { clients, begeleider } = get().data;
    const clientId = clients[1]?.id ?? '';
    await aLanguage(get().db, clientId, begeleider, { language: 'Frans' });
    const session = await loggedIn(get(), begeleider);
    const url = `/dossiers/${clientId}/cv/talen/nieuw`;
    await session.get(url);
    const incomplete = await session.post(url, { taal: 'Engels', begrijpen: 'goed' });
    assert.deepEqual(errorMessagesIn(incomplete.body).fields, ['Kies het niveau voor spreken', 'Kies het niveau voor lezen', 'Kies het niveau voor schrijven']);
    assert.match(incomplete.body, /<option value="goed" selected>Goed<\/option>/);
    const twice = await session.post(url, { taal: 'frans', begrijpen: 'basis', spreken: 'basis', lezen: 'basis', schrijven: 'basis' });
    assert.equal(twice.statusCode, 400);
    assert.deepEqual(errorMessagesIn(twice.body).fields, ['Deze taal staat al op het cv: wijzig de bestaande taal']);
    assert.equal((await session.post(url, { taal: 'Engels', begrijpen: 'zeer-goed', spreken: 'goed', lezen: 'zeer-goed', schrijven: 'redelijk' })).statusCode, 303);
    const cv = await session.get(`/dossiers/${clientId}/cv`);
    assert.match(cv.body, /Engels/);
    assert.match(cv.body, /Zeer goed/);
  });

  it('K2 driving licences and competences are saved and shown; unknown categories and doubles are refused', async () => {
    const { clients, begeleider } = get().data;
    const clientId = clients[2]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    await session.get(`/dossiers/${clientId}/cv/rijbewijzen`);
    const wrong = await session.post(`/dossiers/${clientId}/cv/rijbewijzen`, { versie: '0', rijbewijs: 'Z' });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(errorMessagesIn(wrong.body).fields, ['Kies alleen rijbewijzen uit de lijst']);
    const body = new URLSearchParams([['versie', '0'], ['rijbewijs', 'CE'], ['rijbewijs', 'B']]);
    const saved = await get().app.inject({
      method: 'POST',
      url: `/dossiers/${clientId}/cv/rijbewijzen`,
      headers: { cookie: session.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(session.csrfToken ?? '')}&${body.toString()}`,
    });
    assert.equal(saved.statusCode, 303);
    const cv = await session.get(`/dossiers/${clientId}/cv`);
    assert.match(cv.body, /B, CE/);
    assert.deepEqual((await auditRows(get().db, { action: 'cv.gewijzigd', clientId })).map((a) => [a.details['section'], a.details['old'], a.details['new']]), [['rijbewijs', '', 'B, CE']]);

    assert.equal((await session.post(`/dossiers/${clientId}/cv/competenties`, { competentie: 'Klantvriendelijk' })).statusCode, 303);
    const twice = await session.post(`/dossiers/${clientId}/cv/competenties`, { competentie: 'klantvriendelijk' });
    assert.equal(twice.statusCode, 400);
    assert.deepEqual(errorMessagesIn(twice.body).fields, ['Deze competentie staat al op het cv']);
    assert.match(twice.body, /name="competentie" type="text" value="klantvriendelijk"/);
    const empty = await session.post(`/dossiers/${clientId}/cv/competenties`, { competentie: '' });
    assert.deepEqual(errorMessagesIn(empty.body).fields, ['Vul de competentie in']);
    const competence = await get().db.selectFrom('cv_competences').select('id').where('clientId', '=', clientId).executeTakeFirstOrThrow();
    assert.equal((await session.post(`/dossiers/${clientId}/cv/competenties/${competence.id}/verwijderen`, { versie: '1' })).statusCode, 303);
    assert.match((await session.get(`/dossiers/${clientId}/cv`)).body, /Klantvriendelijk is verwijderd van het cv/);
  });

  it('K2 "CV afdrukken" gives a PDF of the CV, also for a name outside Latin-1, and is logged as an opening', async () => {
    const { clients, begeleider } = get().data;
    const clientId = clients[1]?.id ?? '';
    await anEducation(get().db, clientId, begeleider, { field: 'Informatica' });
    await aDesiredJob(get().db, clientId, begeleider, { occupationCode: '2512' });
    const session = await loggedIn(get(), begeleider);
    const response = await session.get(`/dossiers/${clientId}/cv/afdrukken`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(response.headers['content-disposition'], 'inline; filename="cv-zolkiewski-lukasz.pdf"');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const pdf = await PDFDocument.load(response.rawPayload);
    assert.ok(pdf.getPageCount() >= 1);
    assert.equal(pdf.getTitle(), 'Curriculum vitae Łukasz Żółkiewski');
    const opened = await auditRows(get().db, { action: 'dossier.geopend', clientId });
    assert.ok(opened.some((a) => a.details['page'] === 'cv-afdrukken'));
  });

  it('A1 another organisation gets the same 404 on the CV, its forms and its PDF; a beheerder reads but does not change', async () => {
    const { clients, vreemde, begeleider, beheerder } = get().data;
    const clientId = clients[3]?.id ?? '';
    const itemId = await anEducation(get().db, clientId, begeleider);
    const stranger = await loggedIn(get(), vreemde);
    for (const path of ['/cv', '/cv/afdrukken', '/cv/opleidingen/nieuw', `/cv/opleidingen/${itemId}`, '/cv/rijbewijzen']) {
      assert.equal((await stranger.get(`/dossiers/${clientId}${path}`)).statusCode, 404, path);
    }
    await stranger.refreshCsrf('/klanten');
    assert.equal((await stranger.post(`/dossiers/${clientId}/cv/opleidingen/${itemId}/verwijderen`, { versie: '1' })).statusCode, 404);
    assert.equal((await stranger.post(`/dossiers/${clientId}/cv/competenties`, { competentie: 'Inbreker' })).statusCode, 404);
    assert.equal((await get().db.selectFrom('cv_educations').select('id').where('id', '=', itemId).execute()).length, 1);

    const admin = await loggedIn(get(), beheerder);
    const cv = await admin.get(`/dossiers/${clientId}/cv`);
    assert.equal(cv.statusCode, 200);
    assert.doesNotMatch(cv.body, /Opleiding toevoegen/);
    assert.equal((await admin.post(`/dossiers/${clientId}/cv/competenties`, { competentie: 'Iets' })).statusCode, 403);
  });
});
