/**
 * Documents in a real browser (D1–D6): a consultant adds an action plan as in the manual's
 * section 2, finds it in "Documenten overzicht" with today's date and downloads the same bytes;
 * without JavaScript too; a beheerder withdraws one; axe finds nothing on the new pages.
 *
 * The tests share one application and database and run in this order.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertFormControlsLabelled, assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { DOCX, EXE, MEDIA_TYPES, PDF } from '../support/documents.ts';
import { DocumentFormPage, DocumentLogPage, DocumentsTabPage, TODAY_WITH_DASHES, TrajectDocumentsPage } from './pages/documents-pages.ts';
import type { DocumentKindPage } from './pages/documents-pages.ts';
import type { PortraitPage } from './pages/dossier-pages.ts';
import { logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';

async function assertAccessible(page: Page): Promise<void> {
  await assertNoAccessibilityViolations(page);
  await assertFormControlsLabelled(page);
}

/** Mijn klanten > the client > Begeleiding > Traject, as the manual describes the way. */
async function trajectOf(page: Page, client: string, onPortrait: (portrait: PortraitPage) => Promise<void> = async () => {}): Promise<{ traject: TrajectDocumentsPage; dossierPath: string }> {
  await logInAs(page, 'begeleider@demo.be');
  const portrait = await (await MyClientsPage.verifyOnPage(page)).openClient(client);
  await onPortrait(portrait);
  const dossierPath = portrait.path;
  await (await portrait.openBegeleiding()).openTraject();
  return { traject: await TrajectDocumentsPage.verifyOnPage(page), dossierPath };
}

