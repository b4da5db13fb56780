/**
 * The Stappen naar werk pages over HTTP, as a consultant and an adviseur use them: the form of
 * O2 without JavaScript, the Dutch validation of O3 with the input kept, O4, O5, O6, O8, O12.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addDays, addMonths, formatDate, type CalendarDate } from '../../src/domain/calendar-date.ts';
import * as organisations from '../../src/db/repositories/organisations.ts';
import * as stepTypes from '../../src/db/repositories/step-types.ts';
import { aClient, anAttest, anOrganisation, aUser, type TestUser } from '../support/factories.ts';
import { TEST_NOW } from '../support/clock.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { loggedInOnce, type WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const today = t.clock.today();
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  const other = await anOrganisation(t.db, { name: 'Andere partner' });
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  await stepTypes.allow(t.db, partner.id, ['outplacement', 'jobcoaching']);
  await stepTypes.allow(t.db, other.id, ['outplacement']);
  await organisations.insertFundingNumber(t.db, partner.id, 'KO-1', 'Eigen project', TEST_NOW);
  await organisations.insertFundingNumber(t.db, other.id, 'AP-1', 'Project van een ander', TEST_NOW);
  const funding = await t.db.selectFrom('funding_numbers').select(['id', 'code']).execute();
  const begeleider = await aUser(t.db, 'begeleider', partner);
  const collega = await aUser(t.db, 'begeleider', partner);
  const vreemde = await aUser(t.db, 'begeleider', other);
  const adviseur = await aUser(t.db, 'interventieadviseur', dienst);
  const clients = [];
  for (let i = 0; i < 6; i++) {
    const client = await aClient(t.db);
    await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
    clients.push(client);
  }
  return {
    today,
    partner,
    other,
    begeleider,
    collega,
    vreemde,
    adviseur,
    clients,
    ownFunding: funding.find((f) => f.code === 'KO-1')?.id ?? '',
    foreignFunding: funding.find((f) => f.code === 'AP-1')?.id ?? '',
  };
}

/** One login per user for the suite: the login's rate limit counts per address (issue 18). */
function loggedIn(t: TestApp, user: TestUser): Promise<WebSession> {
  return loggedInOnce(t.app, user);
}

function dateFields(date: string): Record<string, string> {
  const [jaar = '', maand = '', dag = ''] = date.split('-');
  return { 'datum-dag': dag, 'datum-maand': maand, 'datum-jaar': jaar };
}

function errorMessages(body: string): string[] {
  return [...body.matchAll(/<p id="[^"]*-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Fout:<\/span>([^<]*)<\/p>/g)].map((m) => (m[1] ?? '').trim());
}

const newStepUrl = (clientId: string): string => `/dossiers/${clientId}/stappen/nieuw?stap=outplacement`;

