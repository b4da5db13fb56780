/**
 * Issue 15 defect 9: the confirmation page of a final action (Geannuleerd, Stopzetten,
 * Goedkeuren, Afwijzen): its question as h1, what will happen, and a yes and a no button.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { PortalPage } from './portal-page.ts';
import { clickAndWaitForLoad } from './steps-pages.ts';

export class ConfirmPage extends PortalPage {
  static async verifyOnPage(page: Page, question: RegExp): Promise<ConfirmPage> {
    const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    assert.match(heading, question, `expected the confirmation page at ${page.url()}`);
    await page.getByRole('button', { name: 'Nee, ga terug' }).waitFor();
    return new ConfirmPage(page);
  }

  async heading(): Promise<string> {
    return (await this.page.getByRole('heading', { level: 1 }).innerText()).trim();
  }

  /** A value of the summary of what will happen. */
  async value(key: string): Promise<string> {
    const term = this.page.getByRole('main').getByRole('term').filter({ hasText: new RegExp(`^\\s*${key}\\s*$`) }).first();
    return (await term.locator('xpath=..').getByRole('definition').innerText()).trim();
  }

  /** The text of the main part (the notice and the warning included). */
  async text(): Promise<string> {
    return (await this.page.getByRole('main').innerText()).trim();
  }

  /** The yes button, by its words ("Ja, …"). */
  async confirm(button: string | RegExp): Promise<void> {
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: button }));
  }

  async back(): Promise<void> {
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: 'Nee, ga terug' }));
  }
}
