/**
 * The access matrix (A1, A5) over the dossier pages, "Mijn klanten" and the client search, and
 * the dossier audit trail (A6). Two partner organisations and the public service; six clients
 * whose attests cover every variant of A1.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { messages } from '../../src/http/messages/index.ts';
import { anAttest, anOrganisation, aClient, aUser, type AttestVariant, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession, withoutCsrfTokens } from '../support/web-session.ts';
import { assertRedirect, auditRows, countAudit } from '../support/integration-helpers.ts';

const ROLES = ['begeleiderP1', 'partnerbeheerderP1', 'begeleiderP2', 'secretariaat', 'interventieadviseur', 'beheerder'] as const;
type RoleKey = (typeof ROLES)[number];

const DOSSIERS = ['runningP1', 'runningP2Only', 'expiredP1', 'endedWithinWindowP1', 'submittedP1', 'rejectedP1'] as const;
type DossierKey = (typeof DOSSIERS)[number];

const DOSSIER_LABEL: Record<DossierKey, string> = {
  runningP1: 'a running attest of P1',
  runningP2Only: 'only a running attest of P2',
  expiredP1: 'an expired attest of P1',
  endedWithinWindowP1: 'an attest of P1 ended 20 days ago (access window still open)',
  submittedP1: 'only a submitted attest of P1',
  rejectedP1: 'a rejected attest of P1',
};

/** The expected answer of GET /dossiers/:id, per role and dossier. */
const PARTNER_P1: Record<DossierKey, 200 | 404> = {
  runningP1: 200,
  runningP2Only: 404,
  expiredP1: 404,
  endedWithinWindowP1: 200,
  submittedP1: 404,
  rejectedP1: 404,
};
const PARTNER_P2: Record<DossierKey, 200 | 404> = {
  runningP1: 404,
  runningP2Only: 200,
  expiredP1: 404,
  endedWithinWindowP1: 404,
  submittedP1: 404,
  rejectedP1: 404,
};
const STAFF: Record<DossierKey, 200 | 404> = {
  runningP1: 200,
  runningP2Only: 200,
  expiredP1: 200,
  endedWithinWindowP1: 200,
  submittedP1: 200,
  rejectedP1: 200,
};
const EXPECTED: Record<RoleKey, Record<DossierKey, 200 | 404>> = {
  begeleiderP1: PARTNER_P1,
  partnerbeheerderP1: PARTNER_P1,
  begeleiderP2: PARTNER_P2,
  secretariaat: STAFF,
  interventieadviseur: STAFF,
  beheerder: STAFF,
};

const isStaff = (role: RoleKey): boolean => role === 'secretariaat' || role === 'interventieadviseur' || role === 'beheerder';

type World = Readonly<{
  users: Record<RoleKey, TestUser>;
  browsers: Record<RoleKey, WebSession>;
  clients: Record<DossierKey, string>;
  organisations: { p1: string; p2: string; dienst: string };
}>;

async function setup({ app, db, clock }: TestApp): Promise<World> {
  const today = clock.today();
  const p1 = await anOrganisation(db, { name: 'Partner Een' });
  const p2 = await anOrganisation(db, { name: 'Partner Twee' });
  const dienst = await anOrganisation(db, { kind: 'dienst', name: 'De Dienst' });
  const users: Record<RoleKey, TestUser> = {
    begeleiderP1: await aUser(db, 'begeleider', p1),
    partnerbeheerderP1: await aUser(db, 'partnerbeheerder', p1),
    begeleiderP2: await aUser(db, 'begeleider', p2),
    secretariaat: await aUser(db, 'secretariaat', dienst),
    interventieadviseur: await aUser(db, 'interventieadviseur', dienst),
    beheerder: await aUser(db, 'beheerder', dienst),
  };
  const withAttest = async (variant: AttestVariant, organisationId: string): Promise<string> => {
    const client = await aClient(db);
    await anAttest(db, variant, { clientId: client.id, organisationId }, today);
    return client.id;
  };
  const clients: Record<DossierKey, string> = {
    runningP1: await withAttest('running', p1.id),
    runningP2Only: await withAttest('running', p2.id),
    expiredP1: await withAttest('expired', p1.id),
    endedWithinWindowP1: await withAttest('endedWithinWindow', p1.id),
    submittedP1: await withAttest('submitted', p1.id),
    rejectedP1: await withAttest('rejected', p1.id),
  };
  const browsers = {} as Record<RoleKey, WebSession>;
  for (const role of ROLES) {
    const browser = new WebSession(app);
    assertRedirect(await browser.login(users[role].email, users[role].password), '/');
    browsers[role] = browser;
  }
  return { users, browsers, clients, organisations: { p1: p1.id, p2: p2.id, dienst: dienst.id } };
}

