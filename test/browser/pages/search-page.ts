import type { Page } from 'playwright-core';
import { PortraitPage } from './dossier-pages.ts';
import { assertHeading, PortalPage } from './portal-page.ts';

/** "Klant zoeken": service staff find any client by INSZ or name (A5). */
export class ClientSearchPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<ClientSearchPage> {
    await assertHeading(page, 'Klant zoeken');
    return new ClientSearchPage(page);
  }

  /** Searches; the results are the answer to the post, on the same page. */
  async search(term: string): Promise<void> {
    await this.page.getByLabel('INSZ-nummer of naam').fill(term);
    await this.page.getByRole('button', { name: 'Zoeken' }).click();
    await assertHeading(this.page, 'Klant zoeken');
    await this.page.getByRole('heading', { level: 2, name: 'Resultaten' }).waitFor();
  }

  /** The names in the results table. */
  async resultNames(): Promise<string[]> {
    return (await this.page.getByRole('table').getByRole('link').allInnerTexts()).map((name) => name.trim());
  }

  async openResult(name: string): Promise<PortraitPage> {
    await this.page.getByRole('table').getByRole('link', { name, exact: true }).click();
    return PortraitPage.verifyOnPage(this.page);
  }
}
