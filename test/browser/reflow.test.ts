/**
 * Issue 15 defects 12 and 13 in the browser: at 320 px wide no page scrolls sideways as a whole
 * (WCAG 1.4.10); every table scrolls inside its own labelled, focusable region; and the labels of
 * the summary lists never break inside a word at the widths where they stand beside their value.
 *
 * Every page is found as a user finds it: for each role, every page reachable by a link from the
 * start page and from a dossier full of data (Ann Janssens), each kind of page once.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { ClientSearchPage } from './pages/search-page.ts';

const NARROW = { width: 320, height: 640 };

/** Links not to follow: downloads, PDFs, CSV, the scan, logging out. */
const NOT_A_PAGE = /afmelden|\.csv$|afdrukken|\/scan$|\/documenten\/[0-9a-f-]{36}$/;

/** A kind of page: its path with ids and query left out. */
const kindOf = (path: string): string => path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/[?#].*$/, '');

type Measured = Readonly<{ path: string; scrollWidth: number; tablesOutsideRegion: number; regions: number }>;

/** Runs in the page: its width, and its tables that are not inside a labelled, focusable region. */
const MEASURE = `(() => {
  const tables = [...document.querySelectorAll('table')];
  const inRegion = (table) => {
    const region = table.closest('[role="region"]');
    return region !== null && (region.getAttribute('aria-label') ?? '').trim() !== '' && region.getAttribute('tabindex') === '0';
  };
  return { scrollWidth: document.documentElement.scrollWidth, tablesOutsideRegion: tables.filter((t) => !inRegion(t)).length, regions: tables.length };
})()`;

/** Runs in the page: the paths of its links, downloads left out. */
const LINKS = `[...document.querySelectorAll('a[href]:not([download])')].map((a) => a.getAttribute('href'))`;

async function measure(page: Page): Promise<Omit<Measured, 'path'>> {
  const found: unknown = await page.evaluate(MEASURE);
  return found as Omit<Measured, 'path'>;
}

/** Visits every kind of page reachable by links from `start` (paths), measuring each at the page's width. */
async function crawl(page: Page, start: readonly string[], measured: Measured[]): Promise<void> {
  const seen = new Set(measured.map((m) => kindOf(m.path)));
  const queue = [...start];
  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    if (seen.has(kindOf(path))) continue;
    seen.add(kindOf(path));
    const response = await page.goto(path);
    assert.ok(response?.ok(), `${path} answers ${response?.status() ?? 'nothing'}`);
    if (!(response?.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    measured.push({ path: kindOf(path), ...(await measure(page)) });
    const links: unknown = await page.evaluate(LINKS);
    for (const link of Array.isArray(links) ? links.map(String) : []) {
      if (link.startsWith('/') && !link.startsWith('//') && !NOT_A_PAGE.test(link) && !seen.has(kindOf(link))) queue.push(link);
    }
  }
}

function assertReflows(role: string, measured: readonly Measured[], atLeast: number): void {
  assert.ok(measured.length >= atLeast, `${role}: ${measured.length} pages visited: ${measured.map((m) => m.path).join(', ')}`);
  const wide = measured.filter((m) => m.scrollWidth > NARROW.width).map((m) => `${m.path} (${m.scrollWidth} px)`);
  assert.deepEqual(wide, [], `${role}: pages wider than ${NARROW.width} px`);
  const bare = measured.filter((m) => m.tablesOutsideRegion > 0).map((m) => m.path);
  assert.deepEqual(bare, [], `${role}: tables outside a labelled, focusable region`);
}

/** Runs in the page: the summary-list labels in which a line breaks inside a word (not at a space or after a hyphen). */
const BROKEN_LABELS = `(() => [...document.querySelectorAll('.govuk-summary-list__key')].filter((key) => {
  const text = key.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return false;
  const value = text.textContent;
  for (const match of value.matchAll(/[^\\s-]+-?/g)) {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) return true;
  }
  return false;
}).map((key) => key.textContent.trim()))()`;

describeInBrowser('issue 15 defects 12 and 13: pages at narrow and middle widths', (get) => {
  it('issue 15 defect 13: a begeleider: no page scrolls sideways at 320 px, every table scrolls in its own labelled, focusable region', async () => {
    const page = await get().newPage({ viewport: NARROW });
    await logInAs(page, 'begeleider@demo.be');
    await MyClientsPage.verifyOnPage(page);
    const measured: Measured[] = [{ path: '/klanten', ...(await measure(page)) }];
    const ann = await page.getByRole('table').getByRole('link', { name: 'Ann Janssens', exact: true }).getAttribute('href');
    assert.ok(ann);
    await crawl(page, [ann, '/'], measured);
    assertReflows('begeleider', measured, 20);
    assert.ok(measured.some((m) => m.path === '/dossiers/:id/stappen/:id'), 'a line of Ann Janssens was visited');
  });

  for (const email of ['secretariaat@demo.be', 'adviseur@demo.be', 'beheerder@demo.be']) {
    it(`issue 15 defect 13: ${email.split('@')[0] ?? ''}: no page scrolls sideways at 320 px, the search results included`, async () => {
      const page = await get().newPage({ viewport: NARROW });
      await logInAs(page, email);
      await page.goto('/zoeken');
      await (await ClientSearchPage.verifyOnPage(page)).search('Janssens');
      const measured: Measured[] = [{ path: 'Klant zoeken: resultaten', ...(await measure(page)) }];
      const ann = await page.getByRole('table').getByRole('link', { name: 'Ann Janssens', exact: true }).getAttribute('href');
      assert.ok(ann);
      await crawl(page, ['/', ann], measured);
      assertReflows(email, measured, 10);
    });
  }

  it('issue 15 defect 13: the scrolling regions pass axe at 320 px, and a keyboard reaches them', async () => {
    const page = await get().newPage({ viewport: NARROW });
    await logInAs(page, 'begeleider@demo.be');
    await page.goto('/aanvragen');
    const region = page.getByRole('region', { name: 'Aanvragen van je organisatie' });
    const scrolls: unknown = await page.evaluate(`(() => { const r = document.querySelector('[role="region"][aria-label="Aanvragen van je organisatie"]'); return r.scrollWidth > r.clientWidth; })()`);
    assert.equal(scrolls, true, 'the table is wider than the screen and scrolls inside its region');
    await region.focus();
    const focused: unknown = await page.evaluate(`document.activeElement?.getAttribute('aria-label')`);
    assert.equal(focused, 'Aanvragen van je organisatie', 'the region takes the focus');
    await assertNoAccessibilityViolations(page);
  });

  it('issue 15 defect 12: summary-list labels never break inside a word (Klantenportret, Profiel) at tablet and desktop widths', async () => {
    const page = await get().newPage({ viewport: { width: 1024, height: 900 } });
    await logInAs(page, 'begeleider@demo.be');
    const ann = await (await MyClientsPage.verifyOnPage(page)).openClient('Ann Janssens');
    const portraitPath = new URL(page.url()).pathname;
    assert.equal(await ann.value('Geboortedatum'), '14/03/1971');
    for (const width of [641, 700, 800, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(portraitPath);
      assert.deepEqual(await page.evaluate<unknown>(BROKEN_LABELS), [], `Klantenportret at ${width} px`);
      await page.getByRole('link', { name: 'Profiel & Gewenste jobs' }).click();
      assert.deepEqual(await page.evaluate<unknown>(BROKEN_LABELS), [], `Profiel at ${width} px`);
    }
  });
});
