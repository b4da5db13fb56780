/**
 * Keeping the dossier up to date in the browser (K1–K3): the tabs "Profiel & Gewenste jobs" and
 * "Cv's" with their forms, Begeleiding > Interne opmerking and the beheerder's catalogue. Found
 * by role and Dutch words, as a user finds them.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { assertHeading, PortalPage } from './portal-page.ts';

/** Clicks a control that loads a page (a link, or a button posting a form) and waits for it. */
async function clickAndLoad(page: Page, control: Locator): Promise<void> {
  const loaded = page.waitForEvent('load');
  await control.click();
  await loaded;
}

/** Opens a tab of the dossier ("Dossier" navigation) or a subtab of Begeleiding. */
export async function openDossierTab(page: Page, name: string, navigation: 'Dossier' | 'Begeleiding' = 'Dossier'): Promise<void> {
  await clickAndLoad(page, page.getByRole('navigation', { name: navigation, exact: true }).getByRole('link', { name, exact: true }));
}

abstract class UpkeepPage extends PortalPage {
  /** The text of the banner after a redirect ("Gelukt" or "Informatie"), or null. */
  async banner(): Promise<string | null> {
    const banner = this.page.getByRole('region', { name: /Gelukt|Informatie/ }).or(this.page.getByRole('alert', { name: /Gelukt|Informatie/ }));
    if ((await banner.count()) === 0) return null;
    return (await banner.first().innerText()).replace(/^(Gelukt|Informatie)\s*/, '').trim();
  }

  /** The messages of the error summary "Er is een probleem", in order. */
  async errorSummaryMessages(): Promise<string[]> {
    const summary = this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Er is een probleem' }) });
    return (await summary.getByRole('link').allInnerTexts()).map((text) => text.trim());
  }

  /** The first column of a table named by its caption, e.g. "Opleidingen", without the hidden " wijzigen". */
  async firstColumn(table: string): Promise<string[]> {
    const rows = this.page.getByRole('table', { name: table, exact: true }).getByRole('row');
    const texts: string[] = [];
    for (let i = 1; i < (await rows.count()); i++) texts.push((await rows.nth(i).getByRole('cell').first().innerText()).trim().replace(/\s+wijzigen$/, ''));
    return texts;
  }

  /** The cells of the table row whose first cell starts with `first`. */
  async rowOf(table: string, first: string): Promise<string[]> {
    const row = this.page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: this.page.getByRole('cell').first().filter({ hasText: first }) });
    return (await row.first().getByRole('cell').allInnerTexts()).map((text) => text.trim());
  }

  protected async save(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Bewaar', exact: true }));
  }
}

/** Profiel & Gewenste jobs. */
export class ProfilePage extends UpkeepPage {
  static async verifyOnPage(page: Page): Promise<ProfilePage> {
    await assertHeading(page, 'Profiel & Gewenste jobs');
    return new ProfilePage(page);
  }

  async desiredJobs(): Promise<string[]> {
    // The link reads "<job> wijzigen" to a screen reader; the code follows in small print.
    return (await this.firstColumn('Gewenste jobs')).map((cell) => cell.replace(/\s+ISCO \S+$/, '').replace(/\s+wijzigen$/, ''));
  }

  async addDesiredJob(): Promise<DesiredJobFormPage> {
    // A link drawn as a button (govuk's button with href) has the role "button".
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Gewenste job toevoegen' }));
    return DesiredJobFormPage.verifyOnPage(this.page);
  }

  async openDesiredJob(title: string): Promise<DesiredJobFormPage> {
    await clickAndLoad(this.page, this.page.getByRole('table', { name: 'Gewenste jobs' }).getByRole('link', { name: `${title} wijzigen` }));
    return DesiredJobFormPage.verifyOnPage(this.page);
  }

  /** The value next to a key of the summary lists ("Telefoon", "Beschikbaar vanaf"). */
  async value(key: string): Promise<string> {
    const term = this.page.getByRole('main').getByRole('term').filter({ hasText: new RegExp(`^\\s*${key}\\s*$`) });
    return (await term.locator('xpath=..').getByRole('definition').first().innerText()).trim();
  }

  async changeContact(): Promise<ContactFormPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Wijzigen telefoon' }));
    return ContactFormPage.verifyOnPage(this.page);
  }
}

/** "Gewenste job toevoegen" / "Gewenste job wijzigen". */
export class DesiredJobFormPage extends UpkeepPage {
  static async verifyOnPage(page: Page): Promise<DesiredJobFormPage> {
    const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    assert.ok(heading === 'Gewenste job toevoegen' || heading === 'Gewenste job wijzigen', `expected a desired job form, got "${heading}"`);
    return new DesiredJobFormPage(page);
  }

  /** Types in "Beroep zoeken" and presses "Zoek"; the matches come back as radio buttons. */
  async searchOccupation(query: string): Promise<string[]> {
    await this.page.getByLabel('Beroep zoeken (naam of ISCO-code)').fill(query);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Zoek', exact: true }));
    return (await this.page.getByRole('group', { name: 'Kies het beroep' }).getByRole('radio').all()).length > 0
      ? (await this.page.getByRole('group', { name: 'Kies het beroep' }).locator('label').allInnerTexts()).map((t) => t.trim())
      : [];
  }

  async chooseOccupation(title: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Kies het beroep' }).getByLabel(title, { exact: true }).check();
  }

  async choose(group: 'Ervaring *' | 'Regime *', option: string): Promise<void> {
    await this.page.getByRole('group', { name: group }).getByLabel(option, { exact: true }).check();
  }