describeOnEachDatabase('access to dossiers (A1, A5, A6)', setup, (get) => {
  const browser = (role: RoleKey): WebSession => get().data.browsers[role];
  const dossierPages = (clientId: string): string[] => [`/dossiers/${clientId}`, `/dossiers/${clientId}/begeleiding/stappen-naar-werk`];

  function assertNotFoundPage(response: LightMyRequestResponse, what: string): void {
    assert.equal(response.statusCode, 404, what);
    assert.ok(response.body.includes(messages.errors.notFoundTitle), `${what}: the 404 page`);
  }

  for (const role of ROLES) {
    for (const dossier of DOSSIERS) {
      const expected = EXPECTED[role][dossier];
      const rule = isStaff(role) ? 'A5' : 'A1';
      it(`${rule} ${role} opening the dossier of a client with ${DOSSIER_LABEL[dossier]}: ${expected}`, async () => {
        const clientId = get().data.clients[dossier];
        for (const url of dossierPages(clientId)) {
          const response = await browser(role).get(url);
          assert.equal(response.statusCode, expected, url);
          assert.equal(response.headers['cache-control'], 'no-store', `${url}: Cache-Control`);
          if (expected === 404) assertNotFoundPage(response, url);
          else assert.ok(response.body.includes(`href="/dossiers/${clientId}/begeleiding/stappen-naar-werk"`), `${url}: the dossier's tabs`);
        }
      });
    }
  }

  const UNKNOWN_IDS = [
    { label: 'an unknown uuid', id: '0b7e2a4c-5d1f-4c3e-9a8b-7f6e5d4c3b2a' },
    { label: "a malformed id 'abc'", id: 'abc' },
    { label: `a malformed id "1' or 1=1"`, id: encodeURIComponent("1' or 1=1") },
  ];
  for (const { label, id } of UNKNOWN_IDS) {
    it(`A1 ${label} gives 404 to every role, with Cache-Control: no-store`, async () => {
      for (const role of ROLES) {
        for (const url of dossierPages(id)) {
          const response = await browser(role).get(url);
          assertNotFoundPage(response, `${role} ${url}`);
          assert.equal(response.headers['cache-control'], 'no-store', `${role} ${url}`);
        }
      }
    });
  }

  it('A1 "no access" and "unknown" give byte-identical 404 responses (apart from the per-render CSRF token)', async () => {
    const { clients } = get().data;
    for (const role of ['begeleiderP1', 'begeleiderP2'] as const) {
      const forbidden = role === 'begeleiderP1' ? [clients.runningP2Only, clients.expiredP1, clients.submittedP1, clients.rejectedP1] : [clients.runningP1];
      for (const page of ['', '/begeleiding/stappen-naar-werk']) {
        const unknown = await browser(role).get(`/dossiers/${crypto.randomUUID()}${page}`);
        const malformed = await browser(role).get(`/dossiers/abc${page}`);
        for (const clientId of forbidden) {
          const refused = await browser(role).get(`/dossiers/${clientId}${page}`);
          for (const [what, other] of [
            ['unknown uuid', unknown],
            ['malformed id', malformed],
          ] as const) {
            const context = `${role}: no access to ${clientId}${page} vs ${what}`;
            assert.equal(refused.statusCode, other.statusCode, context);
            assert.equal(withoutCsrfTokens(refused.body), withoutCsrfTokens(other.body), `${context}: body`);
            assert.equal(refused.body.length, other.body.length, `${context}: length`);
            for (const header of ['content-type', 'content-length', 'cache-control', 'content-security-policy', 'set-cookie', 'location']) {
              assert.equal(refused.headers[header], other.headers[header], `${context}: header ${header}`);
            }
          }
        }
      }
    }
  });

  it('A5 service staff get 200 for every existing client, also on the Begeleiding subtab', async () => {
    const { clients } = get().data;
    for (const role of ['secretariaat', 'interventieadviseur', 'beheerder'] as const) {
      for (const clientId of Object.values(clients)) {
        for (const url of dossierPages(clientId)) assert.equal((await browser(role).get(url)).statusCode, 200, `${role} ${url}`);
      }
    }
  });

  it('A1 "Begeleiding" redirects to its first subtab, which does the access check', async () => {
    const { clients } = get().data;
    assertRedirect(await browser('begeleiderP1').get(`/dossiers/${clients.runningP1}/begeleiding`), `/dossiers/${clients.runningP1}/begeleiding/stappen-naar-werk`);
    const redirect = await browser('begeleiderP2').get(`/dossiers/${clients.runningP1}/begeleiding`);
    assert.equal(redirect.statusCode, 303);
    assert.equal((await browser('begeleiderP2').get(String(redirect.headers.location))).statusCode, 404);
  });

  const dossierLinks = (body: string): string[] => [...body.matchAll(/href="\/dossiers\/([0-9a-f-]{36})"/g)].map((m) => m[1] ?? '').sort();

  it('A1 "Mijn klanten" of P1 lists exactly the P1 clients with access: running and ended within the window', async () => {
    const { clients } = get().data;
    for (const role of ['begeleiderP1', 'partnerbeheerderP1'] as const) {
      const response = await browser(role).get('/klanten');
      assert.equal(response.statusCode, 200, role);
      assert.deepEqual(dossierLinks(response.body), [clients.runningP1, clients.endedWithinWindowP1].sort(), role);
      assert.ok(response.body.includes('2 klanten'), role);
    }
  });

  it('A1 "Mijn klanten" of P2 lists only its own client', async () => {
    const response = await browser('begeleiderP2').get('/klanten');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(dossierLinks(response.body), [get().data.clients.runningP2Only]);
  });

  it('service staff get 403 on /klanten', async () => {
    for (const role of ['secretariaat', 'interventieadviseur', 'beheerder'] as const) {
      const response = await browser(role).get('/klanten');
      assert.equal(response.statusCode, 403, role);
      assert.ok(response.body.includes(messages.errors.forbiddenTitle), role);
    }
  });

  it('partners get 403 on /zoeken (page and search post)', async () => {
    for (const role of ['begeleiderP1', 'partnerbeheerderP1', 'begeleiderP2'] as const) {
      assert.equal((await browser(role).get('/zoeken')).statusCode, 403, `${role} GET`);
      await browser(role).get('/klanten');
      const post = await browser(role).post('/zoeken', { zoekterm: 'Klant' });
      assert.equal(post.statusCode, 403, `${role} POST`);
      assert.doesNotMatch(post.body, /href="\/dossiers\//, `${role}: no results shown`);
    }
  });

  it('A6 each successful opening writes one dossier.geopend row with the user, its organisation and the client', async () => {
    const { db, data } = get();
    const cases: [RoleKey, DossierKey, string][] = [
      ['begeleiderP1', 'runningP1', data.organisations.p1],
      ['partnerbeheerderP1', 'endedWithinWindowP1', data.organisations.p1],
      ['begeleiderP2', 'runningP2Only', data.organisations.p2],
      ['interventieadviseur', 'expiredP1', data.organisations.dienst],
    ];
    for (const [role, dossier, organisationId] of cases) {
      const userId = data.users[role].id;
      const clientId = data.clients[dossier];
      const before = await auditRows(db, { actorUserId: userId, clientId });
      for (const url of dossierPages(clientId)) assert.equal((await browser(role).get(url)).statusCode, 200);
      const added = (await auditRows(db, { actorUserId: userId, clientId })).slice(before.length);
      assert.deepEqual(
        added.map((row) => ({ action: row.action, organisationId: row.organisationId, clientId: row.clientId, page: row.details['page'] })),
        [
          { action: 'dossier.geopend', organisationId, clientId, page: 'klantenportret' },
          { action: 'dossier.geopend', organisationId, clientId, page: 'stappen-naar-werk' },
        ],
        `${role} opening ${dossier}`,
      );
    }
  });

  it('A6 a refused opening (no access) writes one dossier.geweigerd row with the user, its organisation and the client', async () => {
    const { db, data } = get();
    const userId = data.users.begeleiderP1.id;
    const clientId = data.clients.runningP2Only;
    const before = await countAudit(db, { actorUserId: userId, clientId });
    assert.equal((await browser('begeleiderP1').get(`/dossiers/${clientId}`)).statusCode, 404);
    const added = (await auditRows(db, { actorUserId: userId, clientId })).slice(before);
    assert.deepEqual(
      added.map((row) => ({ action: row.action, organisationId: row.organisationId, reason: row.details['reason'] })),
      [{ action: 'dossier.geweigerd', organisationId: data.organisations.p1, reason: 'geen-toegang' }],
    );
  });

  it('A6 an attempt on an unknown or malformed id writes one dossier.geweigerd row for the user', async () => {
    const { db, data } = get();
    const userId = data.users.begeleiderP2.id;
    for (const id of [crypto.randomUUID(), 'abc']) {
      const before = await countAudit(db, { action: 'dossier.geweigerd', actorUserId: userId });
      assert.equal((await browser('begeleiderP2').get(`/dossiers/${id}`)).statusCode, 404);
      const added = (await auditRows(db, { action: 'dossier.geweigerd', actorUserId: userId })).slice(before);
      assert.deepEqual(
        added.map((row) => ({ organisationId: row.organisationId, clientId: row.clientId, reason: row.details['reason'] })),
        [{ organisationId: data.organisations.p2, clientId: null, reason: 'onbekend' }],
        id,
      );
    }
  });

  it('A6 a refused opening writes no dossier.geopend row', async () => {
    const { db, data } = get();
    const clientId = data.clients.expiredP1;
    const userId = data.users.begeleiderP1.id;
    assert.equal((await browser('begeleiderP1').get(`/dossiers/${clientId}`)).statusCode, 404);
    assert.equal(await countAudit(db, { action: 'dossier.geopend', actorUserId: userId, clientId }), 0);
  });
});