describeOnEachDatabase('Stappen naar werk pages', world, (get) => {
  const stepCount = async (clientId: string): Promise<number> =>
    (await get().db.selectFrom('steps').select('id').where('clientId', '=', clientId).execute()).length;

  const register = async (session: WebSession, clientId: string, fields: Record<string, string>) => {
    await session.get(newStepUrl(clientId));
    const { partner } = get().data;
    return session.post(newStepUrl(clientId), {
      actie: 'bevestigen',
      toestand: 'bezig',
      aanvrager: partner.officeId,
      uitvoerder: partner.officeId,
      financieringsnummer: '',
      samenvatting: '',
      ...fields,
    });
  };

  it('O1 "Voeg een stap toe" offers the types the organisation may register, and opens "Stap: Outplacement"', async () => {
    const { clients, begeleider } = get().data;
    const session = await loggedIn(get(), begeleider);
    const overview = await session.get(`/dossiers/${clients[0]?.id}/begeleiding/stappen-naar-werk`);
    assert.equal(overview.statusCode, 200);
    assert.match(overview.body, /Voeg een stap toe/);
    assert.match(overview.body, /<option value="outplacement">Outplacement<\/option>/);
    assert.match(overview.body, /<option value="jobcoaching">Jobcoaching<\/option>/);
    assert.doesNotMatch(overview.body, /<option value="opleiding">/);
    const form = await session.get(newStepUrl(clients[0]?.id ?? ''));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1 class="govuk-heading-l">Stap: Outplacement<\/h1>/);
  });

  it('O2 the form has the fields of the manual, says what is required, and fills in the own office', async () => {
    const { clients, begeleider, partner } = get().data;
    const session = await loggedIn(get(), begeleider);
    const form = await session.get(newStepUrl(clients[0]?.id ?? ''));
    for (const words of ['Toestand *', 'Datum *', 'Voorbeeld: 21/02/2019', 'huidige datum', 'Financieringsnummer', 'Aanvrager *', 'Uitvoerder *', 'Samenvatting', 'Denk aan de privacy van de burger!', 'Bevestigen', 'Terug zonder bevestigen', 'Alle velden met een sterretje (*) zijn verplicht']) {
      assert.ok(form.body.includes(words), `the form shows "${words}"`);
    }
    assert.ok(form.body.includes(`KANTOOR`) && form.body.includes(`(${partner.officeCode})`), 'the own office is filled in');
    assert.match(form.body, /<label class="govuk-label govuk-label--s" for="samenvatting">/);
  });

  it('O2 "huidige datum" without JavaScript re-shows the form with today filled in and the rest kept', async () => {
    const { clients, begeleider, today } = get().data;
    const session = await loggedIn(get(), begeleider);
    const response = await register(session, clients[0]?.id ?? '', { actie: 'huidige-datum', samenvatting: 'Intake gepland' });
    assert.equal(response.statusCode, 200);
    const [jaar, maand, dag] = today.split('-');
    assert.match(response.body, new RegExp(`name="datum-dag" type="text" value="${dag}"`));
    assert.match(response.body, new RegExp(`name="datum-maand" type="text" value="${maand}"`));
    assert.match(response.body, new RegExp(`name="datum-jaar" type="text" value="${jaar}"`));
    assert.match(response.body, />Intake gepland<\/textarea>/);
    assert.equal(await stepCount(clients[0]?.id ?? ''), 0);
  });

  it('O2 another office is found by name or code without JavaScript and offered as a choice', async () => {
    const { clients, begeleider, other } = get().data;
    const session = await loggedIn(get(), begeleider);
    const response = await register(session, clients[0]?.id ?? '', { actie: 'zoek-uitvoerder', 'uitvoerder-zoek': other.officeCode });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, new RegExp(`type="radio" value="${other.officeId}"`));
  });

  it('O3 an impossible date keeps the input, shows the summary and the field message, and stores nothing', async () => {
    const { clients, begeleider } = get().data;
    const session = await loggedIn(get(), begeleider);
    const response = await register(session, clients[0]?.id ?? '', { 'datum-dag': '31', 'datum-maand': '02', 'datum-jaar': '2019', samenvatting: 'Mijn tekst' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /govuk-error-summary/);
    assert.match(response.body, /href="#datum-dag">Vul een bestaande datum in, zoals 21\/02\/2019</);
    assert.deepEqual(errorMessages(response.body), ['Vul een bestaande datum in, zoals 21/02/2019']);
    assert.match(response.body, /name="datum-dag" type="text" value="31"/);
    assert.match(response.body, />Mijn tekst<\/textarea>/);
    assert.match(response.body, /<title>Fout: Stap: Outplacement/);
    assert.equal(await stepCount(clients[0]?.id ?? ''), 0);
  });

  it('O3 each rule of the service has its Dutch message and nothing is stored', async () => {
    const { clients, begeleider, today, foreignFunding } = get().data;
    const clientId = clients[0]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    const cases: [Record<string, string>, string][] = [
      [dateFields(addDays(today, 1)), 'De datum mag niet na vandaag liggen'],
      [dateFields(addMonths(today, -2)), 'De datum moet binnen de periode van het attest liggen'],
      [{ ...dateFields(today), financieringsnummer: foreignFunding }, 'Kies een financieringsnummer van je eigen organisatie'],
      [{ ...dateFields(today), uitvoerder: '00000000-0000-4000-8000-000000000000' }, 'Deze vestiging bestaat niet: zoek de uitvoerder opnieuw'],
      [{ ...dateFields(today), samenvatting: 'x'.repeat(4001) }, 'De samenvatting mag hoogstens 4000 tekens bevatten'],
      [{ ...dateFields(today), aanvrager: '' }, 'Kies de aanvrager'],
    ];
    for (const [fields, message] of cases) {
      const response = await register(session, clientId, fields);
      assert.equal(response.statusCode, 400, message);
      assert.ok(errorMessages(response.body).some((m) => m.startsWith(message)), `expected "${message}", got ${JSON.stringify(errorMessages(response.body))}`);
    }
    assert.equal(await stepCount(clientId), 0);
  });

  it('O5 "Bevestigen" adds the line to the overview: Datum, Stap, Toestand, with a confirmation', async () => {
    const { clients, begeleider, today, ownFunding } = get().data;
    const clientId = clients[1]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    const response = await register(session, clientId, { ...dateFields(today), financieringsnummer: ownFunding, samenvatting: 'Einde voorzien in juni' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/dossiers/${clientId}/begeleiding/stappen-naar-werk`);
    const overview = await session.get(`/dossiers/${clientId}/begeleiding/stappen-naar-werk`);
    assert.match(overview.body, /De stap Outplacement is toegevoegd/);
    assert.match(overview.body, new RegExp(`${formatDate(today).replace(/\//g, '\\/')}<\\/td>\\s*<td class="govuk-table__cell"><a class="govuk-link" href="[^"]+">Outplacement<\\/a>`));
    assert.match(overview.body, /govuk-tag--blue">\s*Bezig/);
  });

  it('O4 a second Bezig Outplacement is refused with a link to the existing line', async () => {
    const { clients, begeleider, today } = get().data;
    const clientId = clients[1]?.id ?? '';
    const existing = await get().db.selectFrom('steps').select('id').where('clientId', '=', clientId).executeTakeFirstOrThrow();
    const session = await loggedIn(get(), begeleider);
    const response = await register(session, clientId, dateFields(today));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, new RegExp(`href="/dossiers/${clientId}/stappen/${existing.id}">Deze klant heeft al een lijn Outplacement`));
    assert.equal(await stepCount(clientId), 1);
  });

  it('O6 O9 the line shows its automatic completion and the partner changes the Samenvatting', async () => {
    const { clients, begeleider } = get().data;
    const clientId = clients[1]?.id ?? '';
    const step = await get().db.selectFrom('steps').selectAll().where('clientId', '=', clientId).executeTakeFirstOrThrow();
    const session = await loggedIn(get(), begeleider);
    const detail = await session.get(`/dossiers/${clientId}/stappen/${step.id}`);
    assert.equal(detail.statusCode, 200);
    assert.ok(step.endDate !== null);
    assert.ok(detail.body.includes(`Wordt automatisch Uitgevoerd op ${formatDate(addMonths(step.endDate as never, 1))}`));
    assert.match(detail.body, /<option value="geannuleerd">Geannuleerd<\/option>/);
    assert.doesNotMatch(detail.body, /<option value="stopgezet">/);
    const [jaar = '', maand = '', dag = ''] = step.date.split('-');
    const response = await session.post(`/dossiers/${clientId}/stappen/${step.id}`, {
      actie: 'bevestigen',
      versie: String(step.version),
      toestand: 'bezig',
      'datum-dag': dag,
      'datum-maand': maand,
      'datum-jaar': jaar,
      financieringsnummer: step.fundingNumberId ?? '',
      uitvoerder: step.executorOfficeId,
      samenvatting: 'Nieuwe samenvatting',
    });
    assert.equal(response.statusCode, 303);
    const audit = await get().db.selectFrom('audit_events').selectAll().where('clientId', '=', clientId).where('action', '=', 'stap.gewijzigd').execute();
    assert.deepEqual(
      audit.map((a) => [a.details['field'], a.details['old'], a.details['new']]),
      [['samenvatting', 'Einde voorzien in juni', 'Nieuwe samenvatting']],
    );
  });

  it('O12 a change on a version someone else changed meanwhile is refused and the input kept', async () => {
    const { clients, begeleider, collega } = get().data;
    const clientId = clients[1]?.id ?? '';
    const step = await get().db.selectFrom('steps').selectAll().where('clientId', '=', clientId).executeTakeFirstOrThrow();
    const [jaar = '', maand = '', dag = ''] = step.date.split('-');
    const fields = (summary: string) => ({
      actie: 'bevestigen',
      versie: String(step.version),
      toestand: 'bezig',
      'datum-dag': dag,
      'datum-maand': maand,
      'datum-jaar': jaar,
      financieringsnummer: '',
      uitvoerder: step.executorOfficeId,
      samenvatting: summary,
    });
    const first = await loggedIn(get(), collega);
    const second = await loggedIn(get(), begeleider);
    await first.get(`/dossiers/${clientId}/stappen/${step.id}`);
    await second.get(`/dossiers/${clientId}/stappen/${step.id}`);
    assert.equal((await first.post(`/dossiers/${clientId}/stappen/${step.id}`, fields('Eerste'))).statusCode, 303);
    const refused = await second.post(`/dossiers/${clientId}/stappen/${step.id}`, fields('Tweede'));
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Deze stap werd intussen gewijzigd door Test begeleider/);
    assert.match(refused.body, />Tweede<\/textarea>/);
    const stored = await get().db.selectFrom('steps').select('summary').where('id', '=', step.id).executeTakeFirstOrThrow();
    assert.equal(stored.summary, 'Eerste');
  });

  it('O8 the partner cannot stop a line; its request reaches the adviseur, who stops it', async () => {
    const { clients, begeleider, adviseur, today } = get().data;
    const clientId = clients[1]?.id ?? '';
    const step = await get().db.selectFrom('steps').selectAll().where('clientId', '=', clientId).executeTakeFirstOrThrow();
    const partnerSession = await loggedIn(get(), begeleider);
    await partnerSession.get(`/dossiers/${clientId}/stappen/${step.id}`);
    const forbidden = await partnerSession.post(`/dossiers/${clientId}/stappen/${step.id}/stopzetten`, { versie: String(step.version), ...prefixed(today, 'stop-datum') });
    assert.equal(forbidden.statusCode, 403);
    await partnerSession.get(`/dossiers/${clientId}/stappen/${step.id}/stopzetting`);
    const requested = await partnerSession.post(`/dossiers/${clientId}/stappen/${step.id}/stopzetting`, { reden: 'Klant verhuist naar het buitenland', ...prefixed(today, 'voorgestelde-datum') });
    assert.equal(requested.statusCode, 303);

    const adviseurSession = await loggedIn(get(), adviseur);
    const workList = await adviseurSession.get('/verzoeken');
    assert.equal(workList.statusCode, 200);
    assert.match(workList.body, /Klant verhuist naar het buitenland/);
    const line = await adviseurSession.get(`/dossiers/${clientId}/stappen/${step.id}`);
    assert.match(line.body, /Stopzetten/);
    const current = await get().db.selectFrom('steps').select('version').where('id', '=', step.id).executeTakeFirstOrThrow();
    const stopFields = { versie: String(current.version), ...prefixed(today, 'stop-datum') };
    // Issue 15 defect 9: the stop is confirmed on a page of its own first.
    const asked = await adviseurSession.post(`/dossiers/${clientId}/stappen/${step.id}/stopzetten`, stopFields);
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /<h1 class="govuk-heading-l">Lijn Outplacement stopzetten\?<\/h1>/);
    assert.equal((await get().db.selectFrom('steps').select('state').where('id', '=', step.id).executeTakeFirstOrThrow()).state, 'bezig', 'nothing happens before the confirmation');
    const stopped = await adviseurSession.post(`/dossiers/${clientId}/stappen/${step.id}/stopzetten`, { ...stopFields, bevestigd: 'ja' });
    assert.equal(stopped.statusCode, 303);
    const outcome = await partnerSession.get(`/dossiers/${clientId}/stappen/${step.id}`);
    assert.match(outcome.body, /Aanvaard: de lijn is stopgezet/);
    assert.match(outcome.body, /Samenvatting aanvullen/);
    assert.equal((await adviseurSession.get('/verzoeken')).body.includes('Klant verhuist naar het buitenland'), false);
  });

  /** A Bezig Outplacement line of its own client, registered through the form; as stored. */
  const aRegisteredLine = async (clientIndex: number) => {
    const { clients, begeleider, today } = get().data;
    const clientId = clients[clientIndex]?.id ?? '';
    const session = await loggedIn(get(), begeleider);
    assert.equal((await register(session, clientId, { ...dateFields(today), samenvatting: 'Intake gedaan' })).statusCode, 303);
    const step = await get().db.selectFrom('steps').selectAll().where('clientId', '=', clientId).executeTakeFirstOrThrow();
    return { clientId, step, session, linePath: `/dossiers/${clientId}/stappen/${step.id}` };
  };

  it('issue 15 defect 5: a future date the partner proposes is confirmed by the adviseur as a planned stop; the line stays Bezig and shows it', async () => {
    const { adviseur, today } = get().data;
    const { clientId, step, session: partnerSession, linePath } = await aRegisteredLine(3);
    const proposed = addDays(today, 16);
    await partnerSession.get(`${linePath}/stopzetting`);
    const requested = await partnerSession.post(`${linePath}/stopzetting`, { reden: 'Start als zelfstandige', ...prefixed(proposed, 'voorgestelde-datum') });
    assert.equal(requested.statusCode, 303);

    const adviseurSession = await loggedIn(get(), adviseur);
    const line = await adviseurSession.get(linePath);
    const [jaar = '', maand = '', dag = ''] = proposed.split('-');
    assert.match(line.body, new RegExp(`name="stop-datum-dag" type="text" value="${dag}"`), "the adviseur's form is filled with the proposed date");
    const current = await get().db.selectFrom('steps').select('version').where('id', '=', step.id).executeTakeFirstOrThrow();
    const fields = { versie: String(current.version), 'stop-datum-dag': dag, 'stop-datum-maand': maand, 'stop-datum-jaar': jaar };
    const asked = await adviseurSession.post(`${linePath}/stopzetten`, fields);
    assert.equal(asked.statusCode, 200, errorMessages(asked.body).join(' | '));
    assert.deepEqual(errorMessages(asked.body), [], 'the proposed date is not refused');
    assert.ok(asked.body.includes(`De lijn blijft Bezig tot ${formatDate(proposed)} en komt op die dag automatisch op Stopgezet.`));
    assert.match(asked.body, /Ja, plan de stopzetting/);
    const planned = await adviseurSession.post(`${linePath}/stopzetten`, { ...fields, bevestigd: 'ja' });
    assert.equal(planned.statusCode, 303);
    const banner = await adviseurSession.get(linePath);
    assert.ok(banner.body.includes(`De stopzetting van de lijn Outplacement is gepland op ${formatDate(proposed)}; tot dan blijft ze Bezig.`));

    const stored = await get().db.selectFrom('steps').select(['state', 'plannedStopDate']).where('id', '=', step.id).executeTakeFirstOrThrow();
    assert.deepEqual([stored.state, stored.plannedStopDate], ['bezig', proposed]);
    const seen = await partnerSession.get(linePath);
    assert.ok(seen.body.includes(`Stopzetting gepland op ${formatDate(proposed)}`), 'the line shows the planned stop');
    assert.doesNotMatch(seen.body, /Wordt automatisch Uitgevoerd op/);
    assert.ok(seen.body.includes(`Aanvaard: de stopzetting is gepland op ${formatDate(proposed)}`));
    assert.doesNotMatch(seen.body, />Verzoek tot stopzetting</, 'no second request while a stop is planned');
    const overview = await partnerSession.get(`/dossiers/${clientId}/begeleiding/stappen-naar-werk`);
    assert.ok(overview.body.includes(`Stopzetting gepland op ${formatDate(proposed)}`), 'the overview shows it too');
  });

  it('issue 15 defect 5: a stop date after the line\'s end date is refused on the adviseur\'s form with the period, input kept', async () => {
    const { adviseur } = get().data;
    const { step, linePath } = await aRegisteredLine(4);
    const end = step.endDate as CalendarDate;
    const adviseurSession = await loggedIn(get(), adviseur);
    await adviseurSession.get(linePath);
    const refused = await adviseurSession.post(`${linePath}/stopzetten`, { versie: String(step.version), ...prefixed(addDays(end, 1), 'stop-datum') });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(errorMessages(refused.body), [`De datum van stopzetting moet binnen de periode van de lijn liggen (${formatDate(step.startDate as CalendarDate)} tot en met ${formatDate(end)})`]);
    assert.equal((await get().db.selectFrom('steps').select('state').where('id', '=', step.id).executeTakeFirstOrThrow()).state, 'bezig');
  });

  it('issue 15 defect 9: Geannuleerd is asked to be confirmed; nothing changes before "Ja", "Nee" keeps the input, and the banner says what happened with a link to the cancelled lines', async () => {
    const { today } = get().data;
    const { clientId, step, session, linePath } = await aRegisteredLine(5);
    await session.get(linePath);
    const fields = {
      actie: 'bevestigen',
      versie: String(step.version),
      toestand: 'geannuleerd',
      ...dateFields(today),
      financieringsnummer: '',
      uitvoerder: step.executorOfficeId,
      samenvatting: 'Klant vond werk voor de intake',
    };
    const asked = await session.post(linePath, fields);
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /<h1 class="govuk-heading-l">Lijn Outplacement annuleren\?<\/h1>/);
    assert.match(asked.body, /Annuleren is definitief/);
    assert.match(asked.body, /<input type="hidden" name="samenvatting" value="Klant vond werk voor de intake">/);
    assert.equal((await get().db.selectFrom('steps').select('state').where('id', '=', step.id).executeTakeFirstOrThrow()).state, 'bezig', 'nothing happens before the confirmation');

    const back = await session.post(linePath, { ...fields, bevestigd: 'nee' });
    assert.equal(back.statusCode, 200);
    assert.match(back.body, /<option value="geannuleerd" selected>Geannuleerd<\/option>/, 'back on the form with the choice kept');
    assert.match(back.body, />Klant vond werk voor de intake<\/textarea>/);
    assert.equal((await get().db.selectFrom('steps').select('state').where('id', '=', step.id).executeTakeFirstOrThrow()).state, 'bezig');

    assert.equal((await session.post(linePath, { ...fields, bevestigd: 'ja' }, { csrf: null })).statusCode, 403, 'CSRF stays on for the confirmation');
    const done = await session.post(linePath, { ...fields, bevestigd: 'ja' });
    assert.equal(done.statusCode, 303);
    const overview = await session.get(done.headers.location as string);
    assert.match(overview.body, /De lijn Outplacement is geannuleerd; ze staat niet meer in het overzicht\. <a class="govuk-notification-banner__link" href="([^"]+)">Toon geannuleerde lijnen<\/a>/);
    const href = (/href="([^"]+)">Toon geannuleerde lijnen/.exec(overview.body)?.[1] ?? '').replace(/&amp;/g, '&');
    const cancelled = await session.get(href);
    assert.equal(cancelled.statusCode, 200);
    assert.ok(cancelled.body.includes(`href="${linePath}">Outplacement</a>`), 'the link shows the cancelled line');
    assert.equal((await get().db.selectFrom('steps').select('state').where('id', '=', step.id).executeTakeFirstOrThrow()).state, 'geannuleerd');
    assert.equal(clientId.length > 0, true);
  });

  it('A1 a line of another organisation\'s client is a 404, like an unknown line; CSRF stays on', async () => {
    const { clients, vreemde, begeleider } = get().data;
    const clientId = clients[1]?.id ?? '';
    const step = await get().db.selectFrom('steps').select('id').where('clientId', '=', clientId).executeTakeFirstOrThrow();
    const stranger = await loggedIn(get(), vreemde);
    assert.equal((await stranger.get(`/dossiers/${clientId}/stappen/${step.id}`)).statusCode, 404);
    assert.equal((await stranger.get(`/dossiers/${clientId}/begeleiding/stappen-naar-werk`)).statusCode, 404);
    const own = await loggedIn(get(), begeleider);
    assert.equal((await own.get(`/dossiers/${clientId}/stappen/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
    const noToken = await own.post(newStepUrl(clientId), { actie: 'bevestigen' }, { csrf: null });
    assert.equal(noToken.statusCode, 403);
  });
});

function prefixed(date: string, prefix: string): Record<string, string> {
  const [jaar = '', maand = '', dag = ''] = date.split('-');
  return { [`${prefix}-dag`]: dag, [`${prefix}-maand`]: maand, [`${prefix}-jaar`]: jaar };
}
