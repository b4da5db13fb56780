/**
 * axe finds no WCAG 2.0/2.1 A or AA violation on the pages as a user sees them, with the built
 * CSS (colour contrast) and the progressive-enhancement script loaded.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { LoginPage, logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { ClientSearchPage } from './pages/search-page.ts';

describeInBrowser('accessibility (axe, WCAG 2.1 A and AA)', (get) => {
  it('the login page', async () => {
    const page = await get().newPage();
    await LoginPage.open(page);
    await assertNoAccessibilityViolations(page);
  });

  it('the login page showing validation errors', async () => {
    const page = await get().newPage();
    const login = await LoginPage.open(page);
    await login.submit();
    await LoginPage.verifyOnPage(page);
    assert.deepEqual(await login.errorSummaryMessages(), ['Vul je e-mailadres in', 'Vul je wachtwoord in']);
    await assertNoAccessibilityViolations(page);
  });

  it('Mijn klanten', async () => {
    const page = await get().newPage();
    await logInAs(page, 'begeleider@demo.be');
    await MyClientsPage.verifyOnPage(page);
    await assertNoAccessibilityViolations(page);
  });

  it('the dossier Klantenportret', async () => {
    const page = await get().newPage();
    await logInAs(page, 'begeleider@demo.be');
    await (await MyClientsPage.verifyOnPage(page)).openClient('Ann Janssens');
    await assertNoAccessibilityViolations(page);
  });

  it('Begeleiding > Stappen naar werk', async () => {
    const page = await get().newPage();
    await logInAs(page, 'begeleider@demo.be');
    const portrait = await (await MyClientsPage.verifyOnPage(page)).openClient('Ann Janssens');
    await portrait.openBegeleiding();
    await assertNoAccessibilityViolations(page);
  });

  it('Begeleiding > Traject', async () => {
    const page = await get().newPage();
    await logInAs(page, 'begeleider@demo.be');
    const portrait = await (await MyClientsPage.verifyOnPage(page)).openClient('Ann Janssens');
    await (await portrait.openBegeleiding()).openTraject();
    await assertNoAccessibilityViolations(page);
  });

  it('the staff client search with results', async () => {
    const page = await get().newPage();
    await logInAs(page, 'secretariaat@demo.be');
    const search = await ClientSearchPage.verifyOnPage(page);
    await search.search('Janssens');
    await assertNoAccessibilityViolations(page);
  });
});
