/**
 * Client search for service staff: by INSZ (posted, never in a URL) or by name (any part of the
 * name as a word prefix, case- and accent-insensitive, best matches first: issue 15 defect 3).
 * The search term is not written to the audit log.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../../src/domain/clients.ts';
import { formatInsz } from '../../src/domain/insz.ts';
import { messages } from '../../src/http/messages/index.ts';
import { anOrganisation, aClient, aUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';
import { sql } from 'kysely';
import { nameQuery, nameSearchKeys, rankName } from '../../src/domain/client-search.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createTestDatabase } from '../support/databases.ts';
import { TEST_NOW } from '../support/clock.ts';

const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
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

  const orderedIds = (body: string): string[] => [...body.matchAll(/href="\/dossiers\/([0-9a-f-]{36})"/g)].map((m) => m[1] ?? '');

  it('issue 15 defect 3: "El Amrani", "Amrani" and "Fatima El Amrani" find Fatima El Amrani', async () => {
    const { db } = get();
    const fatima = await aClient(db, { firstName: 'Fatima', familyName: 'El Amrani' });
    for (const term of ['El Amrani', 'Amrani', 'Fatima El Amrani', 'el amrani', 'EL-AMRANI', 'Elamrani', 'Fatima']) {
      const response = await search(term);
      assert.equal(response.statusCode, 200, term);
      assert.ok(orderedIds(response.body).includes(fatima.id), `${term} finds Fatima El Amrani`);
    }
  });

  it('issue 15 defect 3: particles, accents and hyphens: any part finds the name, case- and accent-insensitively', async () => {
    const { db } = get();
    const clients = {
      vanDenBroeck: await aClient(db, { firstName: 'Jan', familyName: 'Van den Broeck' }),
      deSmet: await aClient(db, { firstName: 'Els', familyName: 'De Smet' }),
      vanDeVelde: await aClient(db, { firstName: 'Joris', familyName: 'Van de Velde' }),
      vandeVelde: await aClient(db, { firstName: 'Piet', familyName: 'Vande Velde' }),
      celik: await aClient(db, { firstName: 'Ayşe', familyName: 'Çelik' }),
      muller: await aClient(db, { firstName: 'Jürgen', familyName: 'Müller' }),
      noel: await aClient(db, { firstName: 'Léa', familyName: 'Noël' }),
      hyphen: await aClient(db, { firstName: 'Marie-Claire', familyName: 'Dupont-Lefèvre' }),
    };
    const expectations: [string, (keyof typeof clients)[]][] = [
      ['Van den Broeck', ['vanDenBroeck']],
      ['broeck', ['vanDenBroeck']],
      ['Jan Van den Broeck', ['vanDenBroeck']],
      ['Smet', ['deSmet']],
      ['desmet', ['deSmet']],
      ['Van de Velde', ['vanDeVelde', 'vandeVelde']],
      ['Vande Velde', ['vanDeVelde', 'vandeVelde']],
      ['Vandevelde', ['vanDeVelde', 'vandeVelde']],
      ['Celik', ['celik']],
      ['ÇELIK ayse', ['celik']],
      ['Muller', ['muller']],
      ['jurgen müller', ['muller']],
      ['Noel', ['noel']],
      ['Lea Noël', ['noel']],
      ['Lefevre', ['hyphen']],
      ['Dupont-Lefèvre', ['hyphen']],
      ['Claire', ['hyphen']],
    ];
    for (const [term, expected] of expectations) {
      const response = await search(term);
      assert.equal(response.statusCode, 200, term);
      assert.deepEqual(orderedIds(response.body).filter((id) => Object.values(clients).some((c) => c.id === id)).sort(), expected.map((k) => clients[k].id).sort(), term);
    }
  });

  it('issue 15 defect 3: best matches first: the exact family name, then the name as a whole word, then a word prefix', async () => {
    const { db } = get();
    const prefix = await aClient(db, { firstName: 'Lies', familyName: 'Benamranis' });
    const exact = await aClient(db, { firstName: 'Sami', familyName: 'Benamrani' });
    const word = await aClient(db, { firstName: 'Omar', familyName: 'Al Benamrani' });
    assert.deepEqual(orderedIds((await search('Benamrani')).body), [exact.id, word.id, prefix.id]);
    const full = await aClient(db, { firstName: 'Omar', familyName: 'Benamrani' });
    assert.deepEqual(orderedIds((await search('Omar Benamrani')).body), [full.id, word.id]);
  });

  it('issue 15 defect 3: the database ranks exactly as the rule in domain/client-search.ts', async () => {
    const { db } = get();
    const all = await db.selectFrom('clients').select(['id', 'searchFirstName', 'searchFamilyName']).execute();
    for (const term of ['El Amrani', 'van', 'de', 'Velde', 'Vande', 'jan', 'Benamrani', 'Omar Benamrani', 'Noël', 'Klant', 'Test']) {
      const q = nameQuery(term);
      assert.ok(q);
      const expected = all
        .map((c) => ({ c, rank: rankName(c, q) }))
        .filter((r): r is { c: (typeof all)[number]; rank: number } => r.rank !== undefined)
        .sort((a, b) => a.rank - b.rank || byBytes(a.c.searchFamilyName, b.c.searchFamilyName) || byBytes(a.c.searchFirstName, b.c.searchFirstName) || byBytes(a.c.id, b.c.id))
        .map((r) => r.c.id)
        .slice(0, get().services.dossiers.searchLimit);
      assert.deepEqual(orderedIds((await search(term)).body), expected, term);
    }
  });

  it('issue 15 defect 3: the INSZ search keeps working with or without dots and dash', async () => {
    const { vermeersch } = get().data;
    const formatted = formatInsz(vermeersch.insz);
    for (const term of [formatted, vermeersch.insz, formatted.replaceAll('.', ''), formatted.replace('-', ''), formatted.replaceAll('.', ' ')]) {
      assert.deepEqual(orderedIds((await search(term)).body), [vermeersch.id], term);
    }
  });

  it('issue 15 defect 3: migration 0010 gives the clients already there their search form', async () => {
    const { kind } = get();
    const old = await createTestDatabase(kind, { upTo: '0007_jobs_and_outbox' });
    try {
      await sql`insert into clients (insz, family_name, first_name, birth_date, created_at)
        values ('85073003328', 'El Amrani-Çelik', 'Noël', '1985-07-30', ${TEST_NOW})`.execute(old.db.withoutPlugins());
      await migrateToLatest(old.db);
      const row = await old.db.selectFrom('clients').select(['searchFirstName', 'searchFamilyName']).executeTakeFirstOrThrow();
      assert.deepEqual(row, { searchFirstName: 'noel', searchFamilyName: 'el amrani celik' });
      assert.deepEqual(row, nameSearchKeys({ firstName: 'Noël', familyName: 'El Amrani-Çelik' }), 'the same form as the application writes');
    } finally {
      await old.drop();
    }
  });

  it('an empty search gives a field error (400)', async () => {
    const response = await search('   ');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(errorMessagesIn(response.body).fields, [messages.search.queryRequired]);
  });
});
