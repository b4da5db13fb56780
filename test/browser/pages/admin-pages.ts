/**
 * The administration pages of issue 12 in the browser (the organisation half): "Beheer",
 * "Organisaties", an organisation with its offices, funding numbers and step types. Found by
 * role and Dutch words, as a user finds them.
 */
import type { Locator, Page } from 'playwright-core';
import { assertHeading, PortalPage } from './portal-page.ts';

async function clickAndLoad(page: Page, control: Locator): Promise<void> {
  const loaded = page.waitForEvent('load');
  await control.click();
  await loaded;
}

abstract class AdminPage extends PortalPage {
  async banner(): Promise<string | null> {
    const banner = this.page.getByRole('region', { name: /Gelukt|Informatie/ }).or(this.page.getByRole('alert', { name: /Gelukt|Informatie/ }));
    if ((await banner.count()) === 0) return null;
    return (await banner.first().innerText()).replace(/^(Gelukt|Informatie)\s*/, '').trim();
  }

  async errorSummaryMessages(): Promise<string[]> {
    const summary = this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Er is een probleem' }) });
    return (await summary.getByRole('link').allInnerTexts()).map((text) => text.trim());
  }

  async save(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Bewaar' }));
  }
}

export class AdminHomePage extends AdminPage {
  static async open(page: Page): Promise<AdminHomePage> {
    await clickAndLoad(page, page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }));
    await assertHeading(page, 'Beheer');
    return new AdminHomePage(page);
  }

  async openOrganisations(): Promise<OrganisationListPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Organisaties' }));
    await assertHeading(this.page, 'Organisaties');
    return new OrganisationListPage(this.page);
  }
}

export class OrganisationListPage extends AdminPage {
  async addOrganisation(): Promise<OrganisationFormPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Organisatie toevoegen' }));
    await assertHeading(this.page, 'Organisatie toevoegen');
    return new OrganisationFormPage(this.page);
  }
}

export class OrganisationFormPage extends AdminPage {
  async fill(kind: string, name: string, enterpriseNumber: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Soort *' }).getByLabel(kind, { exact: true }).check();
    await this.page.getByLabel('Naam *', { exact: true }).fill(name);
    await this.page.getByLabel('Ondernemingsnummer (KBO) *', { exact: true }).fill(enterpriseNumber);
  }
}

export class OrganisationDetailPage extends AdminPage {
  static async verifyOnPage(page: Page, name: string): Promise<OrganisationDetailPage> {
    await assertHeading(page, name);
    return new OrganisationDetailPage(page);
  }

  async addOffice(): Promise<OfficeFormPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Vestiging toevoegen' }));
    await assertHeading(this.page, 'Vestiging toevoegen');
    return new OfficeFormPage(this.page);
  }

  async addFundingNumber(): Promise<FundingNumberFormPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Financieringsnummer toevoegen' }));
    await assertHeading(this.page, 'Financieringsnummer toevoegen');
    return new FundingNumberFormPage(this.page);
  }

  async changeStepTypes(): Promise<StepTypesFormPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Toegelaten staptypes wijzigen' }));
    await assertHeading(this.page, 'Toegelaten staptypes');
    return new StepTypesFormPage(this.page);
  }

  /** The rows of a table under its h2 ("Vestigingen", "Financieringsnummers"), cells joined by " | ". */
  async rows(caption: string): Promise<string[]> {
    const rows = this.page.getByRole('table', { name: caption }).getByRole('row');
    return (await rows.allInnerTexts()).slice(1).map((row) => row.split('\t').map((cell) => cell.trim()).join(' | '));
  }

  async allowedStepTypes(): Promise<string[]> {
    const list = this.page.getByRole('heading', { name: 'Toegelaten staptypes' }).locator('xpath=following-sibling::ul[1]');
    return (await list.getByRole('listitem').allInnerTexts()).map((t) => t.trim());
  }
}

export class OfficeFormPage extends AdminPage {
  async fill(office: { name: string; code: string; street: string; postcode: string; city: string }): Promise<void> {
    await this.page.getByLabel('Naam *', { exact: true }).fill(office.name);
    await this.page.getByLabel('Code *', { exact: true }).fill(office.code);
    await this.page.getByLabel('Straat en huisnummer *', { exact: true }).fill(office.street);
    await this.page.getByLabel('Postcode *', { exact: true }).fill(office.postcode);
    await this.page.getByLabel('Gemeente *', { exact: true }).fill(office.city);
  }
}

export class FundingNumberFormPage extends AdminPage {
  async fill(code: string, description: string, validFrom: { day: string; month: string; year: string }): Promise<void> {
    await this.page.getByLabel('Code *', { exact: true }).fill(code);
    await this.page.getByLabel('Omschrijving *', { exact: true }).fill(description);
    const from = this.page.getByRole('group', { name: 'Geldig vanaf *' });
    await from.getByLabel('Dag', { exact: true }).fill(validFrom.day);
    await from.getByLabel('Maand', { exact: true }).fill(validFrom.month);
    await from.getByLabel('Jaar', { exact: true }).fill(validFrom.year);
  }
}

export class StepTypesFormPage extends AdminPage {
  async allow(label: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: label, exact: true }).check();
  }
}
