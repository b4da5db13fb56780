/**
 * The Outplacement line in the browser: Begeleiding > Stappen naar werk with its filter and
 * "Voeg een stap toe", the form "Stap: Outplacement" (new line and a Bezig line), the read-only
 * line, the "Verzoek tot stopzetting", the adviseur's "Te behandelen verzoeken" and the log.
 * Everything is found by its role and its Dutch words, as a user finds it.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { TEST_NOW } from '../../support/test-app.ts';
import { StepsToWorkPage } from './dossier-pages.ts';
import { PortalPage } from './portal-page.ts';

/** A date as the three boxes hold it and as the screens show it (dd/mm/jjjj). */
export type DateBoxes = Readonly<{ dag: string; maand: string; jaar: string }>;

/** The application's "today" in the browser tests: the test clock's day in Brussels. */
export const TODAY: DateBoxes & { shown: string } = (() => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(TEST_NOW);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const boxes = { dag: part('day'), maand: part('month'), jaar: part('year') };
  return { ...boxes, shown: `${boxes.dag}/${boxes.maand}/${boxes.jaar}` };
})();

export type OverviewRow = Readonly<{ date: string; step: string; state: string }>;

/** Waits for the page's one h1 and checks that it starts with the expected words. */
async function assertHeadingStartsWith(page: Page, expected: string): Promise<void> {
  const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  assert.ok(heading.startsWith(expected), `expected the page "${expected}" at ${page.url()}, got "${heading}"`);
}

/** The text the elements named by a control's aria-describedby read (hint, error message). */
async function descriptionOf(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((id) => id !== '');
  const texts = await Promise.all(ids.map(async (id) => (await page.locator(`[id="${id}"]`).innerText()).trim()));
  return texts.join(' ');
}

/** The text of the success banner ("Gelukt") after a redirect, or null when there is none. */
async function successMessageOn(page: Page): Promise<string | null> {
  const banner = page.getByRole('alert', { name: 'Gelukt' });
  if ((await banner.count()) === 0) return null;
  return (await banner.getByRole('paragraph').innerText()).trim();
}

/**
 * Clicks a button that posts the form and waits until the answer has loaded: the step form
 * comes back with the same address and heading, so only the load tells the pages apart.
 */
export async function clickAndWaitForLoad(page: Page, button: Locator): Promise<void> {
  const loaded = page.waitForEvent('load');
  await button.click();
  await loaded;
}

/** What every page of the Outplacement line has: the banner "Gelukt" and the error summary. */
abstract class StepsPortalPage extends PortalPage {
  async successMessage(): Promise<string | null> {
    return successMessageOn(this.page);
  }

  /** The error summary "Er is een probleem" at the top of the page. */
  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Er is een probleem' }) });
  }

  /** The messages of the error summary, in order (empty when there is none). */
  async errorSummaryMessages(): Promise<string[]> {
    return (await this.errorSummary().getByRole('link').allInnerTexts()).map((text) => text.trim());
  }

  /** Clicks the link of the error summary with this message: to a field, or to another page. */
  async followErrorSummaryLink(message: string): Promise<void> {
    const link = this.errorSummary().getByRole('link', { name: message, exact: true });
    if ((await link.getAttribute('href'))?.startsWith('#') === true) await link.click();
    else await clickAndWaitForLoad(this.page, link);
  }
}

/** Begeleiding > Stappen naar werk: the table, "Filter wijzigen", "Voeg een stap toe" and the log link. */
export class StepsOverviewPage extends StepsToWorkPage {
  static override async verifyOnPage(page: Page): Promise<StepsOverviewPage> {
    await StepsToWorkPage.verifyOnPage(page);
    return new StepsOverviewPage(page);
  }

  /** The lines of the table, top to bottom (empty when the page says there are none). */
  async rows(): Promise<OverviewRow[]> {
    const table = this.page.getByRole('main').getByRole('table');
    if ((await table.count()) === 0) return [];
    const bodyRows = await table.getByRole('row').filter({ has: this.page.getByRole('cell') }).all();
    return Promise.all(
      bodyRows.map(async (row) => {
        const cells = row.getByRole('cell');
        return {
          date: (await cells.nth(0).innerText()).trim(),
          step: (await cells.nth(1).getByRole('link').innerText()).trim(),
          state: (await cells.nth(2).innerText()).trim(),
        };
      }),
    );
  }

