/**
 * The client dossier: the identity bar, the tabs "Klantenportret" and "Begeleiding" (navigation
 * "Dossier"), and under Begeleiding the subtabs "Stappen naar werk" and "Traject".
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { assertHeading, PortalPage } from './portal-page.ts';

abstract class DossierPage extends PortalPage {
  /** Checks that the identity bar above the tabs names the client, with "Geboren dd/mm/jjjj". */
  async assertIdentity(name: string, birthDate: string): Promise<void> {
    // The identity bar has no role or landmark to find it by, so its words are looked for.
    assert.equal(await this.page.getByText(name, { exact: true }).count(), 1, `identity bar shows "${name}"`);
    assert.equal(await this.page.getByText(`Geboren ${birthDate}`, { exact: true }).count(), 1, `identity bar shows "Geboren ${birthDate}"`);
  }

  /** The tab or subtab marked as the current page (aria-current="page"). */
  async currentTab(navigation: 'Dossier' | 'Begeleiding'): Promise<string> {
    const current = this.page.getByRole('navigation', { name: navigation, exact: true }).locator('[aria-current="page"]');
    return (await current.innerText()).trim();
  }

  async openBegeleiding(): Promise<StepsToWorkPage> {
    await this.tab('Dossier', 'Begeleiding').click();
    return StepsToWorkPage.verifyOnPage(this.page);
  }

  async openKlantenportret(): Promise<PortraitPage> {
    await this.tab('Dossier', 'Klantenportret').click();
    return PortraitPage.verifyOnPage(this.page);
  }

  protected tab(navigation: 'Dossier' | 'Begeleiding', name: string): Locator {
    return this.page.getByRole('navigation', { name: navigation, exact: true }).getByRole('link', { name, exact: true });
  }
}

/** Klantenportret: identity, contact and the attests outplacement. */
export class PortraitPage extends DossierPage {
  static async verifyOnPage(page: Page): Promise<PortraitPage> {
    await assertHeading(page, 'Klantenportret');
    return new PortraitPage(page);
  }

  /** The value next to a key of the summary lists ("Geboortedatum", "Adres"...). */
  async value(key: string): Promise<string> {
    const term = this.page.getByRole('main').getByRole('term').filter({ hasText: new RegExp(`^\\s*${key}\\s*$`) });
    const row = term.locator('xpath=..');
    return (await row.getByRole('definition').innerText()).trim();
  }

  /** The "Aandachtspunten": what the consultant must still do (K1); none when there is no such region. */
  async warnings(): Promise<string[]> {
    const region = this.page.getByRole('region', { name: 'Aandachtspunten' });
    if ((await region.count()) === 0) return [];
    return (await region.getByRole('listitem').allInnerTexts()).map((text) => text.trim());
  }
}

/** Begeleiding > Stappen naar werk. */
export class StepsToWorkPage extends DossierPage {
  static async verifyOnPage(page: Page): Promise<StepsToWorkPage> {
    await assertHeading(page, 'Stappen naar werk');
    return new StepsToWorkPage(page);
  }

  async openTraject(): Promise<TrajectPage> {
    await this.tab('Begeleiding', 'Traject').click();
    return TrajectPage.verifyOnPage(this.page);
  }
}

/** Begeleiding > Traject. */
export class TrajectPage extends DossierPage {
  static async verifyOnPage(page: Page): Promise<TrajectPage> {
    await assertHeading(page, 'Traject');
    return new TrajectPage(page);
  }

  async openStappenNaarWerk(): Promise<StepsToWorkPage> {
    await this.tab('Begeleiding', 'Stappen naar werk').click();
    return StepsToWorkPage.verifyOnPage(this.page);
  }
}
