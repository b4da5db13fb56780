/**
 * Documents in the browser (D1–D6): "Documenten overzicht" on Begeleiding > Traject, the form
 * "Document toevoegen", the Documenten tab, "Volledige logging" and "Document intrekken".
 * Everything is found by its role and its Dutch words, as a user finds it.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { TEST_NOW } from '../../support/test-app.ts';
import { TrajectPage } from './dossier-pages.ts';
import { assertHeading, PortalPage } from './portal-page.ts';

/** The application's "today" as "Datum toevoegen" shows it: dd-mm-jjjj, the test clock's day in Brussels. */
export const TODAY_WITH_DASHES = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric' })
  .format(TEST_NOW)
  .replace(/\//g, '-');

export type DocumentRow = Readonly<{ document: string; kind: string; date: string }>;

export type ChosenFile = Readonly<{ name: string; mimeType: string; buffer: Buffer }>;

export type DocumentKindLabel = 'Actieplan' | 'Eindverslag' | 'Attest' | 'Ander document';

async function successMessageOn(page: Page): Promise<string | null> {
  const banner = page.getByRole('alert', { name: 'Gelukt' });
  if ((await banner.count()) === 0) return null;
  return (await banner.getByRole('paragraph').innerText()).trim();
}

/** The rows of a documents table: Document, Soort, Datum toevoegen. */
async function rowsOf(table: Locator): Promise<DocumentRow[]> {
  if ((await table.count()) === 0) return [];
  const rows = await table.getByRole('row').filter({ has: table.page().getByRole('cell') }).all();
  return Promise.all(
    rows.map(async (row) => {
      const cells = row.getByRole('cell');
      return {
        document: (await cells.nth(0).innerText()).trim(),
        kind: (await cells.nth(1).innerText()).trim(),
        date: (await cells.nth(2).innerText()).trim(),
      };
    }),
  );
}

/** Clicks a document's link and returns the bytes the browser saved. */
async function downloadFrom(page: Page, link: Locator): Promise<{ fileName: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  const path = await download.path();
  return { fileName: download.suggestedFilename(), bytes: await readFile(path) };
}

/** Begeleiding > Traject with its "Documenten overzicht" (D1). */
export class TrajectDocumentsPage extends TrajectPage {
  static override async verifyOnPage(page: Page): Promise<TrajectDocumentsPage> {
    await TrajectPage.verifyOnPage(page);
    await page.getByRole('heading', { level: 2, name: 'Documenten overzicht' }).waitFor();
    return new TrajectDocumentsPage(page);
  }

  private documentsTable(): Locator {
    return this.page.getByRole('table', { name: 'Documenten overzicht, nieuwste eerst' });
  }

  async documentRows(): Promise<DocumentRow[]> {
    return rowsOf(this.documentsTable());
  }

  async successMessage(): Promise<string | null> {
    return successMessageOn(this.page);
  }

  async addDocument(): Promise<DocumentFormPage> {
    await this.page.getByRole('link', { name: 'Voeg toe', exact: true }).click();
    return DocumentFormPage.verifyOnPage(this.page);
  }

  async download(publicationName: string): Promise<{ fileName: string; bytes: Buffer }> {
    return downloadFrom(this.page, this.documentsTable().getByRole('link', { name: publicationName, exact: true }));
  }

  async openFullLog(): Promise<DocumentLogPage> {
    await this.page.getByRole('link', { name: 'Volledige logging', exact: true }).click();
    return DocumentLogPage.verifyOnPage(this.page);
  }

  /** "Soort wijzigen" of one of the own organisation's documents (D7). */
  async openKindCorrection(publicationName: string): Promise<DocumentKindPage> {
    await this.documentsTable().getByRole('link', { name: `Soort wijzigen van ${publicationName}`, exact: true }).click();
    return DocumentKindPage.verifyOnPage(this.page);
  }
}

/** "Soort wijzigen" (D7, issue 15 defect 2): the Soort of a document of the own organisation, and its history. */
export class DocumentKindPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<DocumentKindPage> {
    await assertHeading(page, 'Soort wijzigen');
    return new DocumentKindPage(page);
  }

  async choose(kind: DocumentKindLabel): Promise<void> {
    await this.page.getByRole('group', { name: 'Soort' }).getByLabel(kind, { exact: true }).check();
  }

  /** "Bewaar": back where the user came from. */
  async save(): Promise<void> {
    const loaded = this.page.waitForEvent('load');
    await this.page.getByRole('button', { name: 'Bewaar' }).click();
    await loaded;
  }

  /** The titles of the history, oldest first, with the old and new kind of a correction. */
  async history(): Promise<string[]> {
    const items = await this.page.getByRole('heading', { level: 3 }).allInnerTexts();
    return items.map((text) => text.trim());
  }
}