  /** The column headers of the table. */
  async columns(): Promise<string[]> {
    return (await this.page.getByRole('main').getByRole('table').getByRole('columnheader').allInnerTexts()).map((text) => text.trim());
  }

  async successMessage(): Promise<string | null> {
    return successMessageOn(this.page);
  }

  /** The disclosure "Filter wijzigen": a details element, a group holding its summary's words. */
  filter(): Locator {
    return this.disclosure('Filter wijzigen');
  }

  async openFilter(): Promise<void> {
    await this.page.getByText('Filter wijzigen', { exact: true }).click();
    await this.filter().getByRole('button', { name: 'Filter toepassen' }).waitFor();
  }

  /** Ticks or clears a box of the filter's "Toestand" or "Stap" fieldset. */
  async setFilter(fieldset: 'Toestand' | 'Stap', label: string, checked: boolean): Promise<void> {
    await this.filter().getByRole('group', { name: fieldset, exact: true }).getByLabel(label, { exact: true }).setChecked(checked);
  }

  async applyFilter(): Promise<StepsOverviewPage> {
    // The same page comes back with other rows: only the load tells the two apart.
    await clickAndWaitForLoad(this.page, this.filter().getByRole('button', { name: 'Filter toepassen' }));
    return StepsOverviewPage.verifyOnPage(this.page);
  }

  /** The disclosure "Voeg een stap toe". */
  addStep(): Locator {
    return this.disclosure('Voeg een stap toe');
  }

  /** A details element has the role group but no name: it is found by its summary's words. */
  private disclosure(summary: string): Locator {
    return this.page.getByRole('main').getByRole('group').filter({ has: this.page.getByText(summary, { exact: true }) });
  }

  async openAddStep(): Promise<void> {
    await this.page.getByText('Voeg een stap toe', { exact: true }).click();
    await this.addStep().getByRole('button', { name: 'Toevoegen' }).waitFor();
  }

  /** O1: chooses the step type in "Stap" and presses "Toevoegen". */
  async chooseStepType(type: string): Promise<StepFormPage> {
    const select = this.addStep().getByLabel('Stap', { exact: true });
    // The disclosure is open: a missing label fails at once, with the reason, not after a timeout.
    assert.equal(await select.count(), 1, 'the select in "Voeg een stap toe" is found by its label "Stap"');
    await select.selectOption({ label: type });
    await this.addStep().getByRole('button', { name: 'Toevoegen' }).click();
    return StepFormPage.verifyOnPage(this.page, type);
  }

  /**
   * Opens "Stap: <type>" by the address the "Voeg een stap toe" form goes to, without using its
   * select: for the accessibility tests, which look at the form and not at the way there.
   */
  async openNewStepFormByAddress(typeCode: string, type: string): Promise<StepFormPage> {
    const clientPath = this.path.replace(/\/begeleiding\/stappen-naar-werk$/, '');
    await this.page.goto(`${clientPath}/stappen/nieuw?stap=${encodeURIComponent(typeCode)}`);
    return StepFormPage.verifyOnPage(this.page, type);
  }

  /** Opens the (newest) line of this type; the caller verifies the form or the read-only view. */
  async openLine(type: string): Promise<void> {
    await this.page.getByRole('main').getByRole('table').getByRole('link', { name: type, exact: true }).first().click();
  }

  /** The address of a line's detail, as its link in the table gives it. */
  async lineHref(type: string): Promise<string> {
    const href = await this.page.getByRole('main').getByRole('table').getByRole('link', { name: type, exact: true }).first().getAttribute('href');
    assert.ok(href !== null, `a link to the line ${type}`);
    return href;
  }

  async openLog(): Promise<StepsLogPage> {
    await this.page.getByRole('link', { name: 'Logboek van de stappen' }).click();
    return StepsLogPage.verifyOnPage(this.page);
  }
}

/**
 * "Stap: <type>": the form of a new line (O2) and of a Bezig line its partner may change (O6).
 * On a Bezig line it also shows when the line completes by itself and the section "Stopzetten".
 */
export class StepFormPage extends StepsPortalPage {
  static async verifyOnPage(page: Page, type = 'Outplacement'): Promise<StepFormPage> {
    await assertHeadingStartsWith(page, `Stap: ${type}`);
    // The read-only view has the same h1; the form is what makes this page.
    await page.getByRole('button', { name: 'Bevestigen', exact: true }).first().waitFor();
    await page.getByLabel('Toestand *').waitFor();
    return new StepFormPage(page);
  }

