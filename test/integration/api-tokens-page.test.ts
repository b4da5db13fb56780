/**
 * "API-sleutels" (issue 17) on both databases: the partnerbeheerder's pages for its own
 * organisation's API tokens: create (Dutch validation), the secret shown once and stored only as
 * its SHA-256, listed with the last use on Koppelingen (item 6: with the webhooks, on one page),
 * revoked (then refused by the API with 401); audited.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { addMonths, dateParts } from '../../src/domain/calendar-date.ts';
import { anOrganisation, aUser } from '../support/factories.ts';
import { assertRedirect, auditRows, errorMessagesIn } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { loggedInOnce } from '../support/web-session.ts';

async function world({ db }: TestApp) {
  const org = await anOrganisation(db, { name: 'Kantoor Gamma' });
  const other = await anOrganisation(db, { name: 'Kantoor Delta' });
  return {
    org,
    admin: await aUser(db, 'partnerbeheerder', org),
    otherAdmin: await aUser(db, 'partnerbeheerder', other),
    consultant: await aUser(db, 'begeleider', org),
    beheerder: await aUser(db, 'beheerder', await anOrganisation(db, { kind: 'dienst' })),
  };
}

const expiry = (t: TestApp, months: number) => {
  const { year, month, day } = dateParts(addMonths(t.clock.today(), months));
  return { 'vervaldatum-dag': String(day), 'vervaldatum-maand': String(month), 'vervaldatum-jaar': String(year) };
};

describeOnEachDatabase('API-sleutels', world, (get) => {
  /** The token the second test created, used again after it is revoked. */
  let shown = '';
  test('API-sleutels: the Dutch validation of the form; nothing is stored', async () => {
    const t = get();
    const session = await loggedInOnce(t.app, t.data.admin);
    await session.get('/beheer/api-sleutels/nieuw');
    const empty = await session.post('/beheer/api-sleutels/nieuw', { naam: '' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorMessagesIn(empty.body).fields, ['Vul de vervaldatum in']);
    const rest = await session.post('/beheer/api-sleutels/nieuw', { naam: ' ', ...expiry(t, 1) });
    assert.equal(rest.statusCode, 400);
    assert.deepEqual(errorMessagesIn(rest.body).summary, ['Vul de naam van de sleutel in', 'Kies minstens één recht']);
    const tooFar = await session.post('/beheer/api-sleutels/nieuw', { naam: 'CRM', scopes: 'dossiers:read', ...expiry(t, 13) });
    assert.equal(tooFar.statusCode, 400);
    assert.match(errorMessagesIn(tooFar.body).summary[0] ?? '', /^Een sleutel is hoogstens 12 maanden geldig: kies een vervaldatum tot en met \d\d\/\d\d\/\d{4}$/);
    assert.equal((await t.db.selectFrom('api_tokens').select('id').execute()).length, 0);
  });

  test('API-sleutels: the secret is shown once and only its SHA-256 is stored; the list shows the last use; audited', async () => {
    const t = get();
    const session = await loggedInOnce(t.app, t.data.admin);
    await session.get('/beheer/api-sleutels/nieuw');
    const created = await session.post('/beheer/api-sleutels/nieuw', { naam: 'CRM productie', scopes: 'dossiers:read', ...expiry(t, 12) });
    assert.equal(created.statusCode, 201);
    const found = /value="(lbp_([0-9a-f]{32})_([A-Za-z0-9_-]{43}))"/.exec(created.body);
    const [, token, id, secret] = found ?? [];
    assert.ok(token !== undefined && id !== undefined && secret !== undefined, 'the token is on the page');
    shown = token;
    const row = await t.db.selectFrom('api_tokens').selectAll().where('name', '=', 'CRM productie').executeTakeFirstOrThrow();
    // The secret (base64url) may itself hold "_": it is the 43 characters after the id.
    assert.equal(row.secretHash, createHash('sha256').update(secret).digest('hex'));
    assert.equal(row.id.replaceAll('-', ''), id);
    assert.ok(!JSON.stringify(row).includes(secret), 'the secret itself is not stored');
    const audit = (await auditRows(t.db, { action: 'api-sleutel.aangemaakt' })).at(-1);
    assert.equal(audit?.details['tokenId'], row.id);

    const before = await session.get('/beheer/koppelingen');
    assert.match(before.body, /CRM productie[\s\S]*Nog niet gebruikt/);
    assert.ok(!before.body.includes(token), 'the list never shows the secret');
    const used = await t.app.inject({ method: 'GET', url: '/api/v1/klanten', headers: { authorization: `Bearer ${token}` } });
    assert.equal(used.statusCode, 200);
    const after = await session.get('/beheer/koppelingen');
    assert.doesNotMatch(after.body, /Nog niet gebruikt/);
  });

  test('API-sleutels: revoking a token makes the API answer 401; the list says Ingetrokken; audited', async () => {
    const t = get();
    const session = await loggedInOnce(t.app, t.data.admin);
    const row = await t.db.selectFrom('api_tokens').select('id').where('name', '=', 'CRM productie').executeTakeFirstOrThrow();
    await session.get('/beheer/koppelingen');
    assertRedirect(await session.post(`/beheer/api-sleutels/${row.id}/intrekken`, {}), '/beheer/koppelingen');
    const list = await session.get('/beheer/koppelingen');
    assert.match(list.body, /De API-sleutel CRM productie is ingetrokken/);
    assert.match(list.body, /Ingetrokken/);
    assert.equal((await auditRows(t.db, { action: 'api-sleutel.ingetrokken' })).length, 1);
    const stored = await t.db.selectFrom('api_tokens').select('revokedAt').where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.ok(stored.revokedAt !== null);
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/klanten', headers: { authorization: `Bearer ${shown}` } });
    assert.equal(refused.statusCode, 401);
  });

  test('API-sleutels: only a partnerbeheerder, for its own organisation (403 for others, 404 for another organisation\'s token)', async () => {
    const t = get();
    for (const user of [t.data.consultant, t.data.beheerder]) {
      const session = await loggedInOnce(t.app, user);
      assert.equal((await session.get('/beheer/koppelingen')).statusCode, 403, user.role);
      assert.equal((await session.get('/beheer/api-sleutels')).statusCode, 403, `${user.role}: the former list address`);
    }
    const row = await t.db.selectFrom('api_tokens').select('id').where('name', '=', 'CRM productie').executeTakeFirstOrThrow();
    const other = await loggedInOnce(t.app, t.data.otherAdmin);
    await other.get('/beheer/koppelingen');
    assert.equal((await other.post(`/beheer/api-sleutels/${row.id}/intrekken`, {})).statusCode, 404);
  });

  test('API-sleutels: the organisation\'s system account is no user to administer', async () => {
    const t = get();
    const session = await loggedInOnce(t.app, t.data.admin);
    const system = await t.db.selectFrom('users').select(['id', 'displayName', 'passwordHash', 'disabledAt']).where('apiSystem', '=', true).executeTakeFirstOrThrow();
    assert.equal(system.displayName, 'systeem van Kantoor Gamma');
    assert.equal(system.passwordHash, null);
    assert.ok(system.disabledAt !== null);
    const users = await session.get('/beheer/gebruikers');
    assert.equal(users.statusCode, 200);
    assert.ok(!users.body.includes('systeem van'), 'not in the list of users');
    assert.equal((await session.get(`/beheer/gebruikers/${system.id}`)).statusCode, 404);
  });

  test('issue 17 item 6: Koppelingen shows the API tokens and the webhooks, each with its last use or delivery, on one page; the former list address sends to its section (301)', async () => {
    const t = get();
    const session = await loggedInOnce(t.app, t.data.admin);
    await session.get('/beheer/webhooks/nieuw');
    assert.equal((await session.post('/beheer/webhooks/nieuw', { url: 'https://93.184.215.14/crm', gebeurtenissen: ['attest.goedgekeurd'] })).statusCode, 201);
    const page = await session.get('/beheer/koppelingen');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-xl">Koppelingen<\/h1>/);
    assert.match(page.body, /id="api-sleutels"[\s\S]*CRM productie[\s\S]*Ingetrokken[\s\S]*id="webhooks"[\s\S]*https:\/\/93\.184\.215\.14\/crm[\s\S]*Nog geen meldingen/);
    assert.match(page.body, /href="\/api\/docs"/, 'links the API documentation');
    const former = await session.get('/beheer/api-sleutels');
    assert.deepEqual([former.statusCode, former.headers.location], [301, '/beheer/koppelingen#api-sleutels']);
    const home = await session.get('/beheer');
    assert.match(home.body, /href="\/beheer\/koppelingen">Koppelingen</);
    assert.doesNotMatch(home.body, /href="\/beheer\/(api-sleutels|webhooks)"/, 'one entry in Beheer instead of two');
  });
});
