/**
 * Issue 12 in a real browser (the organisation half): the beheerder of the demo world onboards a
 * new outplacement office: an organisation with a valid KBO number, its first office, a funding
 * number and the Outplacement step type. Every page passes axe, also with an error summary.
 * Issue 17 items 6 and 7: /api/docs, opened without logging in, renders the OpenAPI document with
 * Swagger UI from our own assets under the portal's CSP, every request on our own origin; the
 * partnerbeheerder finds API-sleutels and Webhooks on one page, Beheer > Koppelingen (axe).
 * (One file, one application and browser: each browser file costs a start of both.)
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { AdminHomePage, OrganisationDetailPage } from './pages/admin-pages.ts';
import { logInAs } from './pages/login-page.ts';
import { assertHeading } from './pages/portal-page.ts';

describeInBrowser('administration in the browser: organisations, API-documentatie, Koppelingen', (get) => {
  it('issue 12 a beheerder creates an organisation with an office, a funding number and the Outplacement step type; every page passes axe', async () => {
    const page = await get().newPage();
    await logInAs(page, 'beheerder@demo.be');
    const home = await AdminHomePage.open(page);
    await assertNoAccessibilityViolations(page);
    const list = await home.openOrganisations();
    assert.ok((await page.getByRole('link', { name: 'Koers Outplacement' }).count()) === 1, 'the demo organisations are listed');
    await assertNoAccessibilityViolations(page);

    const form = await list.addOrganisation();
    await form.fill('Partner (outplacementbureau)', 'Horizon Loopbaanbegeleiding', '0456.123.495');
    await form.save();
    assert.deepEqual(await form.errorSummaryMessages(), ['Dit ondernemingsnummer bestaat niet: controleer de cijfers (het controlegetal klopt niet)']);
    assert.equal(await page.getByLabel('Naam *', { exact: true }).inputValue(), 'Horizon Loopbaanbegeleiding');
    await assertNoAccessibilityViolations(page);
    await page.getByLabel('Ondernemingsnummer (KBO) *', { exact: true }).fill('0123.456.749');
    await form.save();

    let detail = await OrganisationDetailPage.verifyOnPage(page, 'Horizon Loopbaanbegeleiding');
    assert.equal(await detail.banner(), 'De organisatie Horizon Loopbaanbegeleiding is aangemaakt.');
    await assertNoAccessibilityViolations(page);

    const office = await detail.addOffice();
    await office.fill({ name: 'HORIZON LEUVEN', code: '901', street: 'Bondgenotenlaan 1', postcode: '3000', city: 'Leuven' });
    await assertNoAccessibilityViolations(page);
    await office.save();
    detail = await OrganisationDetailPage.verifyOnPage(page, 'Horizon Loopbaanbegeleiding');
    assert.equal(await detail.banner(), 'De vestiging HORIZON LEUVEN (901) is toegevoegd.');

    const funding = await detail.addFundingNumber();
    await funding.fill('HZ-2026-01', 'Outplacement algemeen regime', { day: '1', month: '1', year: '2026' });
    await assertNoAccessibilityViolations(page);
    await funding.save();
    detail = await OrganisationDetailPage.verifyOnPage(page, 'Horizon Loopbaanbegeleiding');
    assert.equal(await detail.banner(), 'Het financieringsnummer HZ-2026-01 is toegevoegd.');

    const stepTypes = await detail.changeStepTypes();
    await stepTypes.allow('Outplacement');
    await assertNoAccessibilityViolations(page);
    await stepTypes.save();
    detail = await OrganisationDetailPage.verifyOnPage(page, 'Horizon Loopbaanbegeleiding');

    assert.deepEqual(await detail.rows('Vestigingen'), ['HORIZON LEUVEN (901) | 901 | Bondgenotenlaan 1, 3000 Leuven']);
    assert.deepEqual(await detail.rows('Financieringsnummers'), ['HZ-2026-01 | Outplacement algemeen regime | 01/01/2026 | Geen einddatum | Geldig']);
    assert.deepEqual(await detail.allowedStepTypes(), ['Outplacement']);
    assert.ok((await page.getByRole('heading', { name: 'Toegelaten staptypes van Horizon Loopbaanbegeleiding gewijzigd' }).count()) === 1, 'the history shows the change');
    await assertNoAccessibilityViolations(page);
  });

  it('issue 17: /api/docs shows the operations of the OpenAPI document, loaded from our own origin only', async () => {
    const page = await get().newPage();
    const requested: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto('/api/docs', { waitUntil: 'commit' });
    await assertHeading(page, 'API-documentatie');
    // The renderer is 1.7 MB of script: on an idle machine it draws in about a second, on a loaded
    // one (several suites on two cores) it may take longer than the default 10 s.
    await page.getByText('Caseload: de klanten met een lopend attest van uw organisatie (A1)').waitFor({ timeout: 30_000 });
    assert.ok(await page.getByRole('button', { name: /GET \/api\/v1\/klanten/ }).first().isVisible(), 'an operation of the document');
    if (process.env['API_DOCS_SCREENSHOT'] !== undefined) await page.screenshot({ path: process.env['API_DOCS_SCREENSHOT'], fullPage: false });
    const origin = get().baseUrl;
    assert.deepEqual(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:')), [], 'no request leaves our origin');
    assert.ok(requested.includes(`${origin}/api/openapi.json`), 'the document is fetched from /api/openapi.json');
    assert.deepEqual(consoleErrors, [], 'no console errors (a CSP refusal would be one)');
  });

  it('issue 17 item 6: the partnerbeheerder opens Beheer > Koppelingen and finds the API-sleutels and the Webhooks on one page; it passes axe', async () => {
    const page = await get().newPage();
    await logInAs(page, 'partnerbeheerder@demo.be');
    await page.goto('/beheer');
    await page.getByRole('link', { name: 'Koppelingen', exact: true }).click();
    await assertHeading(page, 'Koppelingen');
    for (const section of ['API-sleutels', 'Webhooks']) assert.ok(await page.getByRole('heading', { level: 2, name: section, exact: true }).isVisible(), section);
    assert.ok(await page.getByRole('button', { name: 'Nieuwe API-sleutel' }).isVisible());
    assert.ok(await page.getByRole('button', { name: 'Webhook toevoegen' }).isVisible());
    await assertNoAccessibilityViolations(page);
  });
});
