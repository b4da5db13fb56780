/**
 * The Outplacement line in a real browser (O1–O8, manual sections 2 and 4.1): a consultant of
 * Koers Outplacement (begeleider@demo.be, office KOERS MECHELEN (701)) registers, cancels and
 * asks to stop lines; the interventieadviseur (adviseur@demo.be) stops one.
 *
 * The tests share one application and database and run in this order; each works on its own
 * client of the demo world: Fatima El Amrani (no steps yet), Luc Mertens (no steps), Ann
 * Janssens (a Bezig Outplacement line: O4 first, then O8 stops it) and Koen Willems (O7).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { LoginPage, logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { ClientSearchPage } from './pages/search-page.ts';
import { clickAndWaitForLoad, StepDetailPage, StepFormPage, StepsOverviewPage, TODAY, WorkListPage } from './pages/steps-pages.ts';
import { ConfirmPage } from './pages/confirm-page.ts';

const OWN_OFFICE = 'KOERS MECHELEN (701)';
const INVALID_DATE = 'Vul een bestaande datum in, zoals 21/02/2019';

/** Mijn klanten > the client > Begeleiding > Stappen naar werk, as the logged-in begeleider. */
async function openStepsToWork(page: Page, client: string): Promise<StepsOverviewPage> {
  const portrait = await (await MyClientsPage.verifyOnPage(page)).openClient(client);
  await portrait.openBegeleiding();
  const overview = await StepsOverviewPage.verifyOnPage(page);
  assert.equal(await overview.currentTab('Begeleiding'), 'Stappen naar werk');
  return overview;
}

async function logInAndOpenStepsToWork(page: Page, client: string): Promise<StepsOverviewPage> {
  await logInAs(page, 'begeleider@demo.be');
  return openStepsToWork(page, client);
}