  toestand(): Locator {
    return this.page.getByLabel('Toestand *');
  }

  /** The options of "Toestand *", as they read. */
  async stateOptions(): Promise<string[]> {
    return (await this.toestand().getByRole('option').allInnerTexts()).map((text) => text.trim());
  }

  async chooseState(state: string): Promise<void> {
    await this.toestand().selectOption({ label: state });
  }

  /** The fieldset "Datum *" with its boxes Dag, Maand and Jaar. */
  dateFieldset(): Locator {
    return this.page.getByRole('group', { name: 'Datum *' });
  }

  dateBox(box: 'Dag' | 'Maand' | 'Jaar'): Locator {
    return this.dateFieldset().getByLabel(box, { exact: true });
  }

  async dateBoxes(): Promise<DateBoxes> {
    return { dag: await this.dateBox('Dag').inputValue(), maand: await this.dateBox('Maand').inputValue(), jaar: await this.dateBox('Jaar').inputValue() };
  }

  async fillDate(date: DateBoxes): Promise<void> {
    await this.dateBox('Dag').fill(date.dag);
    await this.dateBox('Maand').fill(date.maand);
    await this.dateBox('Jaar').fill(date.jaar);
  }

  todayButton(): Locator {
    return this.page.getByRole('button', { name: 'huidige datum' });
  }

  /** "huidige datum" with JavaScript: the boxes fill in place. */
  async pressToday(): Promise<void> {
    await this.todayButton().click();
  }

  /** "huidige datum" without JavaScript: the form is posted and comes back with today filled in. */
  async pressTodayWithoutScript(): Promise<StepFormPage> {
    await clickAndWaitForLoad(this.page, this.todayButton());
    return StepFormPage.verifyOnPage(this.page);
  }

  /** What the fieldset "Datum *" reads as its description: the hint and, after an error, the message. */
  async dateDescription(): Promise<string> {
    return descriptionOf(this.page, this.dateFieldset());
  }

  /** Whether the keyboard focus is on this box. */
  async isFocused(box: 'Dag' | 'Maand' | 'Jaar'): Promise<boolean> {
    return (await this.dateBox(box).and(this.page.locator(':focus')).count()) === 1;
  }

  fundingNumber(): Locator {
    return this.page.getByLabel('Financieringsnummer');
  }

  /** The chosen option of "Financieringsnummer", as it reads. */
  async chosenFundingNumber(): Promise<string> {
    return (await this.fundingNumber().getByRole('option', { selected: true }).innerText()).trim();
  }

  async chooseFundingNumber(label: string): Promise<void> {
    await this.fundingNumber().selectOption({ label });
  }

  /** The fieldset "Aanvrager *" or "Uitvoerder *". */
  office(role: 'Aanvrager' | 'Uitvoerder'): Locator {
    return this.page.getByRole('group', { name: `${role} *`, exact: true });
  }

  /** The office the fieldset shows as chosen, e.g. "KOERS MECHELEN (701)". */
  async shownOffice(role: 'Aanvrager' | 'Uitvoerder'): Promise<string> {
    return (await this.office(role).getByRole('paragraph').first().innerText()).trim();
  }

  /** Types in "Andere vestiging zoeken (naam of code)" and presses "Zoek aanvrager/uitvoerder". */
  async searchOffice(role: 'Aanvrager' | 'Uitvoerder', term: string): Promise<void> {
    await this.office(role).getByLabel('Andere vestiging zoeken (naam of code)').fill(term);
    await clickAndWaitForLoad(this.page, this.office(role).getByRole('button', { name: `Zoek ${role.toLowerCase()}` }));
    await StepFormPage.verifyOnPage(this.page);
  }

  /** An office offered as a radio choice after a search, found by its label (which starts with `NAAM (code)`). */
  officeChoice(role: 'Aanvrager' | 'Uitvoerder', label: string): Locator {
    return this.office(role).getByRole('radio', { name: label });
  }

  async chooseOffice(role: 'Aanvrager' | 'Uitvoerder', label: string): Promise<void> {
    await this.officeChoice(role, label).check();
  }

