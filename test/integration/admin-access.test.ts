/**
 * Issue 12, the organisation half: who reaches what. The partnerbeheerder reads its own
 * organisation's offices and funding numbers; everything of another organisation is a 404 on
 * every route, as for dossiers. A funding number no longer valid today is not offered in the step
 * form but stays on the lines that use it. The step-type catalogue (label, order) and the
 * occupation catalogue (rename, retire) with their histories and O12.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addDays } from '../../src/domain/calendar-date.ts';
import * as organisations from '../../src/db/repositories/organisations.ts';
import * as stepTypes from '../../src/db/repositories/step-types.ts';
import { aClient, anAttest, anOrganisation, aStep, aUser } from '../support/factories.ts';
import { aDesiredJob } from '../support/upkeep-factories.ts';
import { auditRows, errorMessagesIn } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, TEST_NOW, type TestApp } from '../support/test-app.ts';
import { loggedInOnce, type WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const today = t.clock.today();
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  const own = await anOrganisation(t.db, { name: 'Eigen Partner' });
  const other = await anOrganisation(t.db, { name: 'Andere Partner' });
  await stepTypes.allow(t.db, own.id, ['outplacement']);
  const period = (from: string, until: string | null) => ({ validFrom: from as typeof today, validUntil: until as typeof today | null });
  const expired = await organisations.insertFundingNumber(t.db, own.id, 'OUD-1', 'Afgelopen project', TEST_NOW, period('2025-01-01', addDays(today, -1)));
  const current = await organisations.insertFundingNumber(t.db, own.id, 'NIEUW-1', 'Lopend project', TEST_NOW, period('2025-01-01', null));
  const otherFunding = await organisations.insertFundingNumber(t.db, other.id, 'ANDER-1', 'Project van een ander', TEST_NOW);
  const beheerder = await aUser(t.db, 'beheerder', dienst);
  const partnerbeheerder = await aUser(t.db, 'partnerbeheerder', own);
  const begeleider = await aUser(t.db, 'begeleider', own);
  const withLine = await aClient(t.db);
  const withoutLine = await aClient(t.db);
  for (const client of [withLine, withoutLine]) await anAttest(t.db, 'running', { clientId: client.id, organisationId: own.id }, today);
  const stepId = await aStep(t.db, { clientId: withLine.id, organisation: own, createdBy: begeleider }, { startDate: addDays(today, -10) });
  await t.db.updateTable('steps').set({ fundingNumberId: expired }).where('id', '=', stepId).execute();
  return { today, own, other, expired, current, otherFunding, beheerder, partnerbeheerder, begeleider, withLine, withoutLine, stepId };
}

describeOnEachDatabase('Beheer: toegang, financieringsnummers in de stap, catalogi', world, (get) => {
  const as = (user: { email: string; password: string }): Promise<WebSession> => loggedInOnce(get().app, user);

  it('issue 12 the partnerbeheerder reads its own organisation: offices and funding numbers, without change links; the beheerder pages are 403', async () => {
    const { own, partnerbeheerder } = get().data;
    const session = await as(partnerbeheerder);
    const page = await session.get(`/beheer/organisaties/${own.id}`);
    assert.equal(page.statusCode, 200);
    for (const text of ['Vestigingen', `(${own.officeCode})`, 'OUD-1', 'Niet geldig vandaag', 'NIEUW-1', 'Geldig']) assert.ok(page.body.includes(text), text);
    assert.doesNotMatch(page.body, /\/wijzigen"|\/vestigingen\/|\/financieringsnummers\/|Toegelaten staptypes wijzigen/);
    for (const url of ['/beheer/organisaties', '/beheer/organisaties/nieuw', `/beheer/organisaties/${own.id}/wijzigen`, `/beheer/organisaties/${own.id}/vestigingen/nieuw`, '/beheer/staptypes', '/beheer/beroepen']) {
      assert.equal((await session.get(url)).statusCode, 403, url);
    }
  });

  it('issue 12 everything of another organisation is a 404 to the partnerbeheerder, on every route, and changes nothing', async () => {
    const { other, otherFunding, partnerbeheerder } = get().data;
    const session = await as(partnerbeheerder);
    await session.get('/beheer');
    const base = `/beheer/organisaties/${other.id}`;
    const gets = [base, `${base}/wijzigen`, `${base}/staptypes`, `${base}/vestigingen/nieuw`, `${base}/vestigingen/${other.officeId}`, `${base}/financieringsnummers/nieuw`, `${base}/financieringsnummers/${otherFunding}`];
    for (const url of gets) assert.equal((await session.get(url)).statusCode, 404, `GET ${url}`);
    const office = { naam: 'X', code: 'X1', straat: 'Straat 1', postcode: '1000', gemeente: 'Brussel', versie: '1' };
    const funding = { code: 'X-1', omschrijving: 'X', 'geldig-van-dag': '1', 'geldig-van-maand': '1', 'geldig-van-jaar': '2026', versie: '1' };
    const posts: [string, Record<string, string>][] = [
      [`${base}/wijzigen`, { soort: 'partner', naam: 'Overgenomen', kbo: '0456123494', versie: '1' }],
      [`${base}/staptypes`, { staptypes: 'opleiding', versie: '1' }],
      [`${base}/vestigingen/nieuw`, office],
      [`${base}/vestigingen/${other.officeId}`, office],
      [`${base}/financieringsnummers/nieuw`, funding],
      [`${base}/financieringsnummers/${otherFunding}`, funding],
      [`${base}/financieringsnummers/nieuw`, { ...funding, 'geldig-van-dag': '' }],
    ];
    for (const [url, form] of posts) assert.equal((await session.post(url, form, { csrf: session.csrfToken ?? null })).statusCode, 404, `POST ${url}`);
    const row = await get().db.selectFrom('organisations').select('name').where('id', '=', other.id).executeTakeFirstOrThrow();
    assert.equal(row.name, 'Andere Partner');
    assert.equal((await get().db.selectFrom('offices').select('id').where('code', '=', 'X1').execute()).length, 0);
    assert.equal((await get().db.selectFrom('organisation_step_types').select('stepTypeCode').where('organisationId', '=', other.id).execute()).length, 0);
  });

  it('issue 12 an unknown or malformed id, and an office or number asked through another organisation, are a 404 to the beheerder too', async () => {
    const { own, other, otherFunding, beheerder } = get().data;
    const session = await as(beheerder);
    for (const url of ['/beheer/organisaties/niet-een-id', '/beheer/organisaties/00000000-0000-4000-8000-000000000000', `/beheer/organisaties/${own.id}/vestigingen/${other.officeId}`, `/beheer/organisaties/${own.id}/financieringsnummers/${otherFunding}`, `/beheer/organisaties/${own.id}/vestigingen/x`, '/beheer/staptypes/bestaat-niet', '/beheer/beroepen/0000']) {
      assert.equal((await session.get(url)).statusCode, 404, url);
    }
  });

  it('issue 12 the step form no longer offers an expired funding number, refuses it when posted, but an old line still shows and keeps it', async () => {
    const { withLine, withoutLine, stepId, expired, current, begeleider, today } = get().data;
    const session = await as(begeleider);
    const newUrl = `/dossiers/${withoutLine.id}/stappen/nieuw?stap=outplacement`;
    const form = await session.get(newUrl);
    assert.match(form.body, new RegExp(`<option value="${current}"[^>]*>NIEUW-1`));
    assert.doesNotMatch(form.body, /OUD-1/);
    const [jaar = '', maand = '', dag = ''] = today.split('-');
    const refused = await session.post(newUrl, { actie: 'bevestigen', toestand: 'bezig', 'datum-dag': dag, 'datum-maand': maand, 'datum-jaar': jaar, financieringsnummer: expired, aanvrager: get().data.own.officeId, uitvoerder: get().data.own.officeId, samenvatting: '' });
    assert.equal(refused.statusCode, 400);
    assert.ok(errorMessagesIn(refused.body).fields.includes('Kies een financieringsnummer van je eigen organisatie'));
    assert.equal((await get().db.selectFrom('steps').select('id').where('clientId', '=', withoutLine.id).execute()).length, 0);
    const line = await session.get(`/dossiers/${withLine.id}/stappen/${stepId}`);
    assert.equal(line.statusCode, 200);
    assert.match(line.body, /OUD-1 – Afgelopen project/);
    assert.match(line.body, new RegExp(`<option value="${expired}" selected>OUD-1`));
  });

  it('issue 12 O13 the step-type catalogue: label and order change, audited with old and new value, in its history; bad order and an old version are refused', async () => {
    const t = get();
    const session = await as(t.data.beheerder);
    const url = '/beheer/staptypes/jobcoaching';
    await session.get(url);
    assert.equal((await session.post(url, { label: 'Jobcoaching op de werkvloer', volgorde: '9', versie: '1' })).statusCode, 303);
    const row = await t.db.selectFrom('step_types').select(['code', 'label', 'sortOrder']).where('code', '=', 'jobcoaching').executeTakeFirstOrThrow();
    assert.deepEqual(row, { code: 'jobcoaching', label: 'Jobcoaching op de werkvloer', sortOrder: 9 });
    const audit = await auditRows(t.db, { action: 'staptype.gewijzigd' });
    assert.deepEqual(audit.map((r) => r.details['fields']), [[{ field: 'label', old: 'Jobcoaching', new: 'Jobcoaching op de werkvloer' }, { field: 'volgorde', old: '5', new: '9' }]]);
    const page = await session.get(url);
    assert.match(page.body, /Jobcoaching op de werkvloer \(was: Jobcoaching\)/);
    const badOrder = await session.post(url, { label: 'Jobcoaching', volgorde: 'eerst', versie: '2' });
    assert.equal(badOrder.statusCode, 400);
    assert.deepEqual(errorMessagesIn(badOrder.body).fields, ['Vul de volgorde in als een geheel getal van 1 tot 999']);
    const stale = await session.post(url, { label: 'Coaching', volgorde: '3', versie: '1' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /value="Coaching"/);
    assert.equal((await t.db.selectFrom('step_types').select('label').where('code', '=', 'jobcoaching').executeTakeFirstOrThrow()).label, 'Jobcoaching op de werkvloer');
    assert.match((await session.get('/beheer/staptypes')).body, /Jobcoaching op de werkvloer/);
  });

  it('issue 12 an occupation is renamed and retired: no longer offered in the search, refused for a new desired job, kept on the desired job that uses it', async () => {
    const t = get();
    const { beheerder, begeleider, withLine } = t.data;
    const jobId = await aDesiredJob(t.db, withLine.id, begeleider, { occupationCode: '5131' });
    const session = await as(beheerder);
    const url = '/beheer/beroepen/5131';
    const page = await session.get(url);
    assert.equal(page.statusCode, 200);
    const version = /name="versie" value="(\d+)"/.exec(page.body)?.[1] ?? '';
    assert.equal((await session.post(url, { titel: 'Kelners en serveersters', versie: version })).statusCode, 303);
    assert.equal((await session.post(`${url}/uitfaseren`, { versie: String(Number(version) + 1) })).statusCode, 303);
    const after = await session.get(url);
    assert.match(after.body, /Beroep hernoemd tot Kelners en serveersters \(5131\)/);
    assert.match(after.body, /Beroep Kelners en serveersters \(5131\) uitgefaseerd/);
    assert.match(after.body, /Uitgefaseerd op \d{2}\/\d{2}\/\d{4}/);
    assert.deepEqual((await auditRows(t.db, { action: 'beroep.uitgefaseerd' })).length, 1);
    assert.equal((await t.services.occupations.search('kelners')).some((o) => o.code === '5131'), false);
    const actor = await t.services.auth.currentActor(begeleider.id);
    assert.ok(actor !== undefined);
    const job = { occupationCode: '5131', experience: 'ervaren' as const, regions: ['antwerpen' as const], regime: 'voltijds' as const };
    const added = await t.services.desiredJobs.add(actor, withLine.id, job);
    assert.deepEqual(added.ok ? [] : added.problems.map((p) => p.code), ['onbekend-beroep']);
    const kept = await t.services.desiredJobs.change(actor, withLine.id, jobId, 1, { ...job, experience: 'beperkt' });
    assert.equal(kept.ok, true, 'a job keeps its retired occupation');
    assert.match((await (await as(begeleider)).get(`/dossiers/${withLine.id}/profiel`)).body, /Kelners en serveersters/);
  });
});
