/**
 * The main journeys through the portal in a real browser: a begeleider and service staff
 * opening a dossier, logging out, and the same without JavaScript.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeInBrowser } from '../support/browser.ts';
import { LoginPage, logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { ClientSearchPage } from './pages/search-page.ts';

describeInBrowser('journeys in the browser', (get) => {
  it('A1 a begeleider logs in, opens a client from Mijn klanten and sees its Klantenportret', async () => {
    const page = await get().newPage();
    await logInAs(page, 'begeleider@demo.be');

    const myClients = await MyClientsPage.verifyOnPage(page);
    const names = await myClients.clientNames();
    assert.equal(names.length, 8, `the eight running clients of Koers Outplacement, got ${names.join(', ')}`);
    assert.ok(names.includes('Ann Janssens'));
    assert.ok(!names.includes('Elke Smets'), 'a client of the other partner is not listed');
    assert.ok(!names.includes('Inge Dubois'), 'a client whose access period ended is not listed');
    assert.ok(!names.includes('Rachid Benali'), 'a client whose attest is only submitted is not listed');

    const portrait = await myClients.openClient('Ann Janssens');
    await portrait.assertIdentity('Ann Janssens', '14/03/1971');
    assert.equal(await portrait.currentTab('Dossier'), 'Klantenportret');
    assert.equal(await portrait.value('Familienaam'), 'Janssens');
    assert.equal(await portrait.value('Geboortedatum'), '14/03/1971');
    assert.equal(await portrait.value('Adres'), 'Kerkstraat 12, 2800 Mechelen');

    const steps = await portrait.openBegeleiding();
    assert.equal(await steps.currentTab('Dossier'), 'Begeleiding');
    assert.equal(await steps.currentTab('Begeleiding'), 'Stappen naar werk');
    await steps.assertIdentity('Ann Janssens', '14/03/1971');
  });

  it('A5 service staff search a client by name and open the dossier', async () => {
    const page = await get().newPage();
    await logInAs(page, 'adviseur@demo.be');

    const search = await ClientSearchPage.verifyOnPage(page);
    await search.search('Janssens');
    assert.deepEqual(await search.resultNames(), ['Ann Janssens']);
    assert.ok(!page.url().includes('Janssens'), 'the search term never stands in the address');

    const portrait = await search.openResult('Ann Janssens');
    await portrait.assertIdentity('Ann Janssens', '14/03/1971');
    assert.equal(await portrait.value('Geboortedatum'), '14/03/1971');
  });

  it('"Afmelden" returns to "Aanmelden", after which a dossier address leads to the login page', async () => {
    const page = await get().newPage();
    await logInAs(page, 'begeleider@demo.be');
    const portrait = await (await MyClientsPage.verifyOnPage(page)).openClient('Ann Janssens');
    const dossierPath = portrait.path;

    await portrait.logOut();
    const login = await LoginPage.verifyOnPage(page);
    await login.notice('Je bent afgemeld.');

    await page.goto(dossierPath);
    const again = await LoginPage.verifyOnPage(page);
    assert.equal(again.path, '/aanmelden');
    assert.equal(await page.getByText('Ann Janssens').count(), 0, 'nothing of the dossier is shown');
  });

  it('works without JavaScript: log in and open a dossier', async () => {
    const page = await get().newPage({ javaScriptEnabled: false });
    await logInAs(page, 'begeleider@demo.be');

    const portrait = await (await MyClientsPage.verifyOnPage(page)).openClient('Ann Janssens');
    await portrait.assertIdentity('Ann Janssens', '14/03/1971');
    assert.equal(await portrait.value('Geboortedatum'), '14/03/1971');

    const steps = await portrait.openBegeleiding();
    await steps.openTraject();
  });
});