  /** "eigen gegevens": puts the user's own office back. */
  async useOwnOffice(role: 'Aanvrager' | 'Uitvoerder'): Promise<void> {
    await clickAndWaitForLoad(this.page, this.office(role).getByRole('button', { name: 'eigen gegevens' }));
    await StepFormPage.verifyOnPage(this.page);
  }

  summary(): Locator {
    return this.page.getByLabel('Samenvatting', { exact: true });
  }

  async fillSummary(text: string): Promise<void> {
    await this.summary().fill(text);
  }

  /** "Bevestigen"; the caller verifies where the portal goes (the overview, or the form with errors). */
  async confirm(): Promise<void> {
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: 'Bevestigen', exact: true }));
  }

  async backWithoutConfirming(): Promise<StepsOverviewPage> {
    await this.page.getByRole('link', { name: 'Terug zonder bevestigen' }).click();
    return StepsOverviewPage.verifyOnPage(this.page);
  }

  /** The notice of a Bezig Outplacement line: "Wordt automatisch Uitgevoerd op dd/mm/jjjj" (O9). */
  async completionNotice(): Promise<string | null> {
    const notice = this.page.getByRole('main').getByText(/Wordt automatisch Uitgevoerd op \d{2}\/\d{2}\/\d{4}/);
    return (await notice.count()) === 0 ? null : (await notice.innerText()).trim();
  }

  /** O8: the section "Stopzetten" of a Bezig line, with "Verzoek tot stopzetting". */
  async requestStop(): Promise<StopRequestPage> {
    await this.page.getByRole('heading', { level: 2, name: 'Stopzetten' }).waitFor();
    await this.page.getByRole('button', { name: 'Verzoek tot stopzetting' }).click();
    return StopRequestPage.verifyOnPage(this.page);
  }

  /** The states of the stop requests shown under "Verzoeken tot stopzetting". */
  async stopRequestStates(): Promise<string[]> {
    return stopRequestStates(this.page);
  }
}

/** Each "Toestand" of the summary lists under the heading "Verzoeken tot stopzetting". */
async function stopRequestStates(page: Page): Promise<string[]> {
  const heading = page.getByRole('heading', { level: 2, name: 'Verzoeken tot stopzetting' });
  if ((await heading.count()) === 0) return [];
  // The requests' summary lists follow the heading; terms have no container role to scope by.
  const lists = heading.locator('xpath=following-sibling::dl');
  const states: string[] = [];
  for (const list of await lists.all()) {
    const row = list.getByRole('term').filter({ hasText: /^\s*Toestand\s*$/ }).locator('xpath=..');
    if ((await row.count()) > 0) states.push((await row.getByRole('definition').innerText()).trim());
  }
  return states;
}

/**
 * A line shown read-only (end states, service staff): its summary list, for the adviseur the
 * section "Stopzetten", and "Samenvatting aanvullen" for two weeks after an end state (O10).
 */
export class StepDetailPage extends StepsPortalPage {
  static async verifyOnPage(page: Page, type = 'Outplacement'): Promise<StepDetailPage> {
    await assertHeadingStartsWith(page, `Stap: ${type}`);
    await page.getByRole('main').getByRole('term').first().waitFor();
    assert.equal(await page.getByLabel('Toestand *').count(), 0, `the line is shown read-only at ${page.url()}`);
    return new StepDetailPage(page);
  }

  /** The value of a key of the line's own summary list (the first on the page). */
  async value(key: string): Promise<string> {
    const term = this.page.getByRole('main').getByRole('term').filter({ hasText: new RegExp(`^\\s*${key}\\s*$`) }).first();
    return (await term.locator('xpath=..').getByRole('definition').innerText()).trim();
  }

  async stopRequestStates(): Promise<string[]> {
    return stopRequestStates(this.page);
  }

  /** The adviseur's "Datum van stopzetting *" fieldset. */
  stopDateFieldset(): Locator {
    return this.page.getByRole('group', { name: 'Datum van stopzetting *' });
  }

  async stopDateBoxes(): Promise<DateBoxes> {
    const box = (label: string) => this.stopDateFieldset().getByLabel(label, { exact: true }).inputValue();
    return { dag: await box('Dag'), maand: await box('Maand'), jaar: await box('Jaar') };
  }

