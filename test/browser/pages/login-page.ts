import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/services/demo/demo-data.ts';
import { assertHeading, PortalPage } from './portal-page.ts';

/** "Aanmelden": e-mail address and password. */
export class LoginPage extends PortalPage {
  static async open(page: Page): Promise<LoginPage> {
    await page.goto('/aanmelden');
    return LoginPage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page): Promise<LoginPage> {
    await assertHeading(page, 'Aanmelden');
    return new LoginPage(page);
  }

  /** Fills the form and presses "Aanmelden"; where the portal goes next depends on the role. */
  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('E-mailadres').fill(email);
    // exact: the "Toon wachtwoord" button is labelled with the word too.
    await this.page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await this.submit();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Aanmelden' }).click();
  }

  /** The messages of the error summary ("Er is een probleem"), in order. */
  async errorSummaryMessages(): Promise<string[]> {
    const summary = this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Er is een probleem' }) });
    return (await summary.getByRole('link').allInnerTexts()).map((text) => text.trim());
  }

  async notice(text: string): Promise<void> {
    assert.equal(await this.page.getByText(text, { exact: true }).count(), 1, `expected the notice "${text}"`);
  }
}

/** Opens "Aanmelden" and logs in; the caller verifies the page the role lands on. */
export async function logInAs(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  const login = await LoginPage.open(page);
  await login.logIn(email, password);
}
