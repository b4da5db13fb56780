/** Page objects of access by the signed attest outplacement (A2–A4): found by role and label, in the manual's words. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertHeading, PortalPage } from './portal-page.ts';
import { clickAndWaitForLoad } from './steps-pages.ts';
import { ConfirmPage } from './confirm-page.ts';

export type DateBoxes = Readonly<{ dag: string; maand: string; jaar: string }>;

async function successMessage(page: Page): Promise<string | null> {
  const banner = page.getByRole('alert', { name: 'Gelukt' });
  return (await banner.count()) === 0 ? null : (await banner.getByRole('paragraph').innerText()).trim();
}

/** "Toegang aanvragen" in the main navigation. */
export async function openFromNavigation(page: Page, item: 'Toegang aanvragen' | 'Mijn aanvragen' | 'Te behandelen attesten'): Promise<void> {
  await clickAndWaitForLoad(page, page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: item, exact: true }));
}

export class RequestAccessPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<RequestAccessPage> {
    await assertHeading(page, 'Toegang aanvragen');
    return new RequestAccessPage(page);
  }

  async fillDate(legend: 'Geboortedatum *' | 'Startdatum *' | 'Einddatum *', date: DateBoxes): Promise<void> {
    const group = this.page.getByRole('group', { name: legend });
    await group.getByLabel('Dag').fill(date.dag);
    await group.getByLabel('Maand').fill(date.maand);
    await group.getByLabel('Jaar').fill(date.jaar);
  }

  async fill(data: { insz: string; familienaam: string; voornaam: string; geboortedatum: DateBoxes; regime: string; start: DateBoxes; end: DateBoxes }): Promise<void> {
    await this.page.getByLabel('INSZ *').fill(data.insz);
    await this.page.getByLabel('Familienaam *').fill(data.familienaam);
    await this.page.getByLabel('Voornaam *').fill(data.voornaam);
    await this.fillDate('Geboortedatum *', data.geboortedatum);
    await this.page.getByRole('group', { name: 'Regime *' }).getByLabel(data.regime, { exact: true }).check();
    await this.fillDate('Startdatum *', data.start);
    await this.fillDate('Einddatum *', data.end);
  }

  async chooseScan(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await this.page.getByLabel('Scan van het ondertekende attest *').setInputFiles({ name, mimeType, buffer });
  }

  async submit(): Promise<void> {
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: 'Aanvraag indienen' }));
  }

  async errorSummaryMessages(): Promise<string[]> {
    return (await this.page.getByRole('alert').getByRole('listitem').allInnerTexts()).map((t) => t.trim());
  }
}

export class MyRequestsPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<MyRequestsPage> {
    await assertHeading(page, 'Mijn aanvragen');
    return new MyRequestsPage(page);
  }

  successMessage(): Promise<string | null> {
    return successMessage(this.page);
  }

  /** The state of the newest request for the client. */
  async stateOf(client: string): Promise<string> {
    const row = this.page.getByRole('row').filter({ hasText: client }).first();
    return (await row.locator('.govuk-tag').innerText()).trim();
  }
}

export class AttestQueuePage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<AttestQueuePage> {
    await assertHeading(page, 'Te behandelen attesten');
    return new AttestQueuePage(page);
  }

  successMessage(): Promise<string | null> {
    return successMessage(this.page);
  }

  async clients(): Promise<string[]> {
    return (await this.page.getByRole('table').getByRole('link').allInnerTexts()).map((t) => t.trim());
  }

  async open(client: string): Promise<AttestDetailPage> {
    await clickAndWaitForLoad(this.page, this.page.getByRole('table').getByRole('link', { name: client, exact: true }));
    return AttestDetailPage.verifyOnPage(this.page);
  }
}

export class AttestDetailPage extends PortalPage {
  static async verifyOnPage(page: Page): Promise<AttestDetailPage> {
    const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    assert.match(heading, /^Attest (toegang|verlenging): /, `expected an attest's detail at ${page.url()}`);
    return new AttestDetailPage(page);
  }

  async value(key: string): Promise<string> {
    const row = this.page.locator('.govuk-summary-list__row').filter({ has: this.page.locator('dt', { hasText: key }) }).first();
    return (await row.locator('dd').innerText()).trim();
  }

  async scanLink(): Promise<string> {
    return (await this.page.getByRole('link', { name: /^Download de scan/ }).getAttribute('href')) ?? '';
  }

  async markOriginalReceived(): Promise<void> {
    await this.page.getByLabel('Origineel ontvangen').check();
  }

  /** "Goedkeuren", then (issue 15 defect 9) "Ja, keur de aanvraag goed" on the confirmation page. */
  async approve(): Promise<AttestQueuePage> {
    const confirm = await this.pressApprove();
    await confirm.confirm('Ja, keur de aanvraag goed');
    return AttestQueuePage.verifyOnPage(this.page);
  }

  /** "Goedkeuren": the confirmation page, when the decision passes its rules. */
  async pressApprove(): Promise<ConfirmPage> {
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: 'Goedkeuren', exact: true }));
    return ConfirmPage.verifyOnPage(this.page, /goedkeuren\?$/);
  }

  /** "Goedkeuren" refused: the detail again, with the error summary's messages. */
  async pressApproveRefused(): Promise<string[]> {
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: 'Goedkeuren', exact: true }));
    await AttestDetailPage.verifyOnPage(this.page);
    const summary = this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Er is een probleem' }) });
    return (await summary.getByRole('link').allInnerTexts()).map((t) => t.trim());
  }

  /** What the checkbox "Origineel ontvangen" reads as its description (hint, error). */
  async originalDescription(): Promise<string> {
    return (await this.page.getByRole('group', { name: 'Ondertekend origineel' }).innerText()).trim();
  }
}
