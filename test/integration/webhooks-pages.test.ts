/**
 * "Webhooks" (issue 17, W5) as the partnerbeheerder uses it (the list is a section of Koppelingen), with the production rules for URLs
 * (no WEBHOOK_ALLOW_LOCAL): only https to a public address is accepted, the secret is shown once
 * and stored encrypted, enable/disable/delete are audited, the list shows the last delivery, and
 * another organisation's endpoint is a 404 on every route.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createSecretBox } from '../../src/services/webhooks/secret-box.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { anOrganisation, aUser } from '../support/factories.ts';
import { assertRedirect, auditRows, errorMessagesIn } from '../support/integration-helpers.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { loggedInOnce, type WebSession } from '../support/web-session.ts';

const PUBLIC_URL = 'https://93.184.215.14/loopbaanportaal/webhook';

async function world(t: TestApp) {
  const own = await anOrganisation(t.db, { name: 'Eigen Partner' });
  const other = await anOrganisation(t.db, { name: 'Andere Partner' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  return {
    own,
    other,
    partnerbeheerder: await aUser(t.db, 'partnerbeheerder', own),
    otherBeheerder: await aUser(t.db, 'partnerbeheerder', other),
    begeleider: await aUser(t.db, 'begeleider', own),
    beheerder: await aUser(t.db, 'beheerder', dienst),
  };
}

describeOnEachDatabase('Beheer > Webhooks', world, (get) => {
  const as = (user: { email: string; password: string }): Promise<WebSession> => loggedInOnce(get().app, user);
  const endpointsOf = (organisationId: string) => get().db.selectFrom('webhook_endpoints').selectAll().where('organisationId', '=', organisationId).orderBy('seq').execute();

  async function add(session: WebSession, form: { url: string; gebeurtenissen: string[] }) {
    await session.get('/beheer/webhooks/nieuw');
    return session.post('/beheer/webhooks/nieuw', form);
  }

  it('W5 only the partnerbeheerder reaches Webhooks (a section of Koppelingen, issue 17 item 6); the begeleider and the beheerder are refused (403)', async () => {
    const { partnerbeheerder, begeleider, beheerder } = get().data;
    const own = await as(partnerbeheerder);
    assert.equal((await own.get('/beheer/koppelingen')).statusCode, 200);
    const former = await own.get('/beheer/webhooks');
    assert.deepEqual([former.statusCode, former.headers.location], [301, '/beheer/koppelingen#webhooks'], 'the former list address sends to the section');
    assert.match((await own.get('/beheer')).body, /href="\/beheer\/koppelingen"/);
    for (const user of [begeleider, beheerder]) {
      const session = await as(user);
      assert.equal((await session.get('/beheer/koppelingen')).statusCode, 403);
      assert.equal((await session.get('/beheer/webhooks')).statusCode, 403);
      assert.equal((await session.get('/beheer/webhooks/nieuw')).statusCode, 403);
    }
  });

  it('W5 an https endpoint on a public address is added; its secret is shown once, stored only encrypted, never shown again; the addition is audited without it', async () => {
    const t = get();
    const { own, partnerbeheerder } = t.data;
    const session = await as(partnerbeheerder);
    const response = await add(session, { url: PUBLIC_URL, gebeurtenissen: ['attest.goedgekeurd', 'toegang.beeindigd'] });
    assert.equal(response.statusCode, 201);
    const secret = /id="geheim">(whsec_[A-Za-z0-9_-]+)</.exec(response.body)?.[1];
    assert.ok(secret !== undefined, 'the secret is on the page');
    const [row] = await endpointsOf(own.id);
    assert.ok(row !== undefined);
    assert.deepEqual([row.url, row.events, row.enabled], [PUBLIC_URL, ['attest.goedgekeurd', 'toegang.beeindigd'], true]);
    assert.ok(!row.secretCiphertext.includes(secret) && !row.secretCiphertext.includes(secret.slice(6)));
    assert.equal(createSecretBox(t.config.webhookSecretKey).open(row.secretCiphertext), secret, 'it can sign');
    const list = await session.get('/beheer/koppelingen');
    assert.ok(list.body.includes(PUBLIC_URL) && list.body.includes('Attest goedgekeurd') && list.body.includes('Nog geen meldingen'));
    assert.ok(!list.body.includes(secret), 'not shown again');
    const [audit] = await auditRows(t.db, { action: 'webhook.aangemaakt' });
    assert.equal(audit?.details['subjectId'], row.id);
    assert.ok(!JSON.stringify(audit.details).includes(secret.slice(6)));
  });

  it('W5 a URL that is not https, points at a loopback, private or link-local address, carries credentials, or has no events is refused with a Dutch message; nothing is stored', async () => {
    const t = get();
    const { own, partnerbeheerder } = t.data;
    const session = await as(partnerbeheerder);
    const before = (await endpointsOf(own.id)).length;
    const cases: [string, string[], string][] = [
      ['http://93.184.215.14/hook', ['attest.goedgekeurd'], 'moet met https:// beginnen'],
      ['https://127.0.0.1/hook', ['attest.goedgekeurd'], 'privé-netwerkadres'],
      ['https://10.0.0.8/hook', ['attest.goedgekeurd'], 'privé-netwerkadres'],
      ['https://169.254.169.254/latest/meta-data', ['attest.goedgekeurd'], 'privé-netwerkadres'],
      ['https://[::1]/hook', ['attest.goedgekeurd'], 'privé-netwerkadres'],
      ['https://localhost/hook', ['attest.goedgekeurd'], 'privé-netwerkadres'],
      ['https://gebruiker:geheim@93.184.215.14/hook', ['attest.goedgekeurd'], 'geen gebruikersnaam of wachtwoord'],
      ['', ['attest.goedgekeurd'], 'Vul het adres (URL) van de webhook in'],
      [PUBLIC_URL, [], 'Kies minstens één gebeurtenis'],
    ];
    for (const [url, events, message] of cases) {
      const response = await add(session, { url, gebeurtenissen: events });
      assert.equal(response.statusCode, 400, url);
      const { summary } = errorMessagesIn(response.body);
      assert.ok(summary.some((m) => m.includes(message)), `${url}: ${summary.join(' | ')}`);
      assert.ok(response.body.includes(`value="${url.replace(/&/g, '&amp;')}"`) || url === '', 'the input is kept');
    }
    assert.equal((await endpointsOf(own.id)).length, before);
  });

  it('W5 disabling gives up what waits and is audited; enabling and deleting (after confirmation) too; the list shows the last delivery with its status and next attempt', async () => {
    const t = get();
    const { own, partnerbeheerder } = t.data;
    const session = await as(partnerbeheerder);
    await add(session, { url: 'https://93.184.215.15/tweede', gebeurtenissen: ['stap.uitgevoerd'] });
    const endpoint = (await endpointsOf(own.id)).find((e) => e.url === 'https://93.184.215.15/tweede');
    assert.ok(endpoint !== undefined);
    const raise = () => t.db.transaction().execute((trx) => t.services.webhookEvents.emit(trx, {
      type: 'stap.uitgevoerd', organisationId: own.id, clientId: crypto.randomUUID(), data: { stepId: crypto.randomUUID(), attestId: null, state: 'uitgevoerd', date: t.clock.today(), automatic: true },
    }));
    await raise();
    const [waiting] = await createRepositories().outbox.listByTopic(t.db, 'stap.uitgevoerd');
    assert.ok(waiting !== undefined);
    const failedAt = t.clock.now();
    await createRepositories().outbox.markFailed(t.db, waiting.id, 'HTTP 503', failedAt, new Date(failedAt.getTime() + 300_000), 503);
    const list = await session.get('/beheer/koppelingen');
    for (const text of ['Mislukt, nieuwe poging gepland', 'HTTP 503', '29/11/2026, 10:00', '29/11/2026, 10:05']) assert.ok(list.body.includes(text), text);

    await session.get('/beheer/koppelingen');
    assertRedirect(await session.post(`/beheer/webhooks/${endpoint.id}/uitschakelen`, {}), '/beheer/koppelingen');
    assert.match((await session.get('/beheer/koppelingen')).body, /is uitgeschakeld[\s\S]*Uitgeschakeld/);
    const [givenUp] = await createRepositories().outbox.listByTopic(t.db, 'stap.uitgevoerd');
    assert.ok(givenUp?.givenUpAt !== null, 'what waited is given up');
    await raise();
    assert.equal((await createRepositories().outbox.listByTopic(t.db, 'stap.uitgevoerd')).length, 1, 'a disabled endpoint gets no new events');
    assert.equal((await session.post(`/beheer/webhooks/${endpoint.id}/inschakelen`, {})).statusCode, 303);
    assert.equal((await endpointsOf(own.id)).find((e) => e.id === endpoint.id)?.enabled, true);

    const confirm = await session.get(`/beheer/webhooks/${endpoint.id}/verwijderen`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Webhook verwijderen\?/);
    assert.equal((await session.post(`/beheer/webhooks/${endpoint.id}/verwijderen`, { bevestigd: 'nee' })).statusCode, 303);
    assert.ok((await endpointsOf(own.id)).some((e) => e.id === endpoint.id), 'Nee keeps it');
    await session.get(`/beheer/webhooks/${endpoint.id}/verwijderen`);
    assert.equal((await session.post(`/beheer/webhooks/${endpoint.id}/verwijderen`, { bevestigd: 'ja' })).statusCode, 303);
    assert.ok(!(await endpointsOf(own.id)).some((e) => e.id === endpoint.id));
    const actions = (await auditRows(t.db, {})).filter((r) => r.details['subjectId'] === endpoint.id).map((r) => r.action);
    assert.deepEqual(actions, ['webhook.aangemaakt', 'webhook.uitgeschakeld', 'webhook.ingeschakeld', 'webhook.verwijderd']);
  });

  it("W5 another organisation's endpoint, an unknown or a malformed id is a 404 on every route and changes nothing", async () => {
    const t = get();
    const { other, otherBeheerder, partnerbeheerder } = t.data;
    const theirs = await add(await as(otherBeheerder), { url: 'https://93.184.215.16/hook', gebeurtenissen: ['attest.afgewezen'] });
    assert.equal(theirs.statusCode, 201);
    const [endpoint] = await endpointsOf(other.id);
    assert.ok(endpoint !== undefined);
    const session = await as(partnerbeheerder);
    assert.ok(!(await session.get('/beheer/koppelingen')).body.includes('93.184.215.16'), 'not in the list');
    for (const id of [endpoint.id, crypto.randomUUID(), 'geen-id']) {
      assert.equal((await session.get(`/beheer/webhooks/${id}/verwijderen`)).statusCode, 404, id);
      await session.get('/beheer/koppelingen');
      for (const action of ['uitschakelen', 'inschakelen', 'verwijderen']) {
        assert.equal((await session.post(`/beheer/webhooks/${id}/${action}`, { bevestigd: 'ja' })).statusCode, 404, `${action} ${id}`);
      }
    }
    const [still] = await endpointsOf(other.id);
    assert.deepEqual([still?.id, still?.enabled], [endpoint.id, true]);
  });
});
