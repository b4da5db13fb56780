/**
 * Issue 17 in a real browser. Item 7: /api/docs, opened without logging in, renders the OpenAPI
 * document with Swagger UI from our own assets under the portal's CSP: the operations' Dutch
 * summaries appear, and every request the page makes stays on our own origin. Item 6: the
 * partnerbeheerder finds API-sleutels and Webhooks on one page, Beheer > Koppelingen, which passes axe.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { logInAs } from './pages/login-page.ts';
import { assertHeading } from './pages/portal-page.ts';

describeInBrowser('Issue 17 API-documentatie and Koppelingen in the browser', (get) => {
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