describeInBrowser('documents in the dossier, in the browser', (get) => {
  it('D2 D1 D6 a consultant adds an action plan as in the manual, sees it with today\'s date and downloads the same bytes', async () => {
    const page = await get().newPage();
    const { traject } = await trajectOf(page, 'Ann Janssens');
    const form = await traject.addDocument();
    await assertAccessible(page);
    await form.fill({ publicationName: 'Actieplan OP-211118', kind: 'Actieplan', file: { name: 'Actieplan Janssens 40920.docx', mimeType: MEDIA_TYPES.docx, buffer: DOCX } });
    await form.save();

    const back = await TrajectDocumentsPage.verifyOnPage(page);
    assert.equal(await back.successMessage(), 'Het document Actieplan OP-211118 is toegevoegd.');
    assert.deepEqual((await back.documentRows())[0], { document: 'Actieplan OP-211118', kind: 'Actieplan', date: TODAY_WITH_DASHES });
    await assertAccessible(page);

    const downloaded = await back.download('Actieplan OP-211118');
    assert.equal(downloaded.fileName, 'Actieplan Janssens 40920.docx');
    assert.ok(downloaded.bytes.equals(DOCX), 'the downloaded bytes are the uploaded ones');

    const log = await back.openFullLog();
    const lines = await log.lines();
    assert.deepEqual(lines.slice(0, 2), [
      { who: 'Bina Peeters (Koers Outplacement)', action: 'Gedownload', document: 'Actieplan OP-211118 (Actieplan)' },
      { who: 'Bina Peeters (Koers Outplacement)', action: 'Toegevoegd', document: 'Actieplan OP-211118 (Actieplan)' },
    ]);
    await assertAccessible(page);
  });

  it('D2 D3 works without JavaScript: a wrong file is refused with its message and the name kept; a good one is added', async () => {
    const page = await get().newPage({ javaScriptEnabled: false });
    const { traject } = await trajectOf(page, 'Ann Janssens');
    const form = await traject.addDocument();
    await form.fill({ publicationName: 'Eindverslag outplacement', kind: 'Eindverslag', file: { name: 'Eindverslag.pdf', mimeType: MEDIA_TYPES.pdf, buffer: EXE } });
    await form.save();
    const again = await DocumentFormPage.verifyOnPage(page);
    assert.deepEqual(await again.errorSummaryMessages(), ['Het document moet een PDF, DOCX, DOC, ODT, JPG of PNG zijn']);
    assert.equal(await again.publicationName(), 'Eindverslag outplacement');

    await again.fill({ publicationName: 'Eindverslag outplacement', kind: 'Eindverslag', file: { name: 'Eindverslag.pdf', mimeType: MEDIA_TYPES.pdf, buffer: PDF } });
    await again.save();
    const back = await TrajectDocumentsPage.verifyOnPage(page);
    // Both documents were added at the same instant of the test clock: their order is not the point here.
    assert.ok((await back.documentRows()).some((r) => r.document === 'Eindverslag outplacement' && r.kind === 'Eindverslag' && r.date === TODAY_WITH_DASHES));
  });

  it('axe: "Document toevoegen" showing errors, the Documenten tab filtered, and "Volledige logging"', async () => {
    const page = await get().newPage();
    const { traject, dossierPath } = await trajectOf(page, 'Ann Janssens');
    const form = await traject.addDocument();
    await form.save();
    const withErrors = await DocumentFormPage.verifyOnPage(page);
    // Issue 15 defect 2: no Soort chosen in advance (the action plan is there), so it is asked for too.
    assert.deepEqual(await withErrors.errorSummaryMessages(), ['Vul de publicatienaam in', 'Kies de soort van het document', 'Kies het document dat je wilt toevoegen']);
    await assertAccessible(page);

    const tab = await DocumentsTabPage.open(page, dossierPath);
    assert.deepEqual((await tab.documentRows()).map((r) => r.document).sort(), ['Actieplan OP-211118', 'Eindverslag outplacement']);
    const plans = await tab.filterOn('Actieplan');
    assert.deepEqual(
      (await plans.documentRows()).map((r) => r.document),
      ['Actieplan OP-211118'],
    );
    await assertAccessible(page);

    await page.goto(`${dossierPath}/documenten/logging`);
    await DocumentLogPage.verifyOnPage(page);
    await assertAccessible(page);
  });

  it('D4 a beheerder withdraws a document with a reason; it leaves the overview and the log says so (axe clean)', async () => {
    const page = await get().newPage();
    const consultant = await get().newPage();
    const { dossierPath } = await trajectOf(consultant, 'Ann Janssens');

    await logInAs(page, 'beheerder@demo.be');
    const tab = await DocumentsTabPage.open(page, dossierPath);
    const withdrawal = await tab.openWithdrawal('Eindverslag outplacement');
    await assertAccessible(page);
    const after = await withdrawal.withdraw('Verkeerde klant: hoort bij een ander dossier');
    assert.deepEqual(
      (await after.documentRows()).map((r) => r.document),
      ['Actieplan OP-211118'],
    );
    await assertAccessible(page);
    await page.goto(`${dossierPath}/documenten/logging`);
    const log = await DocumentLogPage.verifyOnPage(page);
    assert.deepEqual((await log.lines())[0], { who: 'Karin Maes (Dienst Werk en Loopbaan)', action: 'Ingetrokken', document: 'Eindverslag outplacement (Eindverslag)' });
  });

  it('issue 15 defect 2: an action plan stored as "Ander document" is corrected by its organisation; the Klantenportret stops warning (axe clean)', async () => {
    const page = await get().newPage();
    const noPlan = /^Geen actieplan van Koers Outplacement/;
    const { traject } = await trajectOf(page, 'Koen Willems', async (portrait) => {
      assert.ok((await portrait.warnings()).some((w) => noPlan.test(w)), 'the line runs for a month without an action plan');
    });
    // "Voeg toe" on Traject while the action plan is due: Actieplan is chosen in advance, and it says so.
    const form = await traject.addDocument();
    assert.equal(await form.chosenKind(), 'Actieplan');
    // The mistake of the issue: the document goes in as "Ander document".
    await form.fill({ publicationName: 'Actieplan OP-ANN-01', kind: 'Ander document', file: { name: 'Actieplan.pdf', mimeType: MEDIA_TYPES.pdf, buffer: PDF } });
    await form.save();
    const back = await TrajectDocumentsPage.verifyOnPage(page);
    const portrait = await back.openKlantenportret();
    assert.ok((await portrait.warnings()).some((w) => noPlan.test(w)), 'an "Ander document" does not count as the action plan');

    await (await portrait.openBegeleiding()).openTraject();
    const correction = await (await TrajectDocumentsPage.verifyOnPage(page)).openKindCorrection('Actieplan OP-ANN-01');
    await assertAccessible(page);
    await correction.choose('Actieplan');
    await correction.save();
    const after = await TrajectDocumentsPage.verifyOnPage(page);
    assert.equal(await after.successMessage(), 'De soort van het document Actieplan OP-ANN-01 is gewijzigd in Actieplan.');
    assert.deepEqual((await after.documentRows())[0], { document: 'Actieplan OP-ANN-01', kind: 'Actieplan', date: TODAY_WITH_DASHES });
    const corrected = await after.openKlantenportret();
    assert.ok(!(await corrected.warnings()).some((w) => noPlan.test(w)), 'the corrected action plan counts');

    await (await corrected.openBegeleiding()).openTraject();
    const history: DocumentKindPage = await (await TrajectDocumentsPage.verifyOnPage(page)).openKindCorrection('Actieplan OP-ANN-01');
    assert.deepEqual(await history.history(), ['Toegevoegd', 'Soort gewijzigd']);
    await assertAccessible(page);
  });
});
