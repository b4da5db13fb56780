/** Page objects of Beheer > Gebruikers and "Wachtwoord kiezen" (issue 12), found by role and label. */
import type { Page } from 'playwright-core';
import { assertHeading, PortalPage } from './portal-page.ts';

export class UsersPage extends PortalPage {
  static async open(page: Page): Promise<UsersPage> {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Gebruikers' }).click();
    return UsersPage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page): Promise<UsersPage> {
    await assertHeading(page, 'Gebruikers');
    return new UsersPage(page);
  }

  /** The e-mail addresses in the table, in its order. */
  async emails(): Promise<string[]> {
    const emails: string[] = [];
    for (const row of await this.page.getByRole('table', { name: 'Gebruikers' }).getByRole('row').all()) {
      const cells = row.getByRole('cell');
      if ((await cells.count()) > 1) emails.push((await cells.nth(1).innerText()).trim());
    }
    return emails;
  }

  async invite(): Promise<InvitePage> {
    await this.page.getByRole('button', { name: 'Gebruiker uitnodigen' }).click();
    return InvitePage.verifyOnPage(this.page);
  }
}

export class InvitePage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<InvitePage> {
    await assertHeading(page, 'Gebruiker uitnodigen');
    return new InvitePage(page);
  }

  async fill(fields: { email: string; name: string; role: string; office: string }): Promise<void> {
    await this.page.getByLabel('E-mailadres *').fill(fields.email);
    await this.page.getByLabel('Naam *').fill(fields.name);
    await this.page.getByLabel('Rol *').selectOption({ label: fields.role });
    await this.page.getByLabel('Vestiging *').selectOption({ label: fields.office });
  }

  async send(): Promise<void> {
    await this.page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  }

  async errorSummaryMessages(): Promise<string[]> {
    const summary = this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Er is een probleem' }) });
    return (await summary.getByRole('link').allInnerTexts()).map((text) => text.trim());
  }
}

export class ChoosePasswordPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<ChoosePasswordPage> {
    await assertHeading(page, 'Wachtwoord kiezen');
    return new ChoosePasswordPage(page);
  }

  async choose(password: string, repeated = password): Promise<void> {
    await this.page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(password);
    await this.page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill(repeated);
    await this.page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  }
}