  async setRegion(region: string, on = true): Promise<void> {
    const box = this.page.getByRole('group', { name: "Regio's *" }).getByLabel(region, { exact: true });
    if (on) await box.check();
    else await box.uncheck();
  }

  async saveForm(): Promise<void> {
    await this.save();
  }
}

/** "Contactgegevens wijzigen". */
export class ContactFormPage extends UpkeepPage {
  static async verifyOnPage(page: Page): Promise<ContactFormPage> {
    await assertHeading(page, 'Contactgegevens wijzigen');
    return new ContactFormPage(page);
  }

  async fill(fields: Partial<Record<'Telefoon' | 'E-mailadres' | 'Straat en huisnummer' | 'Postcode' | 'Gemeente', string>>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async saveForm(): Promise<void> {
    await this.save();
  }
}

/** Cv's. */
export class CvPage extends UpkeepPage {
  static async verifyOnPage(page: Page): Promise<CvPage> {
    await assertHeading(page, "Cv's");
    return new CvPage(page);
  }

  async add(what: 'Opleiding' | 'Werkervaring' | 'Taal'): Promise<CvItemFormPage> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: `${what} toevoegen` }));
    return CvItemFormPage.verifyOnPage(this.page, `${what} toevoegen`);
  }

  async changeLicences(): Promise<LicencesFormPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Wijzigen rijbewijzen' }));
    return LicencesFormPage.verifyOnPage(this.page);
  }

  async licences(): Promise<string> {
    const term = this.page.getByRole('main').getByRole('term').filter({ hasText: /^\s*Rijbewijzen\s*$/ });
    return (await term.locator('xpath=..').getByRole('definition').first().innerText()).trim();
  }

  async addCompetence(text: string): Promise<void> {
    await this.page.getByLabel('Competentie', { exact: true }).fill(text);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Competentie toevoegen' }));
  }

  async competences(): Promise<string[]> {
    const items = this.page.getByRole('list', { name: 'Competenties' }).getByRole('listitem');
    return Promise.all((await items.all()).map(async (item) => (await item.locator('span').first().innerText()).trim()));
  }

  /**
   * "CV afdrukken": fetches the link's address in the page (the user's session) and returns
   * the answer's type and first bytes, as a browser that opens the PDF receives them.
   */
  async printedCv(): Promise<{ status: number; type: string; start: string; size: number }> {
    const href = await this.page.getByRole('button', { name: 'CV afdrukken' }).getAttribute('href');
    assert.ok(href !== null, '"CV afdrukken" is a link drawn as a button');
    return this.page.evaluate(async (address) => {
      const response = await fetch(address);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, type: response.headers.get('content-type') ?? '', start: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
    }, href);
  }
}

/** "Opleiding toevoegen", "Werkervaring toevoegen", "Taal toevoegen" and their "wijzigen" forms. */
export class CvItemFormPage extends UpkeepPage {
  static async verifyOnPage(page: Page, title: string): Promise<CvItemFormPage> {
    await assertHeading(page, title);
    return new CvItemFormPage(page);
  }

  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) {
      // A select is a combobox; anything else a text box.
      const select = this.page.getByRole('combobox', { name: label, exact: true });
      if ((await select.count()) > 0) await select.selectOption({ label: value });
      else await this.page.getByLabel(label, { exact: true }).fill(value);
    }
  }

  /** The two boxes of a month field ("Van *", "Tot"). */
  async fillMonth(legend: string, maand: string, jaar: string): Promise<void> {
    const group = this.page.getByRole('group', { name: legend, exact: true });
    await group.getByLabel('Maand').fill(maand);
    await group.getByLabel('Jaar').fill(jaar);
  }

  async choose(group: string, option: string): Promise<void> {
    await this.page.getByRole('group', { name: group, exact: true }).getByLabel(option, { exact: true }).check();
  }

  async saveForm(): Promise<void> {
    await this.save();
  }
}

/** "Rijbewijzen wijzigen". */
export class LicencesFormPage extends UpkeepPage {
  static async verifyOnPage(page: Page): Promise<LicencesFormPage> {
    await assertHeading(page, 'Rijbewijzen wijzigen');
    return new LicencesFormPage(page);
  }

  async set(category: string, on: boolean): Promise<void> {
    const box = this.page.getByLabel(category, { exact: true });
    if (on) await box.check();
    else await box.uncheck();
  }

  async saveForm(): Promise<void> {
    await this.save();
  }
}

/** Begeleiding > Interne opmerking. */
export class NotesPage extends UpkeepPage {
  static async verifyOnPage(page: Page): Promise<NotesPage> {
    await assertHeading(page, 'Interne opmerking');
    return new NotesPage(page);
  }

  async add(text: string): Promise<void> {
    await this.page.getByLabel('Nieuwe opmerking *').fill(text);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Opmerking toevoegen' }));
  }

  async notes(): Promise<string[]> {
    const items = this.page.getByRole('list', { name: 'Opmerkingen' }).getByRole('listitem');
    return Promise.all((await items.all()).map(async (item) => (await item.getByRole('paragraph').last().innerText()).trim()));
  }
}

/** The beheerder's Beroepencatalogus. */
export class OccupationsPage extends UpkeepPage {
  static async verifyOnPage(page: Page): Promise<OccupationsPage> {
    await assertHeading(page, 'Beroepencatalogus');
    return new OccupationsPage(page);
  }

  async addOccupation(title: string, iscoGroup: string): Promise<void> {
    await this.page.getByLabel('Naam van het beroep *').fill(title);
    await this.page.getByLabel('ISCO-08-beroepsgroep *').fill(iscoGroup);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Toevoegen' }));
  }
}