  /** O8: the adviseur fills "Datum van stopzetting *" and presses "Stopzetten"; a confirmation page follows (issue 15 defect 9). */
  async stop(date: DateBoxes): Promise<void> {
    await this.stopDateFieldset().getByLabel('Dag', { exact: true }).fill(date.dag);
    await this.stopDateFieldset().getByLabel('Maand', { exact: true }).fill(date.maand);
    await this.stopDateFieldset().getByLabel('Jaar', { exact: true }).fill(date.jaar);
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: 'Stopzetten', exact: true }));
  }

  /** O8: the adviseur declines the open request with "Reden van afwijzing *". */
  async declineRequest(reason: string): Promise<void> {
    await this.page.getByLabel('Reden van afwijzing *').fill(reason);
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: 'Verzoek afwijzen' }));
  }

  /** O10: the field "Samenvatting aanvullen" (absent once the two weeks are over). */
  appendField(): Locator {
    return this.page.getByLabel('Samenvatting aanvullen');
  }

  async appendToSummary(text: string): Promise<StepDetailPage> {
    await this.appendField().fill(text);
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: 'Bevestigen', exact: true }));
    return StepDetailPage.verifyOnPage(this.page);
  }

  async backToOverview(): Promise<StepsOverviewPage> {
    await this.page.getByRole('link', { name: 'Terug naar Stappen naar werk' }).click();
    return StepsOverviewPage.verifyOnPage(this.page);
  }
}

/** O8: "Verzoek tot stopzetting" with "Reden *" and "Voorgestelde datum van stopzetting *". */
export class StopRequestPage extends StepsPortalPage {
  static async verifyOnPage(page: Page): Promise<StopRequestPage> {
    await assertHeadingStartsWith(page, 'Verzoek tot stopzetting');
    return new StopRequestPage(page);
  }

  async fill(reason: string, date: DateBoxes): Promise<void> {
    await this.page.getByLabel('Reden *').fill(reason);
    const fieldset = this.page.getByRole('group', { name: 'Voorgestelde datum van stopzetting *' });
    await fieldset.getByLabel('Dag', { exact: true }).fill(date.dag);
    await fieldset.getByLabel('Maand', { exact: true }).fill(date.maand);
    await fieldset.getByLabel('Jaar', { exact: true }).fill(date.jaar);
  }

  /** "Verzoek versturen"; the caller verifies where the portal goes. */
  async send(): Promise<void> {
    await clickAndWaitForLoad(this.page, this.page.getByRole('button', { name: 'Verzoek versturen' }));
  }
}

export type WorkListRow = Readonly<{ client: string; organisation: string; requested: string; proposedDate: string; reason: string }>;

/** The interventieadviseur's "Te behandelen verzoeken" (/verzoeken). */
export class WorkListPage extends StepsPortalPage {
  static async open(page: Page): Promise<WorkListPage> {
    // There is no link to the work list in the header yet: the adviseur goes by its address.
    await page.goto('/verzoeken');
    return WorkListPage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page): Promise<WorkListPage> {
    await assertHeadingStartsWith(page, 'Te behandelen verzoeken');
    return new WorkListPage(page);
  }

  async rows(): Promise<WorkListRow[]> {
    const table = this.page.getByRole('main').getByRole('table');
    if ((await table.count()) === 0) return [];
    const bodyRows = await table.getByRole('row').filter({ has: this.page.getByRole('cell') }).all();
    return Promise.all(
      bodyRows.map(async (row) => {
        const text = async (locator: Locator) => (await locator.innerText()).trim();
        const cells = row.getByRole('cell');
        return {
          client: await text(row.getByRole('rowheader')),
          organisation: await text(cells.nth(0)),
          requested: await text(cells.nth(1)),
          proposedDate: await text(cells.nth(2)),
          reason: await text(cells.nth(3)),
        };
      }),
    );
  }

  async openRequest(client: string): Promise<StepDetailPage> {
    await this.page.getByRole('main').getByRole('table').getByRole('link', { name: client, exact: true }).click();
    return StepDetailPage.verifyOnPage(this.page);
  }
}

/** "Logboek van de stappen": the timeline of every registration and change (O11). */
export class StepsLogPage extends StepsPortalPage {
  static async verifyOnPage(page: Page): Promise<StepsLogPage> {
    await assertHeadingStartsWith(page, 'Logboek van de stappen');
    return new StepsLogPage(page);
  }

  /** The titles of the timeline's entries, oldest first. */
  async entries(): Promise<string[]> {
    return (await this.page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts()).map((text) => text.trim());
  }
}
