import type { Page } from 'playwright-core';
import { PortraitPage } from './dossier-pages.ts';
import { assertHeading, PortalPage } from './portal-page.ts';

/** "Mijn klanten": the clients of the partner's organisation with a running attest. */
export class MyClientsPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<MyClientsPage> {
    await assertHeading(page, 'Mijn klanten');
    return new MyClientsPage(page);
  }

  /** The client names in the table, as their links read. */
  async clientNames(): Promise<string[]> {
    return (await this.page.getByRole('table').getByRole('rowheader').getByRole('link').allInnerTexts()).map((name) => name.trim());
  }

  async openClient(name: string): Promise<PortraitPage> {
    await this.page.getByRole('table').getByRole('link', { name, exact: true }).click();
    return PortraitPage.verifyOnPage(this.page);
  }
}