describeInBrowser('the Outplacement line in the browser', (get) => {
  it('O1 O2 O5 manual section 2: a consultant adds the Outplacement step and sees it in the overview', async () => {
    const page = await get().newPage();
    const overview = await logInAndOpenStepsToWork(page, 'Fatima El Amrani');
    assert.deepEqual(await overview.rows(), [], 'Fatima El Amrani has no steps yet');

    // O1: "Voeg een stap toe" > Outplacement > "Toevoegen".
    await overview.openAddStep();
    const form = await overview.chooseStepType('Outplacement');
    const formAddress = page.url();

    // O2: the fields as the manual shows them.
    assert.deepEqual(await form.stateOptions(), ['Bezig'], 'on creation Toestand offers only Bezig');
    assert.equal(await form.toestand().isDisabled(), true, 'Toestand cannot be changed on creation');
    assert.match(await form.dateDescription(), /Voorbeeld: 21\/02\/2019/);
    assert.deepEqual(await form.dateBoxes(), { dag: '', maand: '', jaar: '' });
    assert.equal(await form.chosenFundingNumber(), 'Geen financieringsnummer');
    assert.equal(await form.shownOffice('Aanvrager'), OWN_OFFICE);
    assert.equal(await form.shownOffice('Uitvoerder'), OWN_OFFICE);
    assert.ok((await page.getByText('Alle velden met een sterretje (*) zijn verplicht').count()) === 1, 'the form says that fields with * are required');

    // "huidige datum" with JavaScript: the boxes fill in place, the page is not loaded again.
    await page.evaluate(() => {
      (globalThis as Record<string, unknown>)['lbpSamePage'] = true;
    });
    await form.pressToday();
    assert.equal(await form.dateBox('Dag').inputValue(), TODAY.dag, "the Dag box has today's day");
    assert.deepEqual(await form.dateBoxes(), { dag: TODAY.dag, maand: TODAY.maand, jaar: TODAY.jaar });
    assert.equal(await page.evaluate(() => (globalThis as Record<string, unknown>)['lbpSamePage']), true, '"huidige datum" filled the boxes without loading the page again');
    assert.equal(page.url(), formAddress);

    // "huidige datum" without JavaScript: the form comes back with the date and the rest kept.
    const plain = await get().newPage({ javaScriptEnabled: false });
    await logInAs(plain, 'begeleider@demo.be');
    await MyClientsPage.verifyOnPage(plain);
    await plain.goto(formAddress);
    const plainForm = await StepFormPage.verifyOnPage(plain);
    await plainForm.fillSummary('Nog niet bevestigd.');
    const plainAgain = await plainForm.pressTodayWithoutScript();
    assert.deepEqual(await plainAgain.dateBoxes(), { dag: TODAY.dag, maand: TODAY.maand, jaar: TODAY.jaar });
    assert.equal(await plainAgain.summary().inputValue(), 'Nog niet bevestigd.', 'what was typed is kept');
    assert.equal(await plainAgain.shownOffice('Uitvoerder'), OWN_OFFICE);

    // Financieringsnummer: a number of the own organisation.
    await form.chooseFundingNumber('KO-2026-01 – Outplacement 45+ (CAO 82)');

    // Uitvoerder: another office is searched and chosen; "eigen gegevens" puts the own one back.
    await form.searchOffice('Uitvoerder', 'HALLE');
    assert.equal(await form.officeChoice('Uitvoerder', 'HALLE (384)').count(), 1, 'HALLE (384) is offered');
    assert.equal(await form.officeChoice('Uitvoerder', OWN_OFFICE).count(), 1, 'the own office stays offered as a choice, by its name');
    assert.deepEqual(await form.dateBoxes(), { dag: TODAY.dag, maand: TODAY.maand, jaar: TODAY.jaar }, 'the search keeps the date');
    assert.equal(await form.chosenFundingNumber(), 'KO-2026-01 – Outplacement 45+ (CAO 82)', 'the search keeps the Financieringsnummer');
    await form.chooseOffice('Uitvoerder', 'HALLE (384)');
    assert.equal(await form.officeChoice('Uitvoerder', 'HALLE (384)').isChecked(), true);
    await form.useOwnOffice('Uitvoerder');
    assert.equal(await form.shownOffice('Uitvoerder'), OWN_OFFICE, '"eigen gegevens" shows the own office again');
    assert.equal(await form.shownOffice('Aanvrager'), OWN_OFFICE);

    await form.fillSummary('Vermoedelijke einddatum: einde van het attest. Intake gepland.');
    await form.confirm();

    // O5: back on Stappen naar werk, the line on top with Datum, Stap and Toestand.
    const after = await StepsOverviewPage.verifyOnPage(page);
    assert.equal(await after.successMessage(), 'De stap Outplacement is toegevoegd. Toestand: Bezig.');
    assert.deepEqual(await after.columns(), ['Datum', 'Stap', 'Toestand']);
    assert.deepEqual(await after.rows(), [{ date: TODAY.shown, step: 'Outplacement', state: 'Bezig' }]);

    // The line holds what was confirmed.
    await after.openLine('Outplacement');
    const line = await StepFormPage.verifyOnPage(page);
    assert.equal(await line.chosenFundingNumber(), 'KO-2026-01 – Outplacement 45+ (CAO 82)');
    assert.equal(await line.shownOffice('Uitvoerder'), OWN_OFFICE);
    assert.equal(await line.summary().inputValue(), 'Vermoedelijke einddatum: einde van het attest. Intake gepland.');
  });

  it('O3 invalid input keeps what the user typed', async () => {
    const page = await get().newPage();
    const overview = await logInAndOpenStepsToWork(page, 'Luc Mertens');
    assert.deepEqual(await overview.rows(), [], 'Luc Mertens has no steps yet');
    await overview.openAddStep();
    const form = await overview.chooseStepType('Outplacement');

    await form.fillDate({ dag: '31', maand: '02', jaar: '2019' });
    await form.fillSummary('Intake op 3 maart.');
    await form.confirm();

    const again = await StepFormPage.verifyOnPage(page);
    assert.deepEqual(await again.errorSummaryMessages(), [INVALID_DATE]);
    const summaryBox = await again.errorSummary().boundingBox();
    const headingBox = await page.getByRole('heading', { level: 1 }).boundingBox();
    assert.ok(summaryBox !== null && headingBox !== null && summaryBox.y < headingBox.y, 'the error summary stands at the top, above the heading');

    // The link in the summary moves the focus to the Dag box.
    await again.followErrorSummaryLink(INVALID_DATE);
    assert.equal(await again.isFocused('Dag'), true, 'the summary link puts the focus on the Dag box');

    // The message stands at the field, and everything typed is still there.
    assert.match(await again.dateDescription(), new RegExp(INVALID_DATE), 'the message is tied to the Datum fieldset');
    assert.ok((await again.dateFieldset().getByText(INVALID_DATE).count()) === 1, 'the message is shown at the field');
    assert.deepEqual(await again.dateBoxes(), { dag: '31', maand: '02', jaar: '2019' });
    assert.equal(await again.summary().inputValue(), 'Intake op 3 maart.');

    // Nothing was stored.
    const back = await again.backWithoutConfirming();
    assert.deepEqual(await back.rows(), [], 'nothing was added to the overview');
  });

  it('O4 issue 15 defect 8: with a Bezig Outplacement line, "Voeg een stap toe" says so before the form, with a link to the line', async () => {
    const page = await get().newPage();
    const overview = await logInAndOpenStepsToWork(page, 'Ann Janssens');
    const rowsBefore = await overview.rows();
    assert.deepEqual(
      rowsBefore.filter((row) => row.step === 'Outplacement').map((row) => row.state),
      ['Bezig'],
      'Ann Janssens has one Bezig Outplacement line',
    );
    const existing = await overview.lineHref('Outplacement');

    // Before any form: the notice in "Voeg een stap toe", and Outplacement is not offered.
    await overview.openAddStep();
    const notice = overview.addStep().getByText('Deze klant heeft al een lijn Outplacement in toestand Bezig van jouw organisatie. Een tweede kan je niet toevoegen: werk verder met die lijn.');
    assert.equal(await notice.isVisible(), true, 'the notice shows as soon as "Voeg een stap toe" opens');
    const offered = (await overview.addStep().getByLabel('Stap', { exact: true }).getByRole('option').allInnerTexts()).map((text) => text.trim());
    assert.ok(!offered.includes('Outplacement'), `Outplacement is not offered again: ${offered.join(', ')}`);
    assert.ok(offered.length > 0, 'the other steps still are');
    await assertNoAccessibilityViolations(page);

    // The link leads to the existing line's detail.
    await clickAndWaitForLoad(page, overview.addStep().getByRole('link', { name: 'Open de lijn Outplacement' }));
    const line = await StepFormPage.verifyOnPage(page);
    assert.equal(line.path, existing, 'the notice links to the existing line');
    assert.match((await line.completionNotice()) ?? '', /^Wordt automatisch Uitgevoerd op \d{2}\/\d{2}\/\d{4}$/);

    const back = await line.backWithoutConfirming();
    assert.deepEqual(await back.rows(), rowsBefore, 'nothing was added');
  });

  it('O7 manual section 4.1: cancelling the line makes it leave the overview; Filter wijzigen shows it', async () => {
    const page = await get().newPage();
    const overview = await logInAndOpenStepsToWork(page, 'Koen Willems');
    const [running] = await overview.rows();
    assert.deepEqual(running && { step: running.step, state: running.state }, { step: 'Outplacement', state: 'Bezig' });
    const startDate = running?.date ?? '';

    await overview.openLine('Outplacement');
    const form = await StepFormPage.verifyOnPage(page);
    assert.deepEqual(await form.stateOptions(), ['Bezig', 'Geannuleerd'], 'a partner chooses between Bezig and Geannuleerd (O6, O8)');
    await form.chooseState('Geannuleerd');
    await form.pressToday();
    await form.confirm();
    // Issue 15 defect 9: a final state is confirmed on a page of its own.
    const confirmation = await ConfirmPage.verifyOnPage(page, /^Lijn Outplacement annuleren\?$/);
    assert.equal(await confirmation.value('Datum van annulering'), TODAY.shown);
    await confirmation.confirm('Ja, annuleer de lijn');

    const after = await StepsOverviewPage.verifyOnPage(page);
    assert.equal(await after.successMessage(), 'De lijn Outplacement is geannuleerd; ze staat niet meer in het overzicht. Toon geannuleerde lijnen');
    assert.deepEqual(await after.rows(), [], 'the cancelled line left the default overview');

    await after.openFilter();
    await after.setFilter('Toestand', 'Geannuleerd', true);
    const filtered = await after.applyFilter();
    assert.match(new URL(page.url()).search, /toestand=geannuleerd/, 'the filter is kept in the address');
    assert.deepEqual(await filtered.rows(), [{ date: TODAY.shown, step: 'Outplacement', state: 'Geannuleerd' }]);
    assert.equal(await filtered.filter().getByRole('group', { name: 'Toestand', exact: true }).getByLabel('Geannuleerd', { exact: true }).isChecked(), true, 'the filter shows what it applied');

    // Geannuleerd is final: the line is shown read-only, the start date still known.
    await filtered.openLine('Outplacement');
    const line = await StepDetailPage.verifyOnPage(page);
    assert.equal(await line.value('Toestand'), 'Geannuleerd');
    assert.equal(await line.value('Datum'), TODAY.shown);
    assert.equal(await line.value('Start van de begeleiding'), startDate);
  });

  it('O8 a stop request goes to the adviseur, who stops the line, and the partner sees the outcome', async () => {
    const page = await get().newPage();
    const reason = 'De klant start op 1 december als zelfstandige.';
    const oldSummary = 'Vermoedelijke einddatum volgens attest. Intake gepland.';

    // The begeleider asks to stop Ann Janssens' line.
    const overview = await logInAndOpenStepsToWork(page, 'Ann Janssens');
    await overview.openLine('Outplacement');
    const form = await StepFormPage.verifyOnPage(page);
    assert.ok(!(await form.stateOptions()).includes('Stopgezet'), 'a partner cannot choose Stopgezet');
    const request = await form.requestStop();
    await request.fill(reason, TODAY);
    await request.send();
    const requested = await StepFormPage.verifyOnPage(page);
    assert.equal(await requested.successMessage(), 'Het verzoek tot stopzetting is verstuurd naar de sociale interventieadviseur.');
    assert.deepEqual(await requested.stopRequestStates(), ['In behandeling']);
    assert.equal(await page.getByRole('button', { name: 'Verzoek tot stopzetting' }).count(), 0, 'no second request while one is open');
    await requested.logOut();
    await LoginPage.verifyOnPage(page);

    // The adviseur finds it in "Te behandelen verzoeken" and stops the line.
    await logInAs(page, 'adviseur@demo.be');
    await ClientSearchPage.verifyOnPage(page);
    const workList = await WorkListPage.open(page);
    const listed = await workList.rows();
    assert.deepEqual(
      listed.map((row) => ({ client: row.client, organisation: row.organisation, proposedDate: row.proposedDate, reason: row.reason })),
      [{ client: 'Ann Janssens', organisation: 'Koers Outplacement', proposedDate: TODAY.shown, reason }],
    );
    const line = await workList.openRequest('Ann Janssens');
    assert.equal(await line.value('Toestand'), 'Bezig');
    assert.deepEqual(await line.stopDateBoxes(), { dag: TODAY.dag, maand: TODAY.maand, jaar: TODAY.jaar }, 'the proposed date is filled in');
    await line.stop(TODAY);
    // Issue 15 defect 9: Stopzetten is confirmed on a page of its own.
    await (await ConfirmPage.verifyOnPage(page, /^Lijn Outplacement stopzetten\?$/)).confirm('Ja, zet de lijn stop');
    const stopped = await StepDetailPage.verifyOnPage(page);
    assert.deepEqual(await stopped.errorSummaryMessages(), [], 'the stop is accepted');
    assert.equal(await stopped.successMessage(), `De lijn Outplacement is stopgezet op ${TODAY.shown}.`);
    assert.equal(await stopped.value('Toestand'), 'Stopgezet');
    const emptied = await WorkListPage.open(page);
    assert.deepEqual(await emptied.rows(), [], 'the request left the work list');
    await emptied.logOut();
    await LoginPage.verifyOnPage(page);

    // The begeleider sees the outcome, and may supplement the Samenvatting (O10).
    const outcome = await logInAndOpenStepsToWork(page, 'Ann Janssens');
    assert.deepEqual(
      (await outcome.rows()).filter((row) => row.step === 'Outplacement'),
      [{ date: TODAY.shown, step: 'Outplacement', state: 'Stopgezet' }],
    );
    await outcome.openLine('Outplacement');
    const ended = await StepDetailPage.verifyOnPage(page);
    assert.equal(await ended.value('Toestand'), 'Stopgezet');
    const states = await ended.stopRequestStates();
    assert.equal(states.length, 1);
    assert.match(states[0] ?? '', /^Aanvaard/, 'the request reads Aanvaard');
    assert.equal(await ended.appendField().count(), 1, '"Samenvatting aanvullen" is offered');

    const appended = await ended.appendToSummary('Eindverslag volgt.');
    assert.equal(await appended.successMessage(), 'De samenvatting is aangevuld.');
    const summary = await appended.value('Samenvatting');
    assert.ok(summary.startsWith(oldSummary), `the earlier text is kept on top, got "${summary}"`);
    assert.ok(summary.indexOf('Eindverslag volgt.') > oldSummary.length, 'the addition comes under the earlier text');
  });
});
