/**
 * Browser tests: the real application (real services, fresh in-memory PGlite, demo world)
 * listening on a free port, driven by the system Chromium through playwright-core.
 * One application and one browser per test file; a new browser context for every test.
 */
import assert from 'node:assert/strict';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { after, afterEach, before, describe } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { MailTransport } from '../../src/mail/mail-transport.ts';
import type { Services } from '../../src/services/index.ts';
import { startTestApp } from './test-app.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Playwright's own `--disable-features` (playwright-core's chromiumSwitches). Chromium reads only
 * the last `--disable-features` on its command line, so ours must repeat these;
 * `launchChromium` fails when Playwright's list holds one that is missing here.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Debian's Chromium is the full browser: in headless mode every page is a window, and each window
 * preloads the address bar's popup (chrome://omnibox-popup.top-chrome) in a renderer of its own.
 * That cost about 0.3 s of CPU per page opened, a quarter of a browser suite's CPU.
 */
const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** The machine has no network: without these flags Chromium hangs on connection attempts. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
];

/** A failing step fails in seconds, not after Playwright's default 30 s. */
const ACTION_TIMEOUT_MS = 10_000;

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Chromium hangs when libfaketime is preloaded into it (`scripts/test-at.sh` shifts the machine's
 * clock for the tests): it runs on the real clock. The pages take their dates from the server
 * (the application's injected clock), never from the browser's.
 */
function browserEnvironment(): Record<string, string> {
  const faked = new Set(['LD_PRELOAD', 'FAKETIME', 'FAKETIME_FMT', 'FAKETIME_DONT_FAKE_MONOTONIC']);
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !faked.has(entry[0])));
}

export type BrowserSuite = Readonly<{
  /** The application's address, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** A page in a new browser context (cookies of its own); closed after the test. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  /** The application's services, e.g. to deliver the outbox's mail now instead of waiting for its job. */
  services: Services;
}>;

