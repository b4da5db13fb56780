/**
 * Issue 12, the organisation half: the beheerder administers organisations (KBO number with its
 * mod-97 check, unique), offices (code unique over the portal, address), funding numbers (code
 * unique per organisation, valid from / until) and the step types an organisation may register
 * (O13). Every change is one audit record with old and new values and shows in the record's
 * history; a change on an old version is refused (O12) with the input kept; bad input stores nothing.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { makeEnterpriseNumber } from '../../src/domain/enterprise-number.ts';
import { anOrganisation, aUser } from '../support/factories.ts';
import { auditRows, errorMessagesIn } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { loggedInOnce, type WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  const partner = await anOrganisation(t.db, { name: 'Bestaande Partner' });
  const beheerder = await aUser(t.db, 'beheerder', dienst);
  const tweede = await aUser(t.db, 'beheerder', dienst);
  const partnerbeheerder = await aUser(t.db, 'partnerbeheerder', partner);
  const begeleider = await aUser(t.db, 'begeleider', partner);
  return { dienst, partner, beheerder, tweede, partnerbeheerder, begeleider };
}

const count = async (t: TestApp, table: 'organisations' | 'offices' | 'funding_numbers'): Promise<number> => (await t.db.selectFrom(table).select('id').execute()).length;
const kbo = (firstEight: number): string => makeEnterpriseNumber(firstEight);
const idFrom = (location: unknown): string => /\/beheer\/organisaties\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

describeOnEachDatabase('Beheer: organisaties, vestigingen, financieringsnummers', world, (get) => {
  const admin = (): Promise<WebSession> => loggedInOnce(get().app, get().data.beheerder);

  async function createOrganisation(session: WebSession, fields: Record<string, string>) {
    await session.get('/beheer/organisaties/nieuw');
    return session.post('/beheer/organisaties/nieuw', { soort: 'partner', naam: '', kbo: '', versie: '', ...fields });
  }

  it('issue 12 "Beheer" is in the main menu of the beheerder and the partnerbeheerder only; its page links to Organisaties, Gebruikers, Beroepen and Staptypes', async () => {
    const home = await (await admin()).get('/beheer');
    assert.equal(home.statusCode, 200);
    for (const href of ['/beheer/organisaties', '/beheer/gebruikers', '/beheer/beroepen', '/beheer/staptypes']) assert.match(home.body, new RegExp(`href="${href}"`));
    assert.match(home.body, /href="\/beheer" aria-current="true"/);
    const own = await (await loggedInOnce(get().app, get().data.partnerbeheerder)).get('/beheer');
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /href="\/beheer\/gebruikers"/);
    assert.match(own.body, new RegExp(`href="/beheer/organisaties/${get().data.partner.id}"`));
    assert.doesNotMatch(own.body, /href="\/beheer\/organisaties"/);
    const consultant = await loggedInOnce(get().app, get().data.begeleider);
    assert.doesNotMatch((await consultant.get('/klanten')).body, /href="\/beheer"/);
    assert.equal((await consultant.get('/beheer')).statusCode, 403);
  });

  it('issue 12 a beheerder creates an organisation: stored with its KBO number, one audit record with the new values, shown in its history', async () => {
    const session = await admin();
    const created = await createOrganisation(session, { naam: 'Nieuwe Koers', kbo: 'BE 0456.123.494' });
    assert.equal(created.statusCode, 303);
    const id = idFrom(created.headers.location);
    const row = await get().db.selectFrom('organisations').select(['name', 'kind', 'enterpriseNumber']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: 'Nieuwe Koers', kind: 'partner', enterpriseNumber: '0456123494' });
    const audit = (await auditRows(get().db, { action: 'organisatie.aangemaakt' })).filter((r) => r.details['subjectId'] === id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actorUserId, get().data.beheerder.id);
    assert.deepEqual(audit.map((r) => r.details['fields']), [[
      { field: 'soort', old: '', new: 'Partner' },
      { field: 'naam', old: '', new: 'Nieuwe Koers' },
      { field: 'kbo', old: '', new: '0456.123.494' },
    ]]);
    const detail = await session.get(`/beheer/organisaties/${id}`);
    assert.match(detail.body, /De organisatie Nieuwe Koers is aangemaakt/);
    assert.match(detail.body, /Organisatie Nieuwe Koers aangemaakt/);
    assert.match(detail.body, /0456\.123\.494/);
  });

  it('issue 12 an invalid KBO number (format, check digit) and a second organisation with the same KBO: a clear Dutch error, the input kept, nothing stored', async () => {
    const session = await admin();
    await createOrganisation(session, { naam: 'Eerste', kbo: '0789456175' });
    const before = await count(get(), 'organisations');
    const cases: [string, string][] = [
      ['12345', 'Vul een ondernemingsnummer van 10 cijfers in dat begint met 0 of 1, zoals 0123.456.749'],
      ['0789456176', 'Dit ondernemingsnummer bestaat niet: controleer de cijfers (het controlegetal klopt niet)'],
      ['0789.456.175', 'Dit ondernemingsnummer is al in gebruik door Eerste'],
      ['', 'Vul het ondernemingsnummer (KBO) in'],
    ];
    for (const [kbo, message] of cases) {
      const refused = await createOrganisation(session, { naam: 'Tweede', kbo });
      assert.equal(refused.statusCode, 400, kbo);
      assert.deepEqual(errorMessagesIn(refused.body).fields, [message], kbo);
      assert.match(refused.body, /name="naam" type="text" value="Tweede"/);
    }
    assert.equal(await count(get(), 'organisations'), before);
  });

  it('issue 12 the list finds organisations by part of the name or by KBO number, 25 a page with "Volgende"', async () => {
    const session = await admin();
    for (let i = 0; i < 26; i++) {
      await createOrganisation(session, { naam: `Lijst ${String(i).padStart(2, '0')}`, kbo: kbo(3_000_000 + i) });
    }
    const first = await session.get('/beheer/organisaties?zoek=lijst');
    assert.equal((first.body.match(/>Lijst \d\d</g) ?? []).length, 25);
    assert.match(first.body, /Pagina 1 van 2/);
    assert.match(first.body, /href="\/beheer\/organisaties\?zoek=lijst&amp;pagina=2"/);
    const second = await session.get('/beheer/organisaties?zoek=lijst&pagina=2');
    assert.match(second.body, />Lijst 25</);
    const byKbo = await session.get(`/beheer/organisaties?zoek=${encodeURIComponent('0300.0003')}`);
    assert.match(byKbo.body, />Lijst 03</);
    assert.doesNotMatch(byKbo.body, />Lijst 04</);
  });

  it('issue 12 O12 changing an organisation records old and new value; a change on an old version is refused (409), input kept, nothing stored', async () => {
    const t = get();
    const session = await admin();
    const id = idFrom((await createOrganisation(session, { naam: 'Versie', kbo: kbo(111_222) })).headers.location);
    await session.get(`/beheer/organisaties/${id}/wijzigen`);
    assert.equal((await session.post(`/beheer/organisaties/${id}/wijzigen`, { soort: 'partner', naam: 'Versie Twee', kbo: kbo(111_222), versie: '1' })).statusCode, 303);
    const changed = (await auditRows(t.db, { action: 'organisatie.gewijzigd' })).filter((r) => r.details['subjectId'] === id);
    assert.deepEqual(changed.map((r) => r.details['fields']), [[{ field: 'naam', old: 'Versie', new: 'Versie Twee' }]]);
    const other = await loggedInOnce(t.app, t.data.tweede);
    await other.get(`/beheer/organisaties/${id}/wijzigen`);
    const stale = await other.post(`/beheer/organisaties/${id}/wijzigen`, { soort: 'dienst', naam: 'Oude Versie', kbo: kbo(111_222), versie: '1' });
    assert.equal(stale.statusCode, 409);
    assert.match(errorMessagesIn(stale.body).summary[0] ?? '', /intussen gewijzigd door Test beheerder/);
    assert.match(stale.body, /value="Oude Versie"/);
    assert.match(stale.body, /name="versie" value="2"/);
    const row = await t.db.selectFrom('organisations').select(['name', 'kind']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: 'Versie Twee', kind: 'partner' });
    assert.match((await session.get(`/beheer/organisaties/${id}`)).body, /Versie Twee \(was: Versie\)/);
  });

  it('issue 12 an office with its address; a code used anywhere in the portal is refused naming the office, nothing stored; changes in its history', async () => {
    const t = get();
    const session = await admin();
    const id = idFrom((await createOrganisation(session, { naam: 'Met Vestiging', kbo: kbo(222_333) })).headers.location);
    const url = `/beheer/organisaties/${id}/vestigingen/nieuw`;
    await session.get(url);
    const office = { naam: 'MV GENT', code: 'G77', straat: 'Veldstraat 1', postcode: '9000', gemeente: 'Gent', versie: '' };
    assert.equal((await session.post(url, office)).statusCode, 303);
    const before = await count(t, 'offices');
    const taken = await session.post(url, { ...office, naam: 'MV ANDERE', code: t.data.partner.officeCode });
    assert.equal(taken.statusCode, 400);
    const holder = await t.db.selectFrom('offices').select('name').where('id', '=', t.data.partner.officeId).executeTakeFirstOrThrow();
    assert.deepEqual(errorMessagesIn(taken.body).fields, [`Deze code is al in gebruik door de vestiging ${holder.name} (${t.data.partner.officeCode}), Bestaande Partner: een vestigingscode is uniek in het hele portaal`]);
    const badPostcode = await session.post(url, { ...office, code: 'G78', postcode: '900' });
    assert.deepEqual(errorMessagesIn(badPostcode.body).fields, ['Vul een Belgische postcode in: 4 cijfers, van 1000 tot 9999']);
    assert.equal(await count(t, 'offices'), before);
    const stored = await t.db.selectFrom('offices').select(['id', 'street', 'postcode', 'city']).where('code', '=', 'G77').executeTakeFirstOrThrow();
    assert.deepEqual({ ...stored, id: '' }, { id: '', street: 'Veldstraat 1', postcode: '9000', city: 'Gent' });
    const officeUrl = `/beheer/organisaties/${id}/vestigingen/${stored.id}`;
    await session.get(officeUrl);
    assert.equal((await session.post(officeUrl, { ...office, straat: 'Veldstraat 2', versie: '1' })).statusCode, 303);
    const page = await session.get(officeUrl);
    assert.match(page.body, /Vestiging MV GENT \(G77\) gewijzigd/);
    assert.match(page.body, /Veldstraat 2 \(was: Veldstraat 1\)/);
    const stale = await session.post(officeUrl, { ...office, straat: 'Veldstraat 3', versie: '1' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /value="Veldstraat 3"/);
  });

  it('issue 12 funding numbers: a duplicate code in one organisation and "until" before "from" are refused, nothing stored; the same code elsewhere is fine', async () => {
    const t = get();
    const session = await admin();
    const id = idFrom((await createOrganisation(session, { naam: 'Met Nummers', kbo: kbo(333_444) })).headers.location);
    const url = `/beheer/organisaties/${id}/financieringsnummers/nieuw`;
    const number = { code: 'MN-1', omschrijving: 'Project', 'geldig-van-dag': '1', 'geldig-van-maand': '1', 'geldig-van-jaar': '2026', 'geldig-tot-dag': '', 'geldig-tot-maand': '', 'geldig-tot-jaar': '', versie: '' };
    await session.get(url);
    assert.equal((await session.post(url, number)).statusCode, 303);
    const before = await count(t, 'funding_numbers');
    const duplicate = await session.post(url, { ...number, code: 'mn-1' });
    assert.equal(duplicate.statusCode, 400);
    assert.deepEqual(errorMessagesIn(duplicate.body).fields, ['Deze organisatie heeft al een financieringsnummer met deze code']);
    const backwards = await session.post(url, { ...number, code: 'MN-2', 'geldig-tot-dag': '31', 'geldig-tot-maand': '12', 'geldig-tot-jaar': '2025' });
    assert.equal(backwards.statusCode, 400);
    assert.deepEqual(errorMessagesIn(backwards.body).fields, ['De laatste geldige dag (geldig tot en met) mag niet voor de eerste (geldig vanaf) liggen']);
    assert.match(backwards.body, /name="geldig-tot-jaar" type="text" value="2025"/);
    const noDate = await session.post(url, { ...number, code: 'MN-3', 'geldig-van-dag': '', 'geldig-van-maand': '', 'geldig-van-jaar': '' });
    assert.deepEqual(errorMessagesIn(noDate.body).fields, ['Vul de datum in vanaf wanneer het nummer geldig is']);
    assert.equal(await count(t, 'funding_numbers'), before);
    const elsewhere = `/beheer/organisaties/${t.data.partner.id}/financieringsnummers/nieuw`;
    await session.get(elsewhere);
    assert.equal((await session.post(elsewhere, number)).statusCode, 303);
    const audit = (await auditRows(t.db, { action: 'financieringsnummer.aangemaakt' })).filter((r) => r.details['subjectOrganisationId'] === id);
    assert.deepEqual(audit[0]?.details['fields'], [
      { field: 'code', old: '', new: 'MN-1' },
      { field: 'omschrijving', old: '', new: 'Project' },
      { field: 'geldig-van', old: '', new: '01/01/2026' },
    ]);
  });

  it('O13 the beheerder chooses the step types an organisation may register: stored, audited with old and new list, refused on an old version', async () => {
    const t = get();
    const session = await admin();
    const id = idFrom((await createOrganisation(session, { naam: 'Met Staptypes', kbo: kbo(444_555) })).headers.location);
    const url = `/beheer/organisaties/${id}/staptypes`;
    await session.get(url);
    const body = new URLSearchParams([['staptypes', 'outplacement'], ['staptypes', 'jobcoaching'], ['versie', '1'], ['_csrf', session.csrfToken ?? '']]).toString();
    const saved = await t.app.inject({ method: 'POST', url, payload: body, headers: { cookie: session.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(saved.statusCode, 303);
    const allowed = await t.db.selectFrom('organisation_step_types').select('stepTypeCode').where('organisationId', '=', id).orderBy('stepTypeCode').execute();
    assert.deepEqual(allowed.map((r) => r.stepTypeCode), ['jobcoaching', 'outplacement']);
    const audit = (await auditRows(t.db, { action: 'organisatie.staptypes-gewijzigd' })).filter((r) => r.details['subjectId'] === id);
    assert.deepEqual(audit.map((r) => r.details['fields']), [[{ field: 'staptypes', old: '', new: 'Outplacement, Jobcoaching' }]]);
    await session.get(url);
    const stale = await session.post(url, { staptypes: 'opleiding', versie: '1' });
    assert.equal(stale.statusCode, 409);
    assert.equal((await t.db.selectFrom('organisation_step_types').select('stepTypeCode').where('organisationId', '=', id).execute()).length, 2);
  });

  it('issue 12 two beheerders creating an organisation with the same KBO number at once: one is stored, the other gets the clear refusal', async () => {
    const t = get();
    const [first, second] = await Promise.all([t.data.beheerder, t.data.tweede].map(async (user) => {
      const actor = await t.services.auth.currentActor(user.id);
      assert.ok(actor !== undefined);
      return t.services.admin.organisations.create(actor, { name: `Gelijktijdig ${user.id.slice(0, 4)}`, kind: 'partner', enterpriseNumber: kbo(555_666) });
    }));
    const outcomes = [first, second].map((r) => (r?.ok === true ? 'ok' : (r?.problems.map((p) => p.code).join() ?? '')));
    assert.deepEqual(outcomes.sort(), ['kbo-bestaat', 'ok']);
    assert.equal((await t.db.selectFrom('organisations').select('id').where('enterpriseNumber', '=', kbo(555_666)).execute()).length, 1);
  });
});
