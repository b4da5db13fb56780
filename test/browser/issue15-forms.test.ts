/**
 * Issue 15 in a real browser. Defects 1 and 10, without JavaScript (the path that must work
 * first): Enter in a search box inside a larger form searches instead of submitting the form,
 * and after a round trip ("Zoek uitvoerder", "eigen gegevens", "huidige datum", "Zoek" of an
 * occupation) the page comes back at the part acted on, so that the next Tab lands there and
 * not at the top of the page. The consultant is begeleider@demo.be (KOERS MECHELEN (701)); the
 * clients have no Outplacement line yet (Fatima El Amrani, Luc Mertens, Pieter Vermeulen).
 * Defect 7: "Attest afdrukken" with missing data answers on the form in the same tab; only good
 * data open the PDF, in a new tab.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Locator, Page, Response } from 'playwright-core';
import { makeInsz } from '../../src/domain/insz.ts';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import { assertFormControlsLabelled, assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { StepFormPage, StepsOverviewPage, TODAY } from './pages/steps-pages.ts';
import { DesiredJobFormPage, openDossierTab, ProfilePage } from './pages/upkeep-pages.ts';

const OWN_OFFICE = 'KOERS MECHELEN (701)';

/** Stappen naar werk > "Voeg een stap toe" > Outplacement, as begeleider@demo.be. */
async function openNewOutplacement(page: Page, client: string): Promise<StepFormPage> {
  await logInAs(page, 'begeleider@demo.be');
  const portrait = await (await MyClientsPage.verifyOnPage(page)).openClient(client);
  await portrait.openBegeleiding();
  const overview = await StepsOverviewPage.verifyOnPage(page);
  return overview.openNewStepFormByAddress('outplacement', 'Outplacement');
}

/** Presses a key in a control and waits for the page that the form's answer loads. */
async function pressAndWaitForLoad(page: Page, control: Locator, key: string): Promise<void> {
  const loaded = page.waitForEvent('load');
  await control.press(key);
  await loaded;
}

/** Clicks a button and waits for the page that the form's answer loads. */
async function clickAndWaitForLoad(page: Page, button: Locator): Promise<void> {
  const loaded = page.waitForEvent('load');
  await button.click();
  await loaded;
}

/** Presses Tab once from where the page put the keyboard and says whether `target` has the focus. */
async function tabReaches(page: Page, target: Locator): Promise<boolean> {
  await page.keyboard.press('Tab');
  return (await target.and(page.locator(':focus')).count()) === 1;
}