/** "Document toevoegen" (D2): Publicatienaam*, Soort, Document*, "Bewaar" or "Annuleer". */
export class DocumentFormPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<DocumentFormPage> {
    await assertHeading(page, 'Document toevoegen');
    return new DocumentFormPage(page);
  }

  async fill(fields: { publicationName: string; kind: DocumentKindLabel; file: ChosenFile }): Promise<void> {
    await this.page.getByLabel('Publicatienaam').fill(fields.publicationName);
    await this.page.getByRole('group', { name: 'Soort' }).getByLabel(fields.kind, { exact: true }).check();
    await this.page.getByLabel('Document *', { exact: true }).setInputFiles(fields.file);
  }

  /** The Soort that is checked, null when none is (issue 15 defect 2: no default). */
  async chosenKind(): Promise<string | null> {
    for (const kind of ['Actieplan', 'Eindverslag', 'Attest', 'Ander document'] as const) {
      if (await this.page.getByRole('group', { name: 'Soort' }).getByLabel(kind, { exact: true }).isChecked()) return kind;
    }
    return null;
  }

  async publicationName(): Promise<string> {
    return this.page.getByLabel('Publicatienaam').inputValue();
  }

  /** "Bewaar": back on Traject when the document was added, or the form again with its messages. */
  async save(): Promise<void> {
    const loaded = this.page.waitForEvent('load');
    await this.page.getByRole('button', { name: 'Bewaar' }).click();
    await loaded;
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('link', { name: 'Annuleer' }).click();
  }

  async errorSummaryMessages(): Promise<string[]> {
    const summary = this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Er is een probleem' }) });
    return (await summary.getByRole('link').allInnerTexts()).map((text) => text.trim());
  }
}

/** The Documenten tab of the dossier (K1): every document, with the filter on Soort. */
export class DocumentsTabPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<DocumentsTabPage> {
    await assertHeading(page, 'Documenten');
    return new DocumentsTabPage(page);
  }

  static async open(page: Page, dossierPath: string): Promise<DocumentsTabPage> {
    await page.goto(`${dossierPath}/documenten`);
    return DocumentsTabPage.verifyOnPage(page);
  }

  async documentRows(): Promise<DocumentRow[]> {
    return rowsOf(this.page.getByRole('table', { name: 'Documenten, nieuwste eerst' }));
  }

  async filterOn(kind: string): Promise<DocumentsTabPage> {
    await this.page.getByLabel('Soort').selectOption({ label: kind });
    const loaded = this.page.waitForEvent('load');
    await this.page.getByRole('button', { name: 'Filter toepassen' }).click();
    await loaded;
    return DocumentsTabPage.verifyOnPage(this.page);
  }

  async openWithdrawal(publicationName: string): Promise<WithdrawPage> {
    await this.page.getByRole('link', { name: `Intrekken ${publicationName}`, exact: true }).click();
    return WithdrawPage.verifyOnPage(this.page);
  }
}

/** "Volledige logging" (D5). */
export class DocumentLogPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<DocumentLogPage> {
    await assertHeading(page, 'Volledige logging');
    return new DocumentLogPage(page);
  }

  /** The lines: Wie, Actie and the document's name, newest first. */
  async lines(): Promise<{ who: string; action: string; document: string }[]> {
    const rows = await this.page.getByRole('main').getByRole('table').getByRole('row').filter({ has: this.page.getByRole('cell') }).all();
    return Promise.all(
      rows.map(async (row) => {
        const cells = row.getByRole('cell');
        return {
          who: (await cells.nth(1).innerText()).trim(),
          action: (await cells.nth(2).innerText()).trim(),
          document: (await cells.nth(3).innerText()).split('\n')[0]?.trim() ?? '',
        };
      }),
    );
  }
}

/** "Document intrekken" (D4), for a beheerder. */
export class WithdrawPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<WithdrawPage> {
    await assertHeading(page, 'Document intrekken');
    return new WithdrawPage(page);
  }

  async withdraw(reason: string): Promise<DocumentsTabPage> {
    await this.page.getByLabel('Reden').fill(reason);
    await this.page.getByRole('button', { name: 'Intrekken' }).click();
    const tab = await DocumentsTabPage.verifyOnPage(this.page);
    assert.ok(((await successMessageOn(this.page)) ?? '').endsWith('is ingetrokken.'));
    return tab;
  }
}
