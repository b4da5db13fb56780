/**
 * Access by the signed attest outplacement in a real browser (A1–A3, manual section 1): a partner
 * requests access for a client the registry does not know yet (with a small generated PDF as the
 * scan), the secretariaat approves it, and the partner opens the dossier and registers the
 * Outplacement line. Axe on every new page.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { addDays, addMonths, dateInBrussels, dateParts, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import { TEST_NOW } from '../support/test-app.ts';
import { assertFormControlsLabelled, assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { AttestQueuePage, MyRequestsPage, openFromNavigation, RequestAccessPage, type DateBoxes } from './pages/attests-pages.ts';
import { logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { StepsOverviewPage, TODAY } from './pages/steps-pages.ts';

const boxes = (date: CalendarDate): DateBoxes => {
  const { year, month, day } = dateParts(date);
  return { dag: String(day).padStart(2, '0'), maand: String(month).padStart(2, '0'), jaar: String(year) };
};

/** A one-page PDF, as a scanner would send it. */
async function scanPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Attest outplacement - ondertekend', { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

describeInBrowser('access by the signed attest in the browser', (get) => {
  it('A2 A3 A1 manual section 1: a partner requests access for a new client, the secretariaat approves, the partner opens the dossier and registers the Outplacement line', async () => {
    const today = dateInBrussels(TEST_NOW);
    const birth = '1984-06-12' as CalendarDate;
    const client = { insz: makeInsz(birth, 231), familienaam: 'Verstraete', voornaam: 'Lotte' };

    // The partner: "Toegang aanvragen" with the scan.
    const partner = await get().newPage();
    await logInAs(partner, 'begeleider@demo.be');
    await MyClientsPage.verifyOnPage(partner);
    await openFromNavigation(partner, 'Toegang aanvragen');
    const form = await RequestAccessPage.verifyOnPage(partner);
    await assertNoAccessibilityViolations(partner);
    await assertFormControlsLabelled(partner);
    await form.fill({ ...client, geboortedatum: boxes(birth), regime: 'CAO 82 (45+)', start: boxes(addDays(today, -7)), end: boxes(addMonths(today, 6)) });
    await form.submit();
    // Without the scan: the error summary says so, and nothing typed is lost.
    assert.deepEqual(await form.errorSummaryMessages(), ['Kies de scan van het attest dat de klant ondertekende']);
    await assertNoAccessibilityViolations(partner);
    assert.equal(await partner.getByLabel('Familienaam *').inputValue(), 'Verstraete');
    await form.chooseScan('attest Verstraete.pdf', 'application/pdf', await scanPdf());
    await form.submit();
    const mine = await MyRequestsPage.verifyOnPage(partner);
    assert.match((await mine.successMessage()) ?? '', /Je aanvraag is ingediend/);
    assert.equal(await mine.stateOf('Lotte Verstraete'), 'Ingediend');
    await assertNoAccessibilityViolations(partner);

    // The secretariaat: "Te behandelen attesten", the detail, "Origineel ontvangen", "Goedkeuren".
    const staff = await get().newPage();
    await logInAs(staff, 'secretariaat@demo.be');
    await openFromNavigation(staff, 'Te behandelen attesten');
    const queue = await AttestQueuePage.verifyOnPage(staff);
    assert.ok((await queue.clients()).includes('Lotte Verstraete'));
    await assertNoAccessibilityViolations(staff);
    const detail = await queue.open('Lotte Verstraete');
    assert.equal(await detail.value('Regime'), 'CAO 82 (45+)');
    assert.match(await detail.scanLink(), /^\/attesten\/[0-9a-f-]{36}\/scan$/);
    await assertNoAccessibilityViolations(staff);
    await assertFormControlsLabelled(staff);
    await detail.markOriginalReceived();
    const after = await detail.approve();
    assert.match((await after.successMessage()) ?? '', /De aanvraag voor Lotte Verstraete is goedgekeurd/);
    assert.ok(!(await after.clients()).includes('Lotte Verstraete'), 'the request left the queue');

    // The partner: the client is in Mijn klanten; the dossier opens; the Outplacement line is registered.
    await openFromNavigation(partner, 'Mijn aanvragen');
    assert.equal(await (await MyRequestsPage.verifyOnPage(partner)).stateOf('Lotte Verstraete'), 'Goedgekeurd');
    await partner.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn klanten', exact: true }).click();
    const portrait = await (await MyClientsPage.verifyOnPage(partner)).openClient('Lotte Verstraete');
    await portrait.assertIdentity('Lotte Verstraete', '12/06/1984');
    await portrait.openBegeleiding();
    const overview = await StepsOverviewPage.verifyOnPage(partner);
    await overview.openAddStep();
    const step = await overview.chooseStepType('Outplacement');
    await step.fillDate({ dag: TODAY.dag, maand: TODAY.maand, jaar: TODAY.jaar });
    await step.confirm();
    const lines = await StepsOverviewPage.verifyOnPage(partner);
    assert.deepEqual(await lines.rows(), [{ date: TODAY.shown, step: 'Outplacement', state: 'Bezig' }]);
  });

  it('A4 A6 "Verlenging aanvragen" and "Wie bekeek dit dossier" are reached from the dossier and pass axe', async () => {
    const partner = await get().newPage();
    await logInAs(partner, 'begeleider@demo.be');
    await (await MyClientsPage.verifyOnPage(partner)).openClient('Ann Janssens');
    const dossierUrl = new URL(partner.url()).pathname;
    await partner.getByRole('link', { name: 'Verlenging aanvragen' }).click();
    await partner.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await partner.getByRole('heading', { level: 1 }).innerText(), /Verlenging/);
    await assertNoAccessibilityViolations(partner);
    await assertFormControlsLabelled(partner);

    const staff = await get().newPage();
    await logInAs(staff, 'secretariaat@demo.be');
    await staff.goto(new URL(dossierUrl, staff.url()).toString());
    await staff.getByRole('link', { name: 'Wie bekeek dit dossier' }).click();
    assert.equal(await staff.getByRole('heading', { level: 1 }).innerText(), 'Wie bekeek dit dossier');
    // The partner's opening of the dossier above is listed, with its organisation.
    assert.match(await staff.locator('main').innerText(), /Koers Outplacement/);
    await assertNoAccessibilityViolations(staff);
  });
});