describeInBrowser('issue 15: forms in the browser', (get) => {
  // Enter is the browser's own implicit submission: the same with and without JavaScript. axe
  // runs in the page's JavaScript, so it checks the pages of the run with JavaScript.
  for (const [javaScriptEnabled, client] of [[false, 'Fatima El Amrani'], [true, 'Pieter Vermeulen']] as const) {
  it(`issue 15 defect 1: Enter in "Andere vestiging zoeken" searches the office and registers nothing; Enter elsewhere still confirms (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
    const page = await get().newPage({ javaScriptEnabled });
    const form = await openNewOutplacement(page, client);
    await form.fillSummary('Intake gepland.');
    const search = form.office('Uitvoerder').getByLabel('Andere vestiging zoeken (naam of code)');
    await search.fill('HALLE');
    await pressAndWaitForLoad(page, search, 'Enter');

    // The search ran: the form is back with HALLE (384) to choose, nothing was registered.
    const searched = await StepFormPage.verifyOnPage(page);
    assert.deepEqual(await searched.errorSummaryMessages(), [], 'Enter did not confirm the form (no "Vul de datum in")');
    assert.equal(await searched.successMessage(), null, 'no line was registered');
    assert.equal(await searched.officeChoice('Uitvoerder', 'HALLE (384)').count(), 1, 'Enter searched: HALLE (384) is offered');
    assert.equal(await searched.summary().inputValue(), 'Intake gepland.', 'what was typed is kept');
    assert.equal(await searched.shownOffice('Aanvrager'), OWN_OFFICE);
    if (javaScriptEnabled) {
      await assertNoAccessibilityViolations(page);
      await assertFormControlsLabelled(page);
    }

    // The Aanvrager's search box too; the Uitvoerder chosen meanwhile is kept.
    await searched.chooseOffice('Uitvoerder', 'HALLE (384)');
    const requesterSearch = searched.office('Aanvrager').getByLabel('Andere vestiging zoeken (naam of code)');
    await requesterSearch.fill('AALST');
    await pressAndWaitForLoad(page, requesterSearch, 'Enter');
    const requesterSearched = await StepFormPage.verifyOnPage(page);
    assert.equal(await requesterSearched.officeChoice('Aanvrager', 'KOERS AALST (702)').count(), 1, 'Enter in the Aanvrager search box searched the Aanvrager');
    assert.equal(await requesterSearched.successMessage(), null);
    assert.equal(await requesterSearched.shownOffice('Uitvoerder'), 'HALLE (384)');

    // With nothing new in a search box, Enter in a text box is "Bevestigen", as before.
    await requesterSearched.fillDate(TODAY);
    await pressAndWaitForLoad(page, requesterSearched.dateBox('Jaar'), 'Enter');
    const overview = await StepsOverviewPage.verifyOnPage(page);
    assert.equal(await overview.successMessage(), 'De stap Outplacement is toegevoegd. Toestand: Bezig.');
    await overview.openLine('Outplacement');
    const line = await StepFormPage.verifyOnPage(page);
    assert.equal(await line.shownOffice('Uitvoerder'), 'HALLE (384)', 'the office chosen after the Enter search was registered');
    assert.equal(await line.summary().inputValue(), 'Intake gepland.');
  });
  }

  it('issue 15 defect 1: Enter in "Beroep zoeken" of Gewenste jobs searches; Enter elsewhere saves', async () => {
    const page = await get().newPage({ javaScriptEnabled: false });
    await logInAs(page, 'begeleider@demo.be');
    await (await MyClientsPage.verifyOnPage(page)).openClient('Luc Mertens');
    await openDossierTab(page, 'Profiel & Gewenste jobs');
    const form = await (await ProfilePage.verifyOnPage(page)).addDesiredJob();
    await form.choose('Ervaring *', 'Ervaren');
    const search = page.getByLabel('Beroep zoeken (naam of ISCO-code)');
    await search.fill('receptionist');
    await pressAndWaitForLoad(page, search, 'Enter');
    const searched = await DesiredJobFormPage.verifyOnPage(page);
    assert.deepEqual(await searched.errorSummaryMessages(), [], 'Enter did not save the form');
    assert.equal(await page.getByRole('group', { name: 'Kies het beroep' }).getByLabel('Receptionisten, algemeen', { exact: true }).count(), 1, 'Enter searched');
    assert.equal(await page.getByRole('group', { name: 'Ervaring *' }).getByLabel('Ervaren').isChecked(), true, 'the choice is kept');

    await searched.chooseOccupation('Receptionisten, algemeen');
    await searched.setRegion('Antwerpen');
    await searched.choose('Regime *', 'Voltijds');
    await pressAndWaitForLoad(page, page.getByRole('group', { name: 'Regime *' }).getByLabel('Voltijds', { exact: true }), 'Enter');
    const profile = await ProfilePage.verifyOnPage(page);
    assert.ok((await profile.desiredJobs()).includes('Receptionisten, algemeen'), 'Enter on a radio button saved the desired job');
  });

  it('issue 15 defect 10: without JavaScript, "Zoek uitvoerder", "eigen gegevens" and "huidige datum" bring the page back at that part', async () => {
    const page = await get().newPage({ javaScriptEnabled: false });
    const form = await openNewOutplacement(page, 'Luc Mertens');

    // "Zoek uitvoerder": the next Tab reaches the offices found, not the top of the page.
    await form.office('Uitvoerder').getByLabel('Andere vestiging zoeken (naam of code)').fill('HALLE');
    await clickAndWaitForLoad(page, form.office('Uitvoerder').getByRole('button', { name: 'Zoek uitvoerder' }));
    const searched = await StepFormPage.verifyOnPage(page);
    assert.equal(new URL(page.url()).hash, '#verder');
    assert.equal(await tabReaches(page, searched.officeChoice('Uitvoerder', OWN_OFFICE)), true, 'one Tab reaches the choice of Uitvoerder');

    // "eigen gegevens": back at the Uitvoerder, whose search box is the next stop.
    await searched.chooseOffice('Uitvoerder', 'HALLE (384)');
    await clickAndWaitForLoad(page, searched.office('Uitvoerder').getByRole('button', { name: 'eigen gegevens' }));
    const own = await StepFormPage.verifyOnPage(page);
    assert.equal(await own.shownOffice('Uitvoerder'), OWN_OFFICE);
    assert.equal(await tabReaches(page, own.office('Uitvoerder').getByLabel('Andere vestiging zoeken (naam of code)')), true, 'one Tab reaches the Uitvoerder search box');

    // "huidige datum": back at the Datum, whose Dag box is the next stop.
    await clickAndWaitForLoad(page, own.todayButton());
    const dated = await StepFormPage.verifyOnPage(page);
    assert.deepEqual(await dated.dateBoxes(), { dag: TODAY.dag, maand: TODAY.maand, jaar: TODAY.jaar });
    assert.equal(await tabReaches(page, dated.dateBox('Dag')), true, 'one Tab reaches the Dag box');
  });

  it('issue 15 defect 10: without JavaScript, "Zoek" in Gewenste jobs brings the page back at the occupations found', async () => {
    const page = await get().newPage({ javaScriptEnabled: false });
    await logInAs(page, 'begeleider@demo.be');
    await (await MyClientsPage.verifyOnPage(page)).openClient('Fatima El Amrani');
    await openDossierTab(page, 'Profiel & Gewenste jobs');
    await (await ProfilePage.verifyOnPage(page)).addDesiredJob();
    await page.getByLabel('Beroep zoeken (naam of ISCO-code)').fill('kelner');
    await clickAndWaitForLoad(page, page.getByRole('button', { name: 'Zoek', exact: true }));
    await DesiredJobFormPage.verifyOnPage(page);
    assert.equal(new URL(page.url()).hash, '#verder');
    const first = page.getByRole('group', { name: 'Kies het beroep' }).getByRole('radio').first();
    assert.equal(await tabReaches(page, first), true, 'one Tab reaches the first occupation found');
  });
  it('issue 15 defect 7: "Attest afdrukken" with missing data shows the errors on the form in the same tab; good data open the PDF in a new tab', async () => {
    const page = await get().newPage();
    await logInAs(page, 'begeleider@demo.be');
    await MyClientsPage.verifyOnPage(page);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toegang aanvragen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toegang aanvragen' }).waitFor();
    const opened: Page[] = [];
    page.context().on('page', (other) => opened.push(other));

    await page.getByLabel('Familienaam *').fill('Alleman');
    await clickAndWaitForLoad(page, page.getByRole('button', { name: 'Attest afdrukken' }));
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Er is een probleem' }) });
    assert.equal(await summary.isVisible(), true, 'the errors are on the form, in this tab');
    assert.ok((await summary.getByRole('link').allInnerTexts()).includes('Vul de voornaam in'));
    assert.equal(await page.getByLabel('Familienaam *').inputValue(), 'Alleman', 'the input is kept');
    assert.equal(opened.length, 0, 'no other tab opened');
    await assertNoAccessibilityViolations(page);
    opened.length = 0; // axe finishes its run in a blank page of its own

    const birth = '1990-04-02' as CalendarDate;
    await page.getByLabel('INSZ *').fill(makeInsz(birth, 77));
    await page.getByLabel('Voornaam *').fill('Ada');
    const date = async (legend: string, dag: string, maand: string, jaar: string) => {
      const group = page.getByRole('group', { name: legend });
      await group.getByLabel('Dag', { exact: true }).fill(dag);
      await group.getByLabel('Maand', { exact: true }).fill(maand);
      await group.getByLabel('Jaar', { exact: true }).fill(jaar);
    };
    await date('Geboortedatum *', '02', '04', '1990');
    await page.getByLabel('Algemeen regime').check();
    await date('Startdatum *', '01', '12', '2026');
    await date('Einddatum *', '31', '05', '2027');
    await clickAndWaitForLoad(page, page.getByRole('button', { name: 'Attest afdrukken' }));
    const ready = page.getByRole('region', { name: 'Attest afdrukken' });
    assert.equal(await ready.getByRole('heading', { name: 'Het attest is klaar om af te drukken' }).isVisible(), true);
    assert.equal(await page.getByLabel('Voornaam *').inputValue(), 'Ada', 'the form keeps the data');
    assert.equal(opened.length, 0, `still no other tab: ${opened.map((o) => o.url()).join(', ')}`);
    await assertNoAccessibilityViolations(page);
    opened.length = 0;

    const pdf = page.context().waitForEvent('response', (response: Response) => new URL(response.url()).pathname === '/toegang-aanvragen/afdrukken/pdf');
    const tab = page.context().waitForEvent('page');
    await ready.getByRole('button', { name: 'Open het attest (pdf, nieuw tabblad)' }).click();
    await tab;
    const answer = await pdf;
    assert.equal(answer.status(), 200);
    assert.equal(answer.headers()['content-type'], 'application/pdf', 'the new tab holds the PDF');
    assert.equal(opened.length, 1, 'the PDF opened in one new tab');
  });
});
