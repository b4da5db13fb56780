/**
 * Client search for service staff: by INSZ (posted, never in a URL) or by name (family name
 * prefix, case-insensitive). The search term is not written to the audit log.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../../src/domain/clients.ts';
import { formatInsz } from '../../src/domain/insz.ts';
import { messages } from '../../src/http/messages.ts';
import { anOrganisation, aClient, aUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';
import { assertRedirect, auditRows, errorMessagesIn } from '../support/integration-helpers.ts';

type Data = Readonly<{ staff: WebSession; staffUserId: string; vermeersch: Client; vermeulen: Client; overmeer: Client }>;

async function setup({ app, db }: TestApp): Promise<Data> {
  const dienst = await anOrganisation(db, { kind: 'dienst' });
  const user = await aUser(db, 'interventieadviseur', dienst);
  const staff = new WebSession(app);
  assertRedirect(await staff.login(user.email, user.password), '/');
  return {
    staff,
    staffUserId: user.id,
    vermeersch: await aClient(db, { familyName: 'Vermeersch', firstName: 'Anouk' }),
    vermeulen: await aClient(db, { familyName: 'Vermeulen', firstName: 'Bert' }),
    overmeer: await aClient(db, { familyName: 'Overmeer', firstName: 'Cas' }),
  };
}

describeOnEachDatabase('client search (staff)', setup, (get) => {
  async function search(term: string): Promise<LightMyRequestResponse> {
    const { staff } = get().data;
    assert.equal((await staff.get('/zoeken')).statusCode, 200);
    return staff.post('/zoeken', { zoekterm: term });
  }

  const resultIds = (body: string): string[] => [...body.matchAll(/href="\/dossiers\/([0-9a-f-]{36})"/g)].map((m) => m[1] ?? '').sort();

  /** Every URL the page names (links, form actions, scripts, styles). */
  const urlsIn = (body: string): string[] => [...body.matchAll(/\b(?:href|action|src)="([^"]*)"/g)].map((m) => m[1] ?? '');

  it('a valid INSZ (written with separators or as 11 digits) finds the client', async () => {
    const { vermeersch } = get().data;
    for (const term of [formatInsz(vermeersch.insz), vermeersch.insz]) {
      const response = await search(term);
      assert.equal(response.statusCode, 200, term);
      assert.deepEqual(resultIds(response.body), [vermeersch.id], term);
      assert.ok(response.body.includes('Anouk Vermeersch'), term);
    }
  });

  it('the INSZ never stands in a URL: the answer is the post itself (no redirect, no Location), and no link carries it', async () => {
    const { vermeersch } = get().data;
    const response = await search(formatInsz(vermeersch.insz));
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers.location, undefined);
    assert.equal(response.headers['cache-control'], 'no-store');
    const digits = vermeersch.insz;
    for (const url of urlsIn(response.body)) {
      assert.ok(!url.replace(/\D/g, '').includes(digits), `no INSZ in ${url}`);
    }
    assert.ok(urlsIn(response.body).includes('/zoeken'), 'the form posts to /zoeken again');
  });

  it('the search is logged without its term', async () => {
    const { db } = get();
    const { vermeersch, staffUserId } = get().data;
    const before = (await auditRows(db, { action: 'klanten.gezocht', actorUserId: staffUserId })).length;
    await search(formatInsz(vermeersch.insz));
    await search('Vermeersch');
    const rows = await auditRows(db, { action: 'klanten.gezocht', actorUserId: staffUserId });
    assert.equal(rows.length, before + 2);
    for (const row of rows) {
      const details = JSON.stringify(row.details);
      assert.ok(!details.includes(vermeersch.insz) && !details.includes(formatInsz(vermeersch.insz)) && !/vermee/i.test(details), details);
    }
  });

  it('an invalid INSZ gives a field error (400) and searches nothing', async () => {
    const { db } = get();
    const { staffUserId } = get().data;
    const before = (await auditRows(db, { action: 'klanten.gezocht', actorUserId: staffUserId })).length;
    for (const term of ['12345678901', '85.07.30-033.29', '1234']) {
      const response = await search(term);
      assert.equal(response.statusCode, 400, term);
      assert.deepEqual(errorMessagesIn(response.body).fields, [messages.search.inszInvalid], term);
      assert.deepEqual(resultIds(response.body), [], term);
    }
    assert.equal((await auditRows(db, { action: 'klanten.gezocht', actorUserId: staffUserId })).length, before);
  });

  it('a valid INSZ nobody has finds nothing', async () => {
    const response = await search('85.07.30-033.28');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(resultIds(response.body), []);
    assert.ok(response.body.includes('Geen klanten gevonden.'));
  });

  it('a name search finds by family-name prefix, case-insensitively, and not by a part inside the name', async () => {
    const { vermeersch, vermeulen, overmeer } = get().data;
    assert.deepEqual(resultIds((await search('VERMEE')).body), [vermeersch.id]);
    assert.deepEqual(resultIds((await search('vermeersch')).body), [vermeersch.id]);
    assert.deepEqual(resultIds((await search('verm')).body), [vermeersch.id, vermeulen.id].sort());
    assert.deepEqual(resultIds((await search('Overm')).body), [overmeer.id]);
    const inside = await search('meer');
    assert.equal(inside.statusCode, 200);
    assert.deepEqual(resultIds(inside.body), []);
  });

  it('an empty search gives a field error (400)', async () => {
    const response = await search('   ');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(errorMessagesIn(response.body).fields, [messages.search.queryRequired]);
  });
});