/** The system Chromium with the flags and environment above (the cluster test starts its own browser). */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, env: browserEnvironment() });
  try {
    assertPlaywrightFeaturesKept();
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/**
 * Every feature Playwright disables is disabled by our last `--disable-features` as well. Read from
 * the command line of the browser process, a child of this one (Linux's /proc, as on CI).
 */
function assertPlaywrightFeaturesKept(): void {
  const lists = chromiumChildCommandLines()
    .flat()
    .filter((arg) => arg.startsWith('--disable-features='))
    .map((arg) => arg.slice('--disable-features='.length).split(','));
  assert.ok(lists.length > 0, 'the command line of the browser process was not found: the check of the disabled features cannot run');
  const ours = new Set([...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES]);
  const missing = [...new Set(lists.flat())].filter((feature) => !ours.has(feature));
  assert.deepEqual(missing, [], `Playwright disables features that PLAYWRIGHT_DISABLED_FEATURES in test/support/browser.ts does not repeat: ${missing.join(', ')}`);
}

function chromiumChildCommandLines(): string[][] {
  const found: string[][] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1];
      if (parent !== String(process.pid)) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter((arg) => arg !== '');
      if (args.some((arg) => arg.startsWith('--disable-features='))) found.push(args);
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

export function chromiumInstalled(): boolean {
  return isExecutable(CHROMIUM_PATH);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A suite run in Chromium against the real application with the demo world seeded.
 * Without Chromium the suite is skipped with a notice, except on CI (CI=true), where it fails.
 */
export function describeInBrowser(title: string, suite: (get: () => BrowserSuite) => void, options: { mail?: MailTransport; config?: Record<string, string> } = {}): void {
  const installed = isExecutable(CHROMIUM_PATH);
  const required = process.env['CI'] === 'true';
  const skip = !installed && !required ? `Chromium niet gevonden op ${CHROMIUM_PATH}: browsertests overgeslagen` : false;

  describe(title, { skip }, () => {
    let browser: Browser | undefined;
    let stopApp: (() => Promise<void>) | undefined;
    let services: Services | undefined;
    let baseUrl: string | undefined;
    let contexts: BrowserContext[] = [];
    let pageErrors: string[] = [];

    before(async () => {
      if (!installed) {
        throw new Error(`Chromium niet gevonden op ${CHROMIUM_PATH} en CI=true: de browsertests moeten lopen. Installeer Chromium of zet CHROMIUM_PATH.`);
      }
      const started = await startTestApp('pglite', { mail: options.mail, ...(options.config === undefined ? {} : { config: options.config }) });
      stopApp = started.close;
      services = started.services;
      browser = await launchChromium();
      await started.services.demo.seedIfEmpty();
      baseUrl = await started.app.listen({ port: 0, host: '127.0.0.1' });
    });

    afterEach(async () => {
      const closing = contexts;
      const errors = pageErrors;
      contexts = [];
      pageErrors = [];
      await Promise.all(closing.map((context) => context.close()));
      assert.deepEqual(errors, [], 'the pages threw JavaScript errors');
    });

    after(async () => {
      await browser?.close();
      await stopApp?.();
    });

    suite(() => {
      const openBrowser = browser;
      const url = baseUrl;
      if (openBrowser === undefined || url === undefined || services === undefined) throw new Error('browser suite used before its set-up ran');
      return {
        baseUrl: url,
        services,
        newPage: async (options: BrowserContextOptions = {}) => {
          const context = await openBrowser.newContext({ baseURL: url, locale: 'nl-BE', timezoneId: 'Europe/Brussels', ...options });
          contexts.push(context);
          context.setDefaultTimeout(ACTION_TIMEOUT_MS);
          const page = await context.newPage();
          page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
          return page;
        },
      };
    });
  });
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is and fails with every violation, its
 * help text and the elements concerned.
 */
export async function assertNoAccessibilityViolations(page: Page): Promise<void> {
  // Legacy mode runs axe in the page itself. The default mode opens an extra page for every run
  // to merge the results of cross-origin frames, which the portal's pages do not have; that page
  // made a run cost about twice the CPU.
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode().analyze();
  const report = results.violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${JSON.stringify(node.target)}`).join('\n');
      return `- ${violation.id} (${violation.impact ?? 'impact onbekend'}): ${violation.help}\n${targets}`;
    })
    .join('\n');
  assert.equal(results.violations.length, 0, `axe found WCAG 2.1 A/AA violations on ${page.url()}:\n${report}`);
}

/** Runs in the page: the ids used more than once, and the form controls (hidden inputs and buttons aside) without a label. */
const LABEL_CHECK = `(() => {
  const problems = [];
  const counts = new Map();
  for (const element of document.querySelectorAll('[id]')) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
  for (const [id, count] of counts) if (count > 1) problems.push('the id "' + id + '" is used ' + count + ' times');
  for (const control of document.querySelectorAll('input, select, textarea')) {
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(control.type)) continue;
    const labels = [...(control.labels ?? [])].filter((label) => label.textContent.trim() !== '');
    if (labels.length === 0) {
      const near = control.closest('fieldset, form')?.querySelector('legend, label')?.textContent.trim().replace(/\\s+/g, ' ') ?? '';
      problems.push(control.tagName.toLowerCase() + ' name="' + control.name + '" value="' + (control.value ?? '') + '" (near "' + near + '") has no label tied to it');
    }
  }
  return problems;
})()`;

/**
 * What axe leaves out (its duplicate-id rules no longer carry WCAG tags, and it accepts a
 * `<label for>` that the browser ties to another element): every id on the page is unique
 * (WCAG 2.1 4.1.1) and every form control has a non-empty label tied to it, so that a screen
 * reader, and `getByLabel`, finds it by its words (WCAG 1.3.1, 4.1.2; DESIGN "Screens and their words").
 */
export async function assertFormControlsLabelled(page: Page): Promise<void> {
  const found: unknown = await page.evaluate(LABEL_CHECK);
  const problems = Array.isArray(found) ? found.map(String) : [`unexpected answer ${JSON.stringify(found)}`];
  assert.deepEqual(problems, [], `duplicate ids or unlabelled form controls on ${page.url()}:\n- ${problems.join('\n- ')}`);
}
