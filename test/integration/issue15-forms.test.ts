/**
 * Issue 15 over HTTP, the server's side of defects 1, 6, 7 and 8: Enter in a search box is a
 * search (the form's hidden first button), every form names all its problems in one answer
 * (multipart forms included), "Attest afdrukken" answers in the same tab, and "Voeg een stap
 * toe" says that an Outplacement line is already Bezig before the form, not after it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addDays, addMonths, formatDate, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import * as stepTypes from '../../src/db/repositories/step-types.ts';
import { EXE, MEDIA_TYPES, type MultipartPart } from '../support/documents.ts';
import { aClient, anAttest, anOrganisation, anOutplacementStep, aUser, type TestUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { loggedInOnce, type WebSession } from '../support/web-session.ts';

async function world(t: TestApp) {
  const today = t.clock.today();
  const partner = await anOrganisation(t.db, { name: 'Koers' });
  await stepTypes.allow(t.db, partner.id, ['outplacement', 'jobcoaching']);
  const begeleider = await aUser(t.db, 'begeleider', partner);
  const clients = [];
  for (let i = 0; i < 3; i++) {
    const client = await aClient(t.db);
    await anAttest(t.db, 'running', { clientId: client.id, organisationId: partner.id }, today);
    clients.push(client);
  }
  const [running, free] = clients as [(typeof clients)[number], (typeof clients)[number]];
  const runningLine = await anOutplacementStep(t.db, { clientId: running.id, organisation: partner, createdBy: begeleider }, { startDate: addMonths(today, -1), endDate: addMonths(today, 4) });
  return { today, partner, begeleider, running, runningLine, free, clients };
}

function loggedIn(t: TestApp, user: TestUser): Promise<WebSession> {
  return loggedInOnce(t.app, user);
}

/** The messages of the error summary, in order. */
function summaryMessages(body: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '';
  return [...summary.matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((m) => (m[1] ?? '').trim().replace(/&#39;/g, "'"));
}

const dateParts = (name: string, date: string): MultipartPart[] => {
  const [jaar, maand, dag] = date.split('-') as [string, string, string];
  return [
    { name: `${name}-dag`, value: dag },
    { name: `${name}-maand`, value: maand },
    { name: `${name}-jaar`, value: jaar },
  ];
};

const WRONG_SCAN: MultipartPart = { name: 'scan', fileName: 'attest.pdf', contentType: MEDIA_TYPES.pdf, data: EXE };

describeOnEachDatabase('issue 15: forms that answer as a user expects', world, (get) => {
  it('issue 15 defect 1: the step form starts with a hidden "enter" button; Enter with new text in "Andere vestiging zoeken" searches and stores nothing, otherwise it confirms', async () => {
    const t = get();
    const { free, begeleider } = t.data;
    const session = await loggedIn(t, begeleider);
    const url = `/dossiers/${free.id}/stappen/nieuw?stap=outplacement`;
    const form = await session.get(url);
    const firstButton = /<form method="post"[^>]*>\s*(?:\{#[\s\S]*?#\}\s*)?<button([^>]*)>/.exec(form.body)?.[1] ?? '';
    assert.match(firstButton, /value="enter"/, 'the first submit button of the form, which Enter presses, is the resolving one');
    assert.match(firstButton, /tabindex="-1"/);
    const own = /name="uitvoerder" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const fields = { toestand: 'bezig', 'datum-dag': '', 'datum-maand': '', 'datum-jaar': '', aanvrager: own, uitvoerder: own, samenvatting: 'Intake.', versie: '0' };

    // Enter in the search box: the browser sends actie=enter with the new text beside what the page showed ('').
    const searched = await session.post(url, { ...fields, 'uitvoerder-zoek': 'KANTOOR', 'uitvoerder-zoek-getoond': '', actie: 'enter' });
    assert.equal(searched.statusCode, 200, summaryMessages(searched.body).join(' | '));
    assert.deepEqual(summaryMessages(searched.body), [], 'not confirmed: no "Vul de datum in"');
    assert.match(searched.body, /<input class="govuk-radios__input"[^>]*name="uitvoerder"/, 'the offices found are offered');
    assert.match(searched.body, /name="uitvoerder-zoek-getoond" value="KANTOOR"/, 'the page remembers what it searched');
    const stored = await t.db.selectFrom('steps').select('id').where('clientId', '=', free.id).execute();
    assert.equal(stored.length, 0, 'nothing was stored');

    // Enter with the text the page already showed: "Bevestigen" (here with its errors, nothing typed new).
    const confirmed = await session.post(url, { ...fields, 'uitvoerder-zoek': 'KANTOOR', 'uitvoerder-zoek-getoond': 'KANTOOR', actie: 'enter' });
    assert.equal(confirmed.statusCode, 400);
    assert.deepEqual(summaryMessages(confirmed.body), ['Vul de datum in']);
  });

  it('issue 15 defect 6: "Toegang aanvragen" with a wrong scan, a wrong INSZ and an end date before the start names all three at once, in the order of the form, input kept', async () => {
    const t = get();
    const { today, begeleider } = t.data;
    const session = await loggedIn(t, begeleider);
    await session.get('/toegang-aanvragen');
    const birth = '1988-09-21' as CalendarDate;
    const insz = makeInsz(birth, 301);
    const wrongCheck = `${insz.slice(0, 9)}${String((Number(insz.slice(9)) + 1) % 100).padStart(2, '0')}`;
    const start = addDays(today, -3);
    const response = await session.postMultipart('/toegang-aanvragen', [
      { name: 'insz', value: wrongCheck },
      { name: 'familienaam', value: 'Alleman' },
      { name: 'voornaam', value: '' },
      ...dateParts('geboortedatum', birth),
      { name: 'regime', value: 'algemeen' },
      ...dateParts('startdatum', start),
      ...dateParts('einddatum', addDays(start, -1)),
      WRONG_SCAN,
    ]);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryMessages(response.body), [
      'Dit INSZ-nummer bestaat niet: controleer de cijfers (het controlegetal klopt niet)',
      'Vul de voornaam in',
      'De einddatum moet na de startdatum liggen',
      'Het document moet een PDF, JPG of PNG zijn',
    ]);
    assert.ok(response.body.includes('value="Alleman"'), 'the input is kept');
    assert.equal((await t.db.selectFrom('attest_requests').select('id').execute()).length, 0, 'nothing stored');

    // A date that is not a real date does not hide the rules on the other fields.
    const partial = await session.postMultipart('/toegang-aanvragen', [
      { name: 'insz', value: wrongCheck },
      { name: 'familienaam', value: 'Alleman' },
      { name: 'voornaam', value: 'Ada' },
      ...dateParts('geboortedatum', birth),
      { name: 'regime', value: 'algemeen' },
      ...dateParts('startdatum', start),
      { name: 'einddatum-dag', value: '31' },
      { name: 'einddatum-maand', value: '02' },
      { name: 'einddatum-jaar', value: '2027' },
      WRONG_SCAN,
    ]);
    const messages = summaryMessages(partial.body);
    assert.equal(messages.length, 3, messages.join(' | '));
    assert.equal(messages[0], 'Dit INSZ-nummer bestaat niet: controleer de cijfers (het controlegetal klopt niet)');
    assert.equal(messages[2], 'Het document moet een PDF, JPG of PNG zijn');
  });

  it('issue 15 defect 6: "Toegang aanvragen" for a client the organisation already has, with a wrong scan, says both, with the link to the dossier', async () => {
    const t = get();
    const { begeleider, running } = t.data;
    const session = await loggedIn(t, begeleider);
    await session.get('/toegang-aanvragen');
    const response = await session.postMultipart('/toegang-aanvragen', [
      { name: 'insz', value: running.insz },
      { name: 'familienaam', value: running.familyName },
      { name: 'voornaam', value: running.firstName },
      ...dateParts('geboortedatum', running.birthDate),
      { name: 'regime', value: 'algemeen' },
      ...dateParts('startdatum', addDays(t.data.today, -3)),
      ...dateParts('einddatum', addMonths(t.data.today, 5)),
      WRONG_SCAN,
    ]);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryMessages(response.body), ['Je organisatie heeft al toegang tot het dossier van deze klant met een lopend attest.', 'Het document moet een PDF, JPG of PNG zijn']);
    assert.ok(response.body.includes(`href="/dossiers/${running.id}"`));
  });

  it('issue 15 defect 6: "Verlenging aanvragen" with a wrong scan and an end date before the current one names both at once', async () => {
    const t = get();
    const { begeleider, clients, today } = t.data;
    const client = clients[2];
    assert.ok(client !== undefined);
    const session = await loggedIn(t, begeleider);
    const form = await session.get(`/dossiers/${client.id}/verlenging`);
    assert.equal(form.statusCode, 200);
    const current = formatDate(addMonths(today, 5));
    assert.ok(form.body.includes(current), `the current end date ${current} is shown`);
    const response = await session.postMultipart(`/dossiers/${client.id}/verlenging`, [...dateParts('einddatum', today), WRONG_SCAN]);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryMessages(response.body), [`De nieuwe einddatum moet na de huidige einddatum (${current}) liggen`, 'Het document moet een PDF, JPG of PNG zijn']);
  });

  it('issue 15 defect 6: "Document toevoegen" without a Publicatienaam and with a wrong file names both at once', async () => {
    const t = get();
    const { begeleider, free } = t.data;
    const session = await loggedIn(t, begeleider);
    await session.get(`/dossiers/${free.id}/documenten/nieuw`);
    const response = await session.postMultipart(`/dossiers/${free.id}/documenten/nieuw`, [
      { name: 'publicatienaam', value: '' },
      { name: 'soort', value: 'actieplan' },
      { name: 'document', fileName: 'plan.pdf', contentType: MEDIA_TYPES.pdf, data: EXE },
    ]);
    assert.equal(response.statusCode, 400);
    const messages = summaryMessages(response.body);
    assert.equal(messages.length, 2, messages.join(' | '));
    assert.ok(messages.some((m) => /Publicatienaam|publicatienaam/.test(m)), messages.join(' | '));
  });

  it('issue 15 defect 7: "Attest afdrukken" posts in the same tab; missing data come back on the form, good data offer the PDF, which opens in a new tab', async () => {
    const t = get();
    const { today, begeleider } = t.data;
    const session = await loggedIn(t, begeleider);
    const page = await session.get('/toegang-aanvragen');
    const printButton = /<button[^>]*formaction="\/toegang-aanvragen\/afdrukken"[^>]*>/.exec(page.body)?.[0] ?? '';
    assert.notEqual(printButton, '', 'the button "Attest afdrukken"');
    assert.doesNotMatch(printButton, /formtarget/, 'it answers in the same tab');

    const missing = await session.postMultipart('/toegang-aanvragen/afdrukken', [{ name: 'insz', value: '' }, { name: 'familienaam', value: 'Alleman' }]);
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.headers['content-type'], 'text/html; charset=utf-8', 'the form, not a PDF');
    assert.ok(summaryMessages(missing.body).length >= 6, summaryMessages(missing.body).join(' | '));
    assert.ok(missing.body.includes('value="Alleman"'));
    assert.doesNotMatch(missing.body, /Het attest is klaar om af te drukken/);

    const birth = '1990-04-02' as CalendarDate;
    const good: MultipartPart[] = [
      { name: 'insz', value: makeInsz(birth, 77) },
      { name: 'familienaam', value: 'Alleman' },
      { name: 'voornaam', value: 'Ada' },
      ...dateParts('geboortedatum', birth),
      { name: 'regime', value: 'algemeen' },
      ...dateParts('startdatum', today),
      ...dateParts('einddatum', addMonths(today, 6)),
    ];
    const ready = await session.postMultipart('/toegang-aanvragen/afdrukken', good);
    assert.equal(ready.statusCode, 200);
    assert.match(ready.body, /Het attest is klaar om af te drukken/);
    const printForm = /<form method="post" action="\/toegang-aanvragen\/afdrukken\/pdf" target="_blank"[\s\S]*?<\/form>/.exec(ready.body)?.[0] ?? '';
    assert.notEqual(printForm, '', 'the form that opens the PDF in a new tab');
    const hidden = Object.fromEntries([...printForm.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
    delete hidden['_csrf'];
    const pdf = await session.post('/toegang-aanvragen/afdrukken/pdf', hidden);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal((await t.db.selectFrom('attest_requests').select('id').execute()).length, 0, 'printing stores nothing');
  });

  it('issue 15 defect 8: with a Bezig Outplacement line, "Voeg een stap toe" says so before the form with a link to the line, and offers the other steps only', async () => {
    const t = get();
    const { begeleider, running, runningLine, free } = t.data;
    const session = await loggedIn(t, begeleider);
    const overview = await session.get(`/dossiers/${running.id}/begeleiding/stappen-naar-werk`);
    assert.equal(overview.statusCode, 200);
    const add = /<details class="govuk-details">\s*<summary[^>]*>\s*<span[^>]*>Voeg een stap toe[\s\S]*?<\/details>/.exec(overview.body)?.[0] ?? '';
    assert.match(add, /al een lijn Outplacement in toestand Bezig/);
    assert.ok(add.includes(`href="/dossiers/${running.id}/stappen/${runningLine}"`), 'the notice links to the line');
    assert.doesNotMatch(add, /<option value="outplacement"/, 'Outplacement is not offered');
    assert.match(add, /<option value="jobcoaching"/, 'the other steps are');

    // The form's own address says it before any field, with the link.
    const form = await session.get(`/dossiers/${running.id}/stappen/nieuw?stap=outplacement`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /al een lijn Outplacement in toestand Bezig/);
    assert.ok(form.body.includes(`href="/dossiers/${running.id}/stappen/${runningLine}"`));
    assert.doesNotMatch(form.body, /name="samenvatting"/, 'no form to fill in for nothing');

    // The server keeps refusing a second line (O4).
    const own = /name="uitvoerder" value="([^"]+)"/.exec((await session.get(`/dossiers/${free.id}/stappen/nieuw?stap=outplacement`)).body)?.[1] ?? '';
    const [jaar = '', maand = '', dag = ''] = t.data.today.split('-');
    const refused = await session.post(`/dossiers/${running.id}/stappen/nieuw?stap=outplacement`, {
      toestand: 'bezig', 'datum-dag': dag, 'datum-maand': maand, 'datum-jaar': jaar, aanvrager: own, uitvoerder: own, samenvatting: '', versie: '0', actie: 'bevestigen',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(summaryMessages(refused.body).join(' '), /al een lijn Outplacement in toestand Bezig/);

    // A client without a Bezig line: Outplacement is offered and no notice shown.
    const clean = await session.get(`/dossiers/${free.id}/begeleiding/stappen-naar-werk`);
    assert.match(clean.body, /<option value="outplacement"/);
    assert.doesNotMatch(clean.body, /al een lijn Outplacement in toestand Bezig/);
  });
});
