/**
 * Beheer > Gebruikers (issue 12): U6 who administers whose accounts, U5 every change recorded with
 * old and new value and refused on an older version (O12), U4 disable and enable, and the
 * guard of the last active beheerder.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { messages } from '../../src/http/messages/index.ts';
import { anOffice, anOrganisation, aNamedUser, aUser, type TestOrganisation, type TestUser } from '../support/factories.ts';
import { assertRedirect, auditRows, countSessionsOf, errorMessagesIn } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { loggedInOnce, WebSession } from '../support/web-session.ts';

type Data = {
  dienst: TestOrganisation;
  partnerA: TestOrganisation;
  partnerB: TestOrganisation;
  secondOfficeA: { id: string; label: string };
  beheerder: TestUser;
  partnerbeheerderA: TestUser;
  begeleiderB: TestUser;
};

async function setup({ db }: TestApp): Promise<Data> {
  const dienst = await anOrganisation(db, { kind: 'dienst', name: 'Dienst' });
  const partnerA = await anOrganisation(db, { name: 'Koers' });
  const partnerB = await anOrganisation(db, { name: 'Nieuwe Wegen' });
  return {
    dienst,
    partnerA,
    partnerB,
    secondOfficeA: await anOffice(db, partnerA),
    beheerder: await aNamedUser(db, 'beheerder', dienst, 'Karin Beheer'),
    partnerbeheerderA: await aNamedUser(db, 'partnerbeheerder', partnerA, 'Els Partner'),
    begeleiderB: await aUser(db, 'begeleider', partnerB),
  };
}

const userPath = (user: { id: string }): string => `/beheer/gebruikers/${user.id}`;
const versionIn = (body: string): string => /name="versie" value="(\d+)"/.exec(body)?.[1] ?? '';

describeOnEachDatabase('U4–U6 administering users', setup, (get) => {
  const session = (user: TestUser) => loggedInOnce(get().app, user);

  it('U6 a partnerbeheerder gets 404 on every users route for a user of another organisation, and lists only its own', async () => {
    const { begeleiderB, partnerbeheerderA, partnerA } = get().data;
    const admin = await session(partnerbeheerderA);
    const own = await aUser(get().db, 'begeleider', partnerA);
    const list = await admin.get('/beheer/gebruikers');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(own.email));
    assert.ok(!list.body.includes(begeleiderB.email));
    assert.ok((await admin.get(`/beheer/gebruikers?zoek=${encodeURIComponent(begeleiderB.email)}`)).body.includes('Geen gebruiker gevonden'));

    const target = userPath(begeleiderB);
    assert.equal((await admin.get(target)).statusCode, 404);
    assert.equal((await admin.get('/beheer/gebruikers/geen-uuid')).statusCode, 404);
    await admin.get(userPath(own));
    for (const [url, form] of [
      [target, { rol: 'partnerbeheerder', vestiging: get().data.partnerB.officeId, versie: '1' }],
      [`${target}/uitschakelen`, { versie: '1' }],
      [`${target}/inschakelen`, { versie: '1' }],
      [`${target}/uitnodiging`, { versie: '1' }],
    ] as const) {
      assert.equal((await admin.post(url, form)).statusCode, 404, url);
    }
    const stored = await get().db.selectFrom('users').select(['role', 'disabledAt', 'version']).where('id', '=', begeleiderB.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { role: 'begeleider', disabledAt: null, version: 1 });

    // An office of another organisation is not among the choices, and a forged one is refused.
    await admin.get('/beheer/gebruikers/uitnodigen');
    const forged = await admin.post('/beheer/gebruikers/uitnodigen', { email: 'x@koers.be', naam: 'X', rol: 'begeleider', vestiging: get().data.partnerB.officeId });
    assert.equal(forged.statusCode, 400);
    assert.deepEqual(errorMessagesIn(forged.body).fields, [messages.accounts.officeUnknown]);
  });

  it('U6 a begeleider has no users pages (403) and no Gebruikers in its menu', async () => {
    const begeleider = await session(get().data.begeleiderB);
    const response = await begeleider.get('/beheer/gebruikers');
    assert.equal(response.statusCode, 403);
    assert.ok(!(await begeleider.get('/klanten')).body.includes('href="/beheer/gebruikers"'));
    assert.equal((await begeleider.get('/beheer/gebruikers/uitnodigen')).statusCode, 403);
  });

  it('U6 a partnerbeheerder gives only Begeleider or Partnerbeheerder; a beheerder gives the roles of the organisation kind', async () => {
    const { partnerbeheerderA, partnerA, beheerder, dienst } = get().data;
    const admin = await session(partnerbeheerderA);
    await admin.get('/beheer/gebruikers/uitnodigen');
    const refused = await admin.post('/beheer/gebruikers/uitnodigen', { email: 'baas@koers.be', naam: 'Baas', rol: 'beheerder', vestiging: partnerA.officeId });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(errorMessagesIn(refused.body).fields, [messages.accounts.roleNotAllowed['partner']]);

    const service = await session(beheerder);
    await service.get('/beheer/gebruikers/uitnodigen');
    const wrongKind = await service.post('/beheer/gebruikers/uitnodigen', { email: 'sec@koers.be', naam: 'Sec', rol: 'secretariaat', vestiging: partnerA.officeId });
    assert.deepEqual(errorMessagesIn(wrongKind.body).fields, [messages.accounts.roleNotAllowed['partner']]);
    const ok = await service.post('/beheer/gebruikers/uitnodigen', { email: 'sec@dienst.be', naam: 'Sec', rol: 'secretariaat', vestiging: dienst.officeId });
    assert.equal(ok.statusCode, 303);
    const row = await get().db.selectFrom('users').select(['role', 'organisationId', 'passwordHash']).where('email', '=', 'sec@dienst.be').executeTakeFirstOrThrow();
    assert.deepEqual(row, { role: 'secretariaat', organisationId: dienst.id, passwordHash: null });
  });

  it('U5 a change of role and office is recorded with old and new value, who and when, and shown under Wijzigingen', async () => {
    const { partnerbeheerderA, partnerA, secondOfficeA } = get().data;
    const user = await aUser(get().db, 'begeleider', partnerA);
    const admin = await session(partnerbeheerderA);
    const page = await admin.get(userPath(user));
    const response = await admin.post(userPath(user), { rol: 'partnerbeheerder', vestiging: secondOfficeA.id, versie: versionIn(page.body) });
    assertRedirect(response, userPath(user));
    const records = await auditRows(get().db, { action: 'gebruiker.gewijzigd', actorUserId: partnerbeheerderA.id });
    const mine = records.filter((r) => r.details['userId'] === user.id).map((r) => [r.details['field'], r.details['old'], r.details['new']]);
    assert.deepEqual(mine, [
      ['rol', 'Begeleider', 'Partnerbeheerder'],
      ['vestiging', `KANTOOR ${/KANTOOR (\d+)/.exec(await officeName(partnerA.officeId))?.[1] ?? ''} (${partnerA.officeCode})`, secondOfficeA.label],
    ]);
    const detail = await admin.get(userPath(user));
    assert.ok(detail.body.includes('De wijzigingen zijn bewaard.'));
    assert.match(detail.body, /Rol gewijzigd[\s\S]*door Els Partner[\s\S]*Begeleider[\s\S]*Partnerbeheerder/);
    assert.ok(detail.body.includes(secondOfficeA.label));
  });

  async function officeName(officeId: string): Promise<string> {
    const row = await get().db.selectFrom('offices').select('name').where('id', '=', officeId).executeTakeFirstOrThrow();
    return row.name;
  }

  it('O12 a change made on an older version is refused (409) with the chosen values kept', async () => {
    const { partnerbeheerderA, partnerA, secondOfficeA } = get().data;
    const user = await aUser(get().db, 'begeleider', partnerA);
    const first = await session(partnerbeheerderA);
    const second = new WebSession(get().app);
    await second.login(partnerbeheerderA.email, partnerbeheerderA.password);
    const read = versionIn((await first.get(userPath(user))).body);
    await second.get(userPath(user));
    assertRedirect(await second.post(userPath(user), { rol: 'begeleider', vestiging: secondOfficeA.id, versie: read }), userPath(user));
    const late = await first.post(userPath(user), { rol: 'partnerbeheerder', vestiging: partnerA.officeId, versie: read });
    assert.equal(late.statusCode, 409);
    assert.deepEqual(errorMessagesIn(late.body).summary, [messages.accounts.changedMeanwhile]);
    assert.match(late.body, /<option value="partnerbeheerder" selected>/);
    assert.equal(versionIn(late.body), String(Number(read) + 1), 'the form now carries the stored version');
    const row = await get().db.selectFrom('users').select(['role', 'officeId']).where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { role: 'begeleider', officeId: secondOfficeA.id });
    // The account's buttons carry the version too: disabling from the old page is refused as well.
    const staleDisable = await first.post(`${userPath(user)}/uitschakelen`, { versie: read });
    assert.equal(staleDisable.statusCode, 409);
    assert.deepEqual(errorMessagesIn(staleDisable.body).fields, [messages.accounts.changedMeanwhile]);
    const still = await get().db.selectFrom('users').select('disabledAt').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(still.disabledAt, null);
  });

  it('U4 disable ends every session of the user at once; enable gives access again', async () => {
    const { partnerbeheerderA, partnerA } = get().data;
    const user = await aUser(get().db, 'begeleider', partnerA);
    const browser = new WebSession(get().app);
    assertRedirect(await browser.login(user.email, user.password), '/');
    const admin = await session(partnerbeheerderA);
    const page = await admin.get(userPath(user));
    assertRedirect(await admin.post(`${userPath(user)}/uitschakelen`, { versie: versionIn(page.body) }), userPath(user));
    assert.equal(await countSessionsOf(get().db, user.id), 0);
    assertRedirect(await browser.get('/klanten'), '/aanmelden');
    assert.equal((await new WebSession(get().app).login(user.email, user.password)).statusCode, 401);

    const disabled = await admin.get(userPath(user));
    assert.ok(disabled.body.includes('Uitgeschakeld'));
    assertRedirect(await admin.post(`${userPath(user)}/inschakelen`, { versie: versionIn(disabled.body) }), userPath(user));
    assertRedirect(await new WebSession(get().app).login(user.email, user.password), '/');
    const actions = (await auditRows(get().db, {})).filter((r) => r.details['userId'] === user.id).map((r) => `${r.action}:${String(r.details['old'])}>${String(r.details['new'])}`);
    assert.deepEqual(actions, ['gebruiker.uitgeschakeld:Actief>Uitgeschakeld', 'gebruiker.ingeschakeld:Uitgeschakeld>Actief']);
  });

  it('U4 nobody disables or demotes themselves; of two beheerders disabling each other at once, one stays', async () => {
    const { beheerder, dienst } = get().data;
    const admin = await session(beheerder);
    const page = await admin.get(userPath(beheerder));
    assert.ok(!page.body.includes('/uitschakelen"'), 'no Uitschakelen button for oneself');
    const selfDisable = await admin.post(`${userPath(beheerder)}/uitschakelen`, { versie: versionIn(page.body) });
    assert.equal(selfDisable.statusCode, 400);
    assert.deepEqual(errorMessagesIn(selfDisable.body).fields, [messages.accounts.selfDisable]);
    await admin.get(userPath(beheerder));
    const demote = await admin.post(userPath(beheerder), { rol: 'secretariaat', vestiging: dienst.officeId, versie: versionIn(page.body) });
    assert.equal(demote.statusCode, 400);
    assert.deepEqual(errorMessagesIn(demote.body).fields, [messages.accounts.ownRole]);

    const { services, db } = get();
    const other = await aUser(db, 'beheerder', dienst);
    const [one, two] = await Promise.all([services.auth.currentActor(beheerder.id), services.auth.currentActor(other.id)]);
    assert.ok(one !== undefined && two !== undefined);
    try {
      const results = await Promise.all([services.userChanges.disable(one, other.id, 1), services.userChanges.disable(two, beheerder.id, 1)]);
      assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
      const refused = results.find((r) => !r.ok);
      assert.deepEqual(refused?.ok === false ? refused.problems.map((p) => p.code) : [], ['laatste-beheerder']);
      const active = await db.selectFrom('users').select('id').where('role', '=', 'beheerder').where('disabledAt', 'is', null).execute();
      assert.equal(active.length, 1);
    } finally {
      // Put back the suite's beheerder for the tests after this one.
      await db.updateTable('users').set({ disabledAt: null }).where('id', '=', beheerder.id).execute();
    }
  });

  it('U6 the list pages in SQL: 5,000 users, 25 a page, searchable by part of the name or address', async () => {
    const { db, data } = get();
    const big = await anOrganisation(db, { name: 'Groot' });
    const now = get().clock.now();
    for (let chunk = 0; chunk < 5; chunk++) {
      const rows = Array.from({ length: 1000 }, (_, i) => {
        const n = String(chunk * 1000 + i).padStart(4, '0');
        return { email: `gebruiker-${n}@groot.be`, displayName: `Gebruiker ${n}`, role: 'begeleider' as const, organisationId: big.id, officeId: big.officeId, passwordHash: null, createdAt: now };
      });
      await db.insertInto('users').values(rows).execute();
    }
    // A fresh login: the test before may have ended the beheerder's sessions.
    const admin = new WebSession(get().app);
    assertRedirect(await admin.login(data.beheerder.email, data.beheerder.password), '/');
    const second = await admin.get('/beheer/gebruikers?zoek=gebruiker-&pagina=2');
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /26 tot 50 van 5\.000 gebruikers/);
    assert.ok(second.body.includes('gebruiker-0025@groot.be') && !second.body.includes('gebruiker-0024@groot.be') && !second.body.includes('gebruiker-0050@groot.be'));
    const last = await admin.get('/beheer/gebruikers?zoek=gebruiker-&pagina=200');
    assert.ok(last.body.includes('gebruiker-4999@groot.be'));
    assert.ok(last.body.includes('Vorige'));
    const one = await admin.get('/beheer/gebruikers?zoek=Gebruiker%204321');
    assert.match(one.body, /1 tot 1 van 1 gebruikers/);
    const none = await admin.get('/beheer/gebruikers?zoek=%25');
    assert.ok(none.body.includes('Geen gebruiker gevonden'), 'a % is searched for literally');
  });
});
