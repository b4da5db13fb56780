/**
 * Access by the signed attest outplacement over HTTP (A1–A6): "Toegang aanvragen" with its
 * validation, "Mijn aanvragen", "Te behandelen attesten" with approval and rejection, the
 * extension (A4) moving every date together, concurrent handling, expiry by date alone, and
 * "Wie bekeek dit dossier" with its CSV export.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { accessPeriodEnd, automaticCompletionDate } from '../../src/domain/access.ts';
import { addDays, addMonths, formatDate, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import { EXE, MEDIA_TYPES, PDF, PNG, type MultipartPart } from '../support/documents.ts';
import { aClient, anAttest, anOrganisation, anOutplacementStep, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const today = t.clock.today();
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const other = await anOrganisation(t.db, { name: 'Andere partner' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  // A client in a running guidance of the other partner: its existence must not leak.
  const elsewhere = await aClient(t.db, { insz: makeInsz('1979-03-14' as CalendarDate, 41), birthDate: '1979-03-14' as CalendarDate, familyName: 'Elders', firstName: 'Eva' });
  await anAttest(t.db, 'running', { clientId: elsewhere.id, organisationId: other.id }, today);
  // A client in a running guidance of the partner itself.
  const own = await aClient(t.db, { insz: makeInsz('1970-05-02' as CalendarDate, 17), birthDate: '1970-05-02' as CalendarDate, familyName: 'Eigen', firstName: 'Olaf' });
  await anAttest(t.db, 'running', { clientId: own.id, organisationId: partner.id }, today);
  return {
    today,
    partner,
    other,
    elsewhere,
    own,
    begeleider: await aUser(t.db, 'begeleider', partner),
    begeleider2: await aUser(t.db, 'begeleider', partner),
    vreemde: await aUser(t.db, 'begeleider', other),
    secretariaat: await aUser(t.db, 'secretariaat', dienst),
    secretariaat2: await aUser(t.db, 'secretariaat', dienst),
    adviseur: await aUser(t.db, 'interventieadviseur', dienst),
  };
}

function errorMessages(body: string): string[] {
  return [...body.matchAll(/<p id="[^"]*-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Fout:<\/span>([^<]*)<\/p>/g)].map((m) =>
    (m[1] ?? '').trim().replace(/&#39;/g, "'").replace(/&quot;/g, '"'),
  );
}

const dateParts = (name: string, date: string): MultipartPart[] => {
  const [jaar, maand, dag] = date.split('-') as [string, string, string];
  return [
    { name: `${name}-dag`, value: dag },
    { name: `${name}-maand`, value: maand },
    { name: `${name}-jaar`, value: jaar },
  ];
};

type RequestData = { insz: string; familienaam: string; voornaam: string; geboortedatum: string; regime: string; startdatum: string; einddatum: string };

function requestParts(data: RequestData, scan: MultipartPart | null = { name: 'scan', fileName: 'attest.pdf', contentType: MEDIA_TYPES.pdf, data: PDF }): MultipartPart[] {
  return [
    { name: 'insz', value: data.insz },
    { name: 'familienaam', value: data.familienaam },
    { name: 'voornaam', value: data.voornaam },
    ...dateParts('geboortedatum', data.geboortedatum),
    { name: 'regime', value: data.regime },
    ...dateParts('startdatum', data.startdatum),
    ...dateParts('einddatum', data.einddatum),
    ...(scan === null ? [] : [scan]),
  ];
}

describeOnEachDatabase('Access by the signed attest outplacement', world, (get) => {
  const sessions = new Map<string, WebSession>();
  async function as(user: TestUser): Promise<WebSession> {
    const known = sessions.get(user.id);
    if (known !== undefined) return known;
    const session = new WebSession(get().app);
    assert.equal((await session.login(user.email, user.password)).statusCode, 303);
    sessions.set(user.id, session);
    return session;
  }

  let serial = 100;
  /** A new client's data, start on the first of this month, end five months later. */
  function newClientData(overrides: Partial<RequestData> = {}): RequestData {
    const today = get().data.today;
    serial += 1;
    const birth = '1988-09-21' as CalendarDate;
    return {
      insz: makeInsz(birth, serial),
      familienaam: `Nieuw${serial}`,
      voornaam: 'Nina',
      geboortedatum: birth,
      regime: 'cao82',
      startdatum: addDays(today, -3),
      einddatum: addMonths(today, 5),
      ...overrides,
    };
  }

  async function requestAccess(session: WebSession, parts: MultipartPart[]) {
    await session.get('/toegang-aanvragen');
    return session.postMultipart('/toegang-aanvragen', parts);
  }

  async function requestOf(insz: string, organisationId: string) {
    return get().db.selectFrom('attest_requests').selectAll().where('insz', '=', insz).where('organisationId', '=', organisationId).orderBy('submittedAt', 'desc').executeTakeFirstOrThrow();
  }

  async function decide(session: WebSession, requestId: string, form: Record<string, string>) {
    const page = await session.get(`/attesten/${requestId}`);
    assert.equal(page.statusCode, 200, page.body);
    const version = /name="versie" value="(\d+)"/.exec(page.body)?.[1] ?? '0';
    const asked = await session.post(`/attesten/${requestId}`, { versie: version, ...form });
    // Issue 15 defect 9: Goedkeuren and Afwijzen are confirmed on a page of their own.
    if (asked.statusCode !== 200 || !asked.body.includes('name="bevestigd"')) return asked;
    return session.post(`/attesten/${requestId}`, { versie: version, ...form, bevestigd: 'ja' });
  }

  it('A2 A3 A1 a request (Ingediend) is approved by the secretariaat: the client is created and access opens from that moment', async () => {
    const { begeleider, secretariaat, partner } = get().data;
    const partnerSession = await as(begeleider);
    const data = newClientData();
    const form = await partnerSession.get('/toegang-aanvragen');
    assert.equal(form.statusCode, 200);
    for (const label of ['INSZ *', 'Familienaam *', 'Voornaam *', 'Geboortedatum *', 'Regime *', 'Startdatum *', 'Einddatum *', 'Algemeen regime', 'CAO 82 (45+)', 'Tewerkstellingscel', 'Attest afdrukken']) {
      assert.ok(form.body.includes(label), label);
    }
    const sent = await partnerSession.postMultipart('/toegang-aanvragen', requestParts(data));
    assert.equal(sent.statusCode, 303, sent.body);
    assert.equal(sent.headers.location, '/aanvragen');
    const mine = await partnerSession.get('/aanvragen');
    assert.match(mine.body, /Je aanvraag is ingediend/);
    assert.match(mine.body, new RegExp(`Nina ${data.familienaam}[\\s\\S]*?Ingediend`));
    const request = await requestOf(data.insz, partner.id);
    assert.equal(request.state, 'ingediend');
    assert.equal(request.clientId, null);
    assert.equal((await get().db.selectFrom('clients').select('id').where('insz', '=', data.insz).execute()).length, 0);

    const staff = await as(secretariaat);
    const queue = await staff.get('/attesten');
    assert.equal(queue.statusCode, 200);
    assert.ok(queue.body.includes(`href="/attesten/${request.id}"`));
    assert.match(queue.body, /0 dagen/);
    const detail = await staff.get(`/attesten/${request.id}`);
    assert.match(detail.body, /Het register kent dit INSZ-nummer nog niet/);
    const scan = await staff.get(`/attesten/${request.id}/scan`);
    assert.equal(scan.statusCode, 200);
    assert.equal(scan.headers['content-type'], 'application/pdf');
    assert.equal(scan.headers['content-disposition'], 'attachment; filename=attest.pdf');
    assert.deepEqual(scan.rawPayload, PDF);

    const approved = await decide(staff, request.id, { actie: 'goedkeuren', origineel: 'ja' });
    assert.equal(approved.statusCode, 303, approved.body);
    const after = await requestOf(data.insz, partner.id);
    assert.equal(after.state, 'goedgekeurd');
    assert.notEqual(after.clientId, null);
    assert.notEqual(after.originalReceivedAt, null);
    const clientId = after.clientId ?? '';
    const attest = await get().db.selectFrom('attests').selectAll().where('clientId', '=', clientId).executeTakeFirstOrThrow();
    assert.equal(attest.approvedOn, get().clock.today());
    assert.equal(attest.endDate, data.einddatum);
    const actions = (await get().db.selectFrom('audit_events').select('action').where('clientId', '=', clientId).execute()).map((r) => r.action);
    for (const action of ['klant.aangemaakt', 'attest.goedgekeurd', 'attest.origineel-ontvangen']) assert.ok(actions.includes(action), action);

    const dossier = await partnerSession.get(`/dossiers/${clientId}`);
    assert.equal(dossier.statusCode, 200);
    assert.match((await partnerSession.get('/klanten')).body, new RegExp(data.familienaam));
    assert.match((await partnerSession.get('/aanvragen')).body, new RegExp(`href="/dossiers/${clientId}"`));
  });

  it('A2 validation in Dutch: INSZ checksum, birth date against the INSZ, end after start, at most 24 months, a scan present and accepted; nothing stored', async () => {
    const { begeleider } = get().data;
    const session = await as(begeleider);
    const before = await get().db.selectFrom('attest_requests').select('id').execute();
    const base = newClientData();
    const wrongCheck = `${base.insz.slice(0, 9)}${String((Number(base.insz.slice(9)) + 1) % 100).padStart(2, '0')}`;
    const cases: [string, MultipartPart[], string][] = [
      ['checksum', requestParts({ ...base, insz: wrongCheck }), 'Dit INSZ-nummer bestaat niet: controleer de cijfers (het controlegetal klopt niet)'],
      ['birth date', requestParts({ ...base, geboortedatum: '1988-09-22' }), 'De geboortedatum past niet bij het INSZ-nummer: controleer beide'],
      ['end before start', requestParts({ ...base, einddatum: base.startdatum }), 'De einddatum moet na de startdatum liggen'],
      ['24 months', requestParts({ ...base, startdatum: '2026-01-01', einddatum: '2028-01-01' }), 'Een attest loopt hoogstens 24 maanden: de einddatum mag niet na 31/12/2027 liggen'],
      ['no scan', requestParts(base, null), 'Kies de scan van het attest dat de klant ondertekende'],
      ['not a scan', requestParts(base, { name: 'scan', fileName: 'attest.pdf', contentType: MEDIA_TYPES.pdf, data: EXE }), 'Het document moet een PDF, JPG of PNG zijn'],
    ];
    for (const [name, parts, message] of cases) {
      const response = await requestAccess(session, parts);
      assert.equal(response.statusCode, 400, name);
      assert.ok(errorMessages(response.body).includes(message), `${name}: ${errorMessages(response.body).join(' | ')}`);
      assert.ok(response.body.includes(`value="${base.familienaam}"`), `${name}: input kept`);
    }
    assert.equal((await get().db.selectFrom('attest_requests').select('id').execute()).length, before.length);
    // A2: an INSZ of a birth from 2000 on (the check with the 2 prefixed) is accepted, as a PNG scan.
    const young = newClientData({ insz: makeInsz('2003-02-01' as CalendarDate, 55), geboortedatum: '2003-02-01' });
    const accepted = await requestAccess(session, requestParts(young, { name: 'scan', fileName: 'scan.png', contentType: MEDIA_TYPES.png, data: PNG }));
    assert.equal(accepted.statusCode, 303, errorMessages(accepted.body).join(' | '));
  });

  it('A2 a request for a client with a running attest of the same organisation is refused with a link to the dossier', async () => {
    const { begeleider, own } = get().data;
    const response = await requestAccess(await as(begeleider), requestParts({ ...newClientData(), insz: own.insz, geboortedatum: own.birthDate }));
    assert.equal(response.statusCode, 400);
    assert.ok(errorMessages(response.body).includes('Je organisatie heeft al toegang tot het dossier van deze klant met een lopend attest.'));
    assert.ok(response.body.includes(`href="/dossiers/${own.id}"`));
  });

  it('A2 a request for a client known to another organisation answers exactly as for an unknown client (no leak)', async () => {
    const { begeleider, elsewhere } = get().data;
    const session = await as(begeleider);
    const known = await requestAccess(session, requestParts({ ...newClientData(), insz: elsewhere.insz, geboortedatum: elsewhere.birthDate, familienaam: 'Anders', voornaam: 'Iemand' }));
    const unknown = await requestAccess(session, requestParts(newClientData()));
    assert.equal(known.statusCode, 303);
    assert.equal(unknown.statusCode, known.statusCode);
    assert.equal(known.headers.location, unknown.headers.location);
    assert.equal(known.body, unknown.body);
    // The audit record of the request is not tied to the existing dossier either.
    const tied = await get().db.selectFrom('audit_events').select('id').where('clientId', '=', elsewhere.id).where('action', '=', 'attest.aangevraagd').execute();
    assert.equal(tied.length, 0);
  });

  it('A3 A1 a rejection needs a reason; access stays closed and the partner sees the reason in Mijn aanvragen', async () => {
    const { vreemde, secretariaat, own, other } = get().data;
    // The other partner asks for a client the registry knows.
    const partnerSession = await as(vreemde);
    const sent = await requestAccess(partnerSession, requestParts({ ...newClientData(), insz: own.insz, geboortedatum: own.birthDate, familienaam: 'Eigen', voornaam: 'Olaf' }));
    assert.equal(sent.statusCode, 303);
    const request = await requestOf(own.insz, other.id);
    const staff = await as(secretariaat);
    const withoutReason = await decide(staff, request.id, { actie: 'afwijzen', reden: '' });
    assert.equal(withoutReason.statusCode, 400);
    assert.ok(errorMessages(withoutReason.body).includes('Vul de reden van de afwijzing in: de partner ziet ze'));
    const rejected = await decide(staff, request.id, { actie: 'afwijzen', reden: 'Handtekening van de klant ontbreekt' });
    assert.equal(rejected.statusCode, 303);
    const mine = await partnerSession.get('/aanvragen');
    assert.match(mine.body, /Afgewezen[\s\S]*?Handtekening van de klant ontbreekt/);
    assert.equal((await partnerSession.get(`/dossiers/${own.id}`)).statusCode, 404);
  });

  it('issue 15 defect 9: A3 an attest is not approved before "Origineel ontvangen" is ticked: a Dutch error at the checkbox, nothing decided', async () => {
    const { begeleider, secretariaat, partner } = get().data;
    const data = newClientData();
    assert.equal((await requestAccess(await as(begeleider), requestParts(data))).statusCode, 303);
    const request = await requestOf(data.insz, partner.id);
    const staff = await as(secretariaat);
    const detail = await staff.get(`/attesten/${request.id}`);
    assert.match(detail.body, /Goedkeuren kan pas als het ondertekende origineel ontvangen is\./, 'the form says so before the click');
    const refused = await staff.post(`/attesten/${request.id}`, { versie: String(request.version), actie: 'goedkeuren' });
    assert.equal(refused.statusCode, 400);
    const message = 'Vink Origineel ontvangen aan: een aanvraag wordt pas goedgekeurd als het ondertekende origineel ontvangen is';
    assert.deepEqual(errorMessages(refused.body), [message]);
    assert.ok(refused.body.includes(`<a href="#origineel">${message}</a>`), 'the summary links to the checkbox');
    // Also when the confirmation is forged: the rule is the service's, not the page's.
    const forged = await staff.post(`/attesten/${request.id}`, { versie: String(request.version), actie: 'goedkeuren', bevestigd: 'ja' });
    assert.equal(forged.statusCode, 400);
    assert.equal((await requestOf(data.insz, partner.id)).state, 'ingediend');
    assert.equal((await get().db.selectFrom('clients').select('id').where('insz', '=', data.insz).execute()).length, 0, 'no client created');
    // Recorded earlier ("Bewaar"), the original counts for a later approval.
    assert.equal((await staff.post(`/attesten/${request.id}`, { versie: String(request.version), origineel: 'ja', actie: 'origineel' })).statusCode, 303);
    const approved = await decide(staff, request.id, { actie: 'goedkeuren' });
    assert.equal(approved.statusCode, 303, errorMessages(approved.body).join(' | '));
    assert.equal((await requestOf(data.insz, partner.id)).state, 'goedgekeurd');
  });

  it('issue 15 defect 9: A3 Goedkeuren and Afwijzen are asked to be confirmed on a page of their own; "Nee" keeps the reason; only "Ja" decides', async () => {
    const { begeleider, secretariaat, partner } = get().data;
    const data = newClientData();
    assert.equal((await requestAccess(await as(begeleider), requestParts(data))).statusCode, 303);
    const request = await requestOf(data.insz, partner.id);
    const staff = await as(secretariaat);
    await staff.get(`/attesten/${request.id}`);
    const name = `${data.voornaam} ${data.familienaam}`;

    const approve = await staff.post(`/attesten/${request.id}`, { versie: String(request.version), actie: 'goedkeuren', origineel: 'ja' });
    assert.equal(approve.statusCode, 200);
    assert.ok(approve.body.includes(`<h1 class="govuk-heading-l">Aanvraag van ${name} goedkeuren?</h1>`));
    assert.match(approve.body, /Ja, keur de aanvraag goed/);
    assert.equal((await requestOf(data.insz, partner.id)).state, 'ingediend', 'nothing is decided before the confirmation');
    assert.equal((await requestOf(data.insz, partner.id)).originalReceivedAt, null, 'not even the original is recorded yet');

    const reject = await staff.post(`/attesten/${request.id}`, { versie: String(request.version), actie: 'afwijzen', reden: 'Scan onleesbaar' });
    assert.equal(reject.statusCode, 200);
    assert.ok(reject.body.includes(`<h1 class="govuk-heading-l">Aanvraag van ${name} afwijzen?</h1>`));
    assert.match(reject.body, /<input type="hidden" name="reden" value="Scan onleesbaar">/);
    const back = await staff.post(`/attesten/${request.id}`, { versie: String(request.version), actie: 'afwijzen', reden: 'Scan onleesbaar', bevestigd: 'nee' });
    assert.equal(back.statusCode, 200);
    assert.match(back.body, />Scan onleesbaar<\/textarea>/, 'back on the detail with the reason kept');
    assert.equal((await requestOf(data.insz, partner.id)).state, 'ingediend');

    assert.equal((await staff.post(`/attesten/${request.id}`, { versie: String(request.version), actie: 'afwijzen', reden: 'Scan onleesbaar', bevestigd: 'ja' }, { csrf: null })).statusCode, 403);
    const rejected = await staff.post(`/attesten/${request.id}`, { versie: String(request.version), actie: 'afwijzen', reden: 'Scan onleesbaar', bevestigd: 'ja' });
    assert.equal(rejected.statusCode, 303);
    const queue = await staff.get(rejected.headers.location as string);
    assert.ok(queue.body.includes(`De aanvraag voor ${name} is afgewezen.`));
    assert.equal((await requestOf(data.insz, partner.id)).state, 'afgewezen');
  });

  it('A3 concurrent approval: one succeeds, the other gets a clear message, one attest is created', async () => {
    const { begeleider, secretariaat, secretariaat2, partner } = get().data;
    const data = newClientData();
    assert.equal((await requestAccess(await as(begeleider), requestParts(data))).statusCode, 303);
    const request = await requestOf(data.insz, partner.id);
    const first = await as(secretariaat);
    const second = await as(secretariaat2);
    await first.get(`/attesten/${request.id}`);
    await second.get(`/attesten/${request.id}`);
    const form = { versie: String(request.version), actie: 'goedkeuren', origineel: 'ja', bevestigd: 'ja' };
    const answers = await Promise.all([first.post(`/attesten/${request.id}`, form), second.post(`/attesten/${request.id}`, form)]);
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(statuses, [303, 409]);
    const refused = answers.find((a) => a.statusCode === 409);
    assert.match(refused?.body ?? '', /Deze aanvraag werd intussen al behandeld \(Goedgekeurd\)/);
    const client = await get().db.selectFrom('clients').select('id').where('insz', '=', data.insz).executeTakeFirstOrThrow();
    assert.equal((await get().db.selectFrom('attests').select('id').where('clientId', '=', client.id).execute()).length, 1);
    assert.equal((await get().db.selectFrom('audit_events').select('id').where('clientId', '=', client.id).where('action', '=', 'attest.goedgekeurd').execute()).length, 1);
  });

  it('A4 an extension moves the attest end, the access period, the line end date and the automatic completion together; the line stays Bezig', async () => {
    const t = get();
    const { today, partner, begeleider, adviseur } = t.data;
    const client = await aClient(t.db);
    const attestId = await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
    const oldEnd = addMonths(today, 5);
    const stepId = await anOutplacementStep(t.db, { clientId: client.id, organisation: partner, createdBy: begeleider }, { startDate: addMonths(today, -1), endDate: oldEnd });
    await t.db.updateTable('steps').set({ attestId: attestId }).where('id', '=', stepId).execute();

    const partnerSession = await as(begeleider);
    const portrait = await partnerSession.get(`/dossiers/${client.id}`);
    assert.ok(portrait.body.includes(`href="/dossiers/${client.id}/verlenging">Verlenging aanvragen</a>`));
    await partnerSession.get(`/dossiers/${client.id}/verlenging`);
    const tooEarly = await partnerSession.postMultipart(`/dossiers/${client.id}/verlenging`, [...dateParts('einddatum', oldEnd), { name: 'scan', fileName: 'verlenging.pdf', contentType: MEDIA_TYPES.pdf, data: PDF }]);
    assert.equal(tooEarly.statusCode, 400);
    assert.ok(errorMessages(tooEarly.body).includes(`De nieuwe einddatum moet na de huidige einddatum (${formatDate(oldEnd)}) liggen`));
    const newEnd = addMonths(today, 8);
    const sent = await partnerSession.postMultipart(`/dossiers/${client.id}/verlenging`, [...dateParts('einddatum', newEnd), { name: 'scan', fileName: 'verlenging.pdf', contentType: MEDIA_TYPES.pdf, data: PDF }]);
    assert.equal(sent.statusCode, 303, errorMessages(sent.body).join(' | '));
    const request = await requestOf(client.insz, partner.id);
    assert.equal(request.kind, 'verlenging');

    const staff = await as(adviseur);
    assert.ok((await staff.get('/attesten')).body.includes(`href="/attesten/${request.id}"`));
    const approved = await decide(staff, request.id, { actie: 'goedkeuren', origineel: 'ja' });
    assert.equal(approved.statusCode, 303, approved.body);

    const attest = await t.db.selectFrom('attests').selectAll().where('id', '=', attestId).executeTakeFirstOrThrow();
    assert.equal(attest.endDate, newEnd);
    const step = await t.db.selectFrom('steps').selectAll().where('id', '=', stepId).executeTakeFirstOrThrow();
    assert.equal(step.endDate, newEnd);
    assert.equal(step.state, 'bezig');
    const detail = await partnerSession.get(`/dossiers/${client.id}/stappen/${stepId}`);
    assert.equal(detail.statusCode, 200);
    assert.ok(detail.body.includes(`Wordt automatisch Uitgevoerd op ${formatDate(automaticCompletionDate(newEnd))}`));
    const extended = await t.db.selectFrom('audit_events').selectAll().where('clientId', '=', client.id).where('action', '=', 'attest.verlengd').executeTakeFirstOrThrow();
    assert.equal(extended.details['oldEndDate'], formatDate(oldEnd));
    assert.equal(extended.details['newEndDate'], formatDate(newEnd));
    assert.equal(extended.details['newAccessUntil'], formatDate(accessPeriodEnd(newEnd)));
    assert.equal(extended.details['newCompletionDate'], formatDate(automaticCompletionDate(newEnd)));
    const lineChange = await t.db.selectFrom('audit_events').selectAll().where('clientId', '=', client.id).where('action', '=', 'stap.gewijzigd').executeTakeFirstOrThrow();
    assert.deepEqual([lineChange.details['field'], lineChange.details['old'], lineChange.details['new']], ['einddatum', formatDate(oldEnd), formatDate(newEnd)]);
  });

  it('A4 an extension is refused once the line has an end state: at the request and at the approval, with nothing moved', async () => {
    const t = get();
    const { today, partner, begeleider2, secretariaat } = t.data;
    const client = await aClient(t.db);
    const attestId = await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
    const oldEnd = addMonths(today, 5);
    const stepId = await anOutplacementStep(t.db, { clientId: client.id, organisation: partner, createdBy: begeleider2 }, { startDate: addMonths(today, -1), endDate: oldEnd });
    await t.db.updateTable('steps').set({ attestId: attestId }).where('id', '=', stepId).execute();
    const session = await as(begeleider2);
    await session.get(`/dossiers/${client.id}/verlenging`);
    const newEnd = addMonths(today, 8);
    assert.equal((await session.postMultipart(`/dossiers/${client.id}/verlenging`, [...dateParts('einddatum', newEnd), { name: 'scan', fileName: 'v.pdf', contentType: MEDIA_TYPES.pdf, data: PDF }])).statusCode, 303);
    // Meanwhile the adviseur stops the line.
    await t.db.updateTable('steps').set({ state: 'stopgezet', endedOn: today }).where('id', '=', stepId).execute();
    const request = await requestOf(client.insz, partner.id);
    const refused = await decide(await as(secretariaat), request.id, { actie: 'goedkeuren', origineel: 'ja' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /De lijn Outplacement staat op Stopgezet: een verlenging kan niet meer/);
    assert.equal((await t.db.selectFrom('attests').select('endDate').where('id', '=', attestId).executeTakeFirstOrThrow()).endDate, oldEnd);
    assert.equal((await requestOf(client.insz, partner.id)).state, 'ingediend');
    // A new request on the ended line is refused at once.
    await decide(await as(secretariaat), request.id, { actie: 'afwijzen', reden: 'Lijn stopgezet' });
    const form = await session.get(`/dossiers/${client.id}/verlenging`);
    assert.match(form.body, /De lijn Outplacement staat op Stopgezet: een verlenging kan niet meer/);
    const again = await session.postMultipart(`/dossiers/${client.id}/verlenging`, [...dateParts('einddatum', newEnd), { name: 'scan', fileName: 'v.pdf', contentType: MEDIA_TYPES.pdf, data: PDF }]);
    assert.equal(again.statusCode, 400);
  });

  it('A1 access ends by date alone (injected clock): open until end + 1 month + 14 days, 404 and gone from Mijn klanten the day after', async () => {
    const t = get();
    const { begeleider2, secretariaat, partner } = t.data;
    const data = newClientData();
    assert.equal((await requestAccess(await as(begeleider2), requestParts(data))).statusCode, 303);
    const request = await requestOf(data.insz, partner.id);
    assert.equal((await decide(await as(secretariaat), request.id, { actie: 'goedkeuren', origineel: 'ja' })).statusCode, 303);
    const clientId = (await requestOf(data.insz, partner.id)).clientId ?? '';
    const lastDay = accessPeriodEnd(data.einddatum as CalendarDate);
    const saved = t.clock.now();
    // Sessions time out when the clock jumps: a fresh login on each day, outside the suite's sessions.
    const freshSession = async () => {
      const session = new WebSession(t.app);
      assert.equal((await session.login(begeleider2.email, begeleider2.password)).statusCode, 303);
      return session;
    };
    try {
      t.clock.set(new Date(`${lastDay}T12:00:00Z`));
      const onLastDay = await freshSession();
      assert.equal((await onLastDay.get(`/dossiers/${clientId}`)).statusCode, 200);
      assert.match((await onLastDay.get('/klanten')).body, new RegExp(data.familienaam));
      t.clock.set(new Date(`${addDays(lastDay, 1)}T12:00:00Z`));
      const dayAfter = await freshSession();
      assert.equal((await dayAfter.get(`/dossiers/${clientId}`)).statusCode, 404);
      assert.doesNotMatch((await dayAfter.get('/klanten')).body, new RegExp(data.familienaam));
    } finally {
      t.clock.set(saved);
      sessions.delete(begeleider2.id);
    }
  });

  it('A6 "Wie bekeek dit dossier": every opening and download by whom, which organisation, when; paged; CSV export; service staff only', async () => {
    const { own, begeleider, secretariaat } = get().data;
    await (await as(begeleider)).get(`/dossiers/${own.id}`);
    const staff = await as(secretariaat);
    const portrait = await staff.get(`/dossiers/${own.id}`);
    assert.ok(portrait.body.includes(`href="/dossiers/${own.id}/wie-bekeek">Wie bekeek dit dossier</a>`));
    const page = await staff.get(`/dossiers/${own.id}/wie-bekeek`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Geopend: Klantenportret/);
    assert.match(page.body, /Koers/);
    const csv = await staff.get(`/dossiers/${own.id}/wie-bekeek.csv`);
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(csv.headers['content-disposition']), /^attachment; filename=wie-bekeek-[0-9a-f-]+\.csv$/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], '"Datum en tijd";"Wie";"Organisatie";"Wat"');
    assert.ok(lines.some((l) => l.includes('"Koers";"Geopend: Klantenportret"')));
    assert.equal((await (await as(begeleider)).get(`/dossiers/${own.id}/wie-bekeek`)).statusCode, 403);
  });

  it('A2 "Attest afdrukken" returns a filled-in PDF, without a scan (issue 15 defect 7: checked in the same tab, then opened)', async () => {
    const { begeleider } = get().data;
    const session = await as(begeleider);
    await session.get('/toegang-aanvragen');
    const data = newClientData();
    const ready = await session.postMultipart('/toegang-aanvragen/afdrukken', requestParts(data, null));
    assert.equal(ready.statusCode, 200);
    assert.match(ready.body, /Het attest is klaar om af te drukken/);
    const [gj, gm, gd] = data.geboortedatum.split('-');
    const [sj, sm, sd] = data.startdatum.split('-');
    const [ej, em, ed] = data.einddatum.split('-');
    const pdf = await session.post('/toegang-aanvragen/afdrukken/pdf', {
      insz: data.insz, familienaam: data.familienaam, voornaam: data.voornaam, regime: data.regime,
      'geboortedatum-dag': gd ?? '', 'geboortedatum-maand': gm ?? '', 'geboortedatum-jaar': gj ?? '',
      'startdatum-dag': sd ?? '', 'startdatum-maand': sm ?? '', 'startdatum-jaar': sj ?? '',
      'einddatum-dag': ed ?? '', 'einddatum-maand': em ?? '', 'einddatum-jaar': ej ?? '',
    });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  });
});
