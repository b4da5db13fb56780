/** What every page of the portal has: its h1, and the header with "Afmelden" once logged in. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Waits for the page's one h1 and checks its words. */
export async function assertHeading(page: Page, expected: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  assert.equal((await heading.innerText()).trim(), expected, `expected the page "${expected}" at ${page.url()}`);
}

export abstract class PortalPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The path of the current address, e.g. `/aanmelden`. */
  get path(): string {
    return new URL(this.page.url()).pathname;
  }

  /** "Afmelden" in the header; the portal returns to "Aanmelden". */
  async logOut(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
  }
}
