/**
 * The second factor in a real browser (ASVS 6.3.3, 6.5): a user sets up "Tweestapsverificatie"
 * from the header, reading the secret shown as text (as someone who cannot scan would), confirms
 * with a code, sees the recovery codes, and logs in again with a code of the app. The test
 * computes each code from that secret at the application's clock (TEST_NOW), as the app would.
 * Every page passes axe (WCAG 2.1 A and AA) and has its controls labelled.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { totpCodeAt } from '../../src/domain/accounts/totp.ts';
import { messages } from '../../src/http/messages/index.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { assertFormControlsLabelled, assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { LoginPage, logInAs } from './pages/login-page.ts';
import { assertHeading } from './pages/portal-page.ts';

async function checked(page: Page): Promise<void> {
  await assertNoAccessibilityViolations(page);
  await assertFormControlsLabelled(page);
}

describeInBrowser('ASVS 6.3.3 second factor in the browser', (get) => {
  it('ASVS 6.3.3 a user sets up the second factor from the secret shown as text, gets 10 recovery codes, and logs in again with a code', async () => {
    const { services } = get();
    const page = await get().newPage();
    await logInAs(page, 'begeleider@demo.be');
    await assertHeading(page, 'Mijn klanten');

    await page.getByRole('banner').getByRole('link', { name: 'Tweestapsverificatie' }).click();
    await assertHeading(page, 'Tweestapsverificatie instellen');
    await checked(page);
    assert.equal(await page.getByRole('img', { name: messages.secondFactor.qrAlt }).count(), 1, 'the QR code, described');
    const secret = (await page.getByLabel('Geheime sleutel').inputValue()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);

    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText(messages.secondFactor.problems.verplicht).first().waitFor();
    assert.equal(await page.getByText(messages.secondFactor.problems.verplicht).count(), 2, 'in the summary and at the field');
    await checked(page);

    await page.getByLabel('Code uit je app').fill(totpCodeAt(secret, services.clock.now()));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await assertHeading(page, 'Je herstelcodes');
    const codes = await page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem').allInnerTexts();
    assert.equal(codes.length, 10);
    for (const code of codes) assert.match(code.trim(), /^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/);
    await checked(page);
    await page.getByRole('button', { name: 'Ik heb mijn herstelcodes bewaard' }).click();
    await assertHeading(page, 'Mijn klanten');

    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    const login = await LoginPage.verifyOnPage(page);
    await login.logIn('begeleider@demo.be', DEMO_PASSWORD);
    await assertHeading(page, 'Verificatiecode');
    await checked(page);

    // The code of the enrolment was used: the same one is refused, with a Dutch reason.
    await page.getByLabel('Verificatiecode').fill(totpCodeAt(secret, services.clock.now()));
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText(messages.secondFactor.problems.hergebruikt).first().waitFor();
    assert.equal(await page.getByText(messages.secondFactor.problems.hergebruikt).count(), 2, 'in the summary and at the field');
    await checked(page);

    // The app's next code (30 s on: within the accepted drift of one step) completes the login.
    await page.getByLabel('Verificatiecode').fill(totpCodeAt(secret, new Date(services.clock.now().getTime() + 30_000)));
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await assertHeading(page, 'Mijn klanten');
  });
});
