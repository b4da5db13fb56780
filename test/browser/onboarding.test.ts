/**
 * Issue 12 end to end, as the people who do it: a beheerder onboards a new outplacement office
 * (organisation, office, funding number, the Outplacement step type) and invites its first
 * partnerbeheerder; she follows the link in the mail, chooses a password and invites a
 * begeleider, who follows his link, requests access for a client with the signed attest and,
 * once the secretariaat approved it, registers the Outplacement line with the new funding number.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { addDays, addMonths, dateInBrussels, dateParts, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import { createMemoryTransport } from '../../src/mail/mail-transport.ts';
import { assertNoAccessibilityViolations, describeInBrowser, type BrowserSuite } from '../support/browser.ts';
import { TEST_NOW } from '../support/test-app.ts';
import { ChoosePasswordPage, UsersPage } from './pages/accounts-pages.ts';
import { AdminHomePage, OrganisationDetailPage } from './pages/admin-pages.ts';
import { AttestQueuePage, MyRequestsPage, openFromNavigation, RequestAccessPage, type DateBoxes } from './pages/attests-pages.ts';
import { LoginPage, logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { StepsOverviewPage, TODAY, type StepFormPage } from './pages/steps-pages.ts';

const mail = createMemoryTransport();
const ORGANISATION = 'Horizon Loopbaanbegeleiding';
const OFFICE = 'HORIZON LEUVEN (901)';

const boxes = (date: CalendarDate): DateBoxes => {
  const { year, month, day } = dateParts(date);
  return { dag: String(day).padStart(2, '0'), maand: String(month).padStart(2, '0'), jaar: String(year) };
};

async function scanPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Attest outplacement - ondertekend', { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** Invites a user from Beheer > Gebruikers; `office` as the list names it (with its organisation for a beheerder). */
async function invite(page: Page, user: { email: string; name: string; role: string; office: string }): Promise<void> {
  const form = await (await UsersPage.open(page)).invite();
  await form.fill(user);
  await form.send();
  assert.equal(await page.getByText(`De uitnodiging is verstuurd naar ${user.email}.`).count(), 1);
}

/** Delivers the outbox, follows the link in the user's mail, chooses a password and logs in. */
async function acceptInvitation(suite: BrowserSuite, email: string, password: string): Promise<Page> {
  await suite.services.outbox.deliverMail();
  const message = mail.sent.find((m) => m.to === email);
  assert.ok(message !== undefined, `an invitation for ${email}`);
  const link = /https?:\/\/\S+\/wachtwoord-kiezen\?token=[A-Za-z0-9_-]{43}/.exec(message.text)?.[0];
  assert.ok(link !== undefined, 'the mail holds the link');
  const page = await suite.newPage();
  await page.goto(new URL(link).pathname + new URL(link).search);
  await (await ChoosePasswordPage.verifyOnPage(page)).choose(password);
  await (await LoginPage.verifyOnPage(page)).logIn(email, password);
  return page;
}

describeInBrowser(
  'issue 12 onboarding a new outplacement office in the browser',
  (get) => {
    it('issue 12 from a new organisation to its first Outplacement line, with the new funding number, as the people who do it', async () => {
      // The beheerder: the organisation, its office, funding number and step type.
      const beheerder = await get().newPage();
      await logInAs(beheerder, 'beheerder@demo.be');
      const form = await (await (await AdminHomePage.open(beheerder)).openOrganisations()).addOrganisation();
      await form.fill('Partner (outplacementbureau)', ORGANISATION, '0123.456.749');
      await form.save();
      let detail = await OrganisationDetailPage.verifyOnPage(beheerder, ORGANISATION);
      const office = await detail.addOffice();
      await office.fill({ name: 'HORIZON LEUVEN', code: '901', street: 'Bondgenotenlaan 1', postcode: '3000', city: 'Leuven' });
      await office.save();
      detail = await OrganisationDetailPage.verifyOnPage(beheerder, ORGANISATION);
      const funding = await detail.addFundingNumber();
      await funding.fill('HZ-2026-01', 'Outplacement algemeen regime', { day: '1', month: '1', year: '2026' });
      await funding.save();
      detail = await OrganisationDetailPage.verifyOnPage(beheerder, ORGANISATION);
      const stepTypes = await detail.changeStepTypes();
      await stepTypes.allow('Outplacement');
      await stepTypes.save();
      await OrganisationDetailPage.verifyOnPage(beheerder, ORGANISATION);

      // Its first partnerbeheerder, invited by the beheerder; she invites a begeleider.
      await invite(beheerder, { email: 'an.horizon@horizon.be', name: 'An Horizon', role: 'Partnerbeheerder', office: `${ORGANISATION}: ${OFFICE}` });
      const partnerbeheerder = await acceptInvitation(get(), 'an.horizon@horizon.be', 'een lange zin over de Dijle');
      await invite(partnerbeheerder, { email: 'bert.horizon@horizon.be', name: 'Bert Horizon', role: 'Begeleider', office: OFFICE });
      await assertNoAccessibilityViolations(partnerbeheerder);
      const begeleider = await acceptInvitation(get(), 'bert.horizon@horizon.be', 'koffie met melk en twee klontjes');
      await MyClientsPage.verifyOnPage(begeleider);

      // The begeleider requests access with the signed attest; the secretariaat approves it.
      const today = dateInBrussels(TEST_NOW);
      const birth = '1979-03-08' as CalendarDate;
      await openFromNavigation(begeleider, 'Toegang aanvragen');
      const request = await RequestAccessPage.verifyOnPage(begeleider);
      await request.fill({ insz: makeInsz(birth, 117), familienaam: 'Wouters', voornaam: 'Hanne', geboortedatum: boxes(birth), regime: 'CAO 82 (45+)', start: boxes(addDays(today, -3)), end: boxes(addMonths(today, 6)) });
      await request.chooseScan('attest Wouters.pdf', 'application/pdf', await scanPdf());
      await request.submit();
      await MyRequestsPage.verifyOnPage(begeleider);
      const staff = await get().newPage();
      await logInAs(staff, 'secretariaat@demo.be');
      await openFromNavigation(staff, 'Te behandelen attesten');
      const decision = await (await AttestQueuePage.verifyOnPage(staff)).open('Hanne Wouters');
      await decision.markOriginalReceived();
      await decision.approve();

      // The begeleider registers the Outplacement line with the organisation's new funding number.
      await begeleider.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn klanten', exact: true }).click();
      const portrait = await (await MyClientsPage.verifyOnPage(begeleider)).openClient('Hanne Wouters');
      await portrait.openBegeleiding();
      const overview = await StepsOverviewPage.verifyOnPage(begeleider);
      await overview.openAddStep();
      const step: StepFormPage = await overview.chooseStepType('Outplacement');
      await step.fillDate({ dag: TODAY.dag, maand: TODAY.maand, jaar: TODAY.jaar });
      await step.chooseFundingNumber('HZ-2026-01 – Outplacement algemeen regime');
      await step.confirm();
      const lines = await StepsOverviewPage.verifyOnPage(begeleider);
      assert.deepEqual(await lines.rows(), [{ date: TODAY.shown, step: 'Outplacement', state: 'Bezig' }]);
      await assertNoAccessibilityViolations(begeleider);
    });
  },
  { mail },
);
