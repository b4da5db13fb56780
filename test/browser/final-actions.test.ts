/**
 * Issue 15 defects 5 and 9 in a real browser: a final action (Geannuleerd, Stopzetten,
 * Goedkeuren, Afwijzen) is asked to be confirmed on a page of its own, without JavaScript, and a
 * banner says what happened; an attest is approved only with the original received; a stop date
 * after today is a planned stop that the line shows. Axe on the confirmation pages (with
 * JavaScript: axe runs in the page); the planned stop is confirmed without JavaScript.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, dateInBrussels, dateParts, formatDate } from '../../src/domain/calendar-date.ts';
import { TEST_NOW } from '../support/test-app.ts';
import { assertFormControlsLabelled, assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { AttestDetailPage, AttestQueuePage, openFromNavigation } from './pages/attests-pages.ts';
import { ConfirmPage } from './pages/confirm-page.ts';
import { logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { ClientSearchPage } from './pages/search-page.ts';
import { StepDetailPage, StepFormPage, StepsOverviewPage, TODAY, WorkListPage, type DateBoxes } from './pages/steps-pages.ts';

async function assertAccessible(page: Page): Promise<void> {
  await assertNoAccessibilityViolations(page);
  await assertFormControlsLabelled(page);
}

async function stepsToWorkOf(page: Page, client: string): Promise<StepsOverviewPage> {
  await logInAs(page, 'begeleider@demo.be');
  const portrait = await (await MyClientsPage.verifyOnPage(page)).openClient(client);
  await portrait.openBegeleiding();
  return StepsOverviewPage.verifyOnPage(page);
}

describeInBrowser('final actions with a confirmation (issue 15)', (get) => {
  it('issue 15 defect 9: Geannuleerd: a confirmation page, "Nee" keeps the choice, "Ja" cancels and the banner links to the cancelled lines', async () => {
    const page = await get().newPage();
    const overview = await stepsToWorkOf(page, 'Koen Willems');
    await overview.openLine('Outplacement');
    const form = await StepFormPage.verifyOnPage(page);
    await form.chooseState('Geannuleerd');
    await form.fillDate(TODAY);
    await form.confirm();

    const asked = await ConfirmPage.verifyOnPage(page, /^Lijn Outplacement annuleren\?$/);
    assert.equal(await asked.value('Nieuwe toestand'), 'Geannuleerd');
    assert.equal(await asked.value('Datum van annulering'), TODAY.shown);
    assert.match(await asked.text(), /Annuleren is definitief/);
    await assertAccessible(page);

    await asked.back();
    const again = await StepFormPage.verifyOnPage(page);
    assert.equal(await again.toestand().inputValue(), 'geannuleerd', 'back on the form with the choice kept');
    assert.deepEqual(await again.dateBoxes(), { dag: TODAY.dag, maand: TODAY.maand, jaar: TODAY.jaar });
    await again.confirm();
    await (await ConfirmPage.verifyOnPage(page, /^Lijn Outplacement annuleren\?$/)).confirm('Ja, annuleer de lijn');

    const after = await StepsOverviewPage.verifyOnPage(page);
    assert.equal(await after.successMessage(), 'De lijn Outplacement is geannuleerd; ze staat niet meer in het overzicht. Toon geannuleerde lijnen');
    assert.deepEqual(await after.rows(), [], 'the cancelled line left the default overview');
    await assertAccessible(page);
    await page.getByRole('alert', { name: 'Gelukt' }).getByRole('link', { name: 'Toon geannuleerde lijnen' }).click();
    const shown = await StepsOverviewPage.verifyOnPage(page);
    assert.deepEqual(await shown.rows(), [{ date: TODAY.shown, step: 'Outplacement', state: 'Geannuleerd' }]);
  });

  // Without JavaScript: the confirmation is a plain form (axe needs JavaScript, so the same pages are checked above and below).
  it('issue 15 defect 5 and 9: without JavaScript the adviseur confirms the future date the partner proposed as a planned stop; the line stays Bezig and shows it', async () => {
    const proposedDate = addDays(dateInBrussels(TEST_NOW), 10);
    const { year, month, day } = dateParts(proposedDate);
    const proposed: DateBoxes = { dag: String(day).padStart(2, '0'), maand: String(month).padStart(2, '0'), jaar: String(year) };
    const shownDate = formatDate(proposedDate);

    const partner = await get().newPage();
    const overview = await stepsToWorkOf(partner, 'Ann Janssens');
    await overview.openLine('Outplacement');
    const request = await (await StepFormPage.verifyOnPage(partner)).requestStop();
    await request.fill('De klant start binnenkort als zelfstandige.', proposed);
    await request.send();
    await StepFormPage.verifyOnPage(partner);

    const page = await get().newPage({ javaScriptEnabled: false });
    await logInAs(page, 'adviseur@demo.be');
    await ClientSearchPage.verifyOnPage(page);
    const line = await (await WorkListPage.open(page)).openRequest('Ann Janssens');
    assert.deepEqual(await line.stopDateBoxes(), proposed, 'the proposed date is filled in');
    await line.stop(proposed);
    const asked = await ConfirmPage.verifyOnPage(page, /^Lijn Outplacement stopzetten\?$/);
    assert.equal(await asked.value('Datum van stopzetting'), shownDate);
    assert.match(await asked.text(), new RegExp(`De lijn blijft Bezig tot ${shownDate.replace(/\//g, '\\/')} en komt op die dag automatisch op Stopgezet`));
    await asked.confirm('Ja, plan de stopzetting');

    const planned = await StepDetailPage.verifyOnPage(page);
    assert.equal(await planned.successMessage(), `De stopzetting van de lijn Outplacement is gepland op ${shownDate}; tot dan blijft ze Bezig.`);
    assert.equal(await planned.value('Toestand'), 'Bezig');
    assert.equal(await page.getByRole('main').getByText(`Stopzetting gepland op ${shownDate}`, { exact: true }).count(), 1);

    await partner.reload();
    const seen = await StepFormPage.verifyOnPage(partner);
    assert.equal(await partner.getByRole('main').getByText(`Stopzetting gepland op ${shownDate}`, { exact: true }).count(), 1, 'the partner sees the planned stop');
    assert.equal(await partner.getByRole('button', { name: 'Verzoek tot stopzetting' }).count(), 0);
    assert.match((await seen.stopRequestStates())[0] ?? '', /^Aanvaard: de stopzetting is gepland op/);
  });

  it('issue 15 defect 9: Goedkeuren needs "Origineel ontvangen" (error at the checkbox), then asks for confirmation; Afwijzen too', async () => {
    const page = await get().newPage();
    await logInAs(page, 'secretariaat@demo.be');
    await openFromNavigation(page, 'Te behandelen attesten');
    const detail = await (await AttestQueuePage.verifyOnPage(page)).open('Pieter Wouters');
    assert.match(await detail.originalDescription(), /Goedkeuren kan pas als het ondertekende origineel ontvangen is\./);

    const message = 'Vink Origineel ontvangen aan: een aanvraag wordt pas goedgekeurd als het ondertekende origineel ontvangen is';
    assert.deepEqual(await detail.pressApproveRefused(), [message]);
    assert.match(await detail.originalDescription(), new RegExp(message));
    await assertAccessible(page);

    await detail.markOriginalReceived();
    const asked = await detail.pressApprove();
    assert.equal(await asked.value('Origineel'), 'Ontvangen');
    await assertAccessible(page);
    await asked.back();
    const back = await AttestDetailPage.verifyOnPage(page);
    assert.equal(await page.getByLabel('Origineel ontvangen').isChecked(), true, 'the tick is kept');
    const queue = await back.approve();
    assert.match((await queue.successMessage()) ?? '', /De aanvraag voor Pieter Wouters is goedgekeurd/);

    await queue.open('Sarah Aerts');
    await page.getByLabel('Reden van afwijzing').fill('De handtekening van de klant ontbreekt.');
    await page.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    const reject = await ConfirmPage.verifyOnPage(page, /^Aanvraag van Sarah Aerts afwijzen\?$/);
    assert.equal(await reject.value('Reden van afwijzing'), 'De handtekening van de klant ontbreekt.');
    await assertAccessible(page);
    await reject.confirm('Ja, wijs de aanvraag af');
    const after = await AttestQueuePage.verifyOnPage(page);
    assert.match((await after.successMessage()) ?? '', /De aanvraag voor Sarah Aerts is afgewezen/);
  });
});
