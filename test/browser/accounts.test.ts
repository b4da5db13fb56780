/**
 * U1 in a real browser: a beheerder invites a partnerbeheerder, who follows the link from the
 * mail, chooses a password and logs in to administer its own organisation's users. Every page
 * on the way passes axe (WCAG 2.1 A and AA) and has its controls labelled.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createMemoryTransport } from '../../src/mail/mail-transport.ts';
import { assertFormControlsLabelled, assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { ChoosePasswordPage, UsersPage } from './pages/accounts-pages.ts';
import { LoginPage, logInAs } from './pages/login-page.ts';
import { assertHeading } from './pages/portal-page.ts';

const mail = createMemoryTransport();

async function checked(page: Parameters<typeof assertNoAccessibilityViolations>[0]): Promise<void> {
  await assertNoAccessibilityViolations(page);
  await assertFormControlsLabelled(page);
}

describeInBrowser(
  'U1 accounts in the browser',
  (get) => {
    it('U1 a beheerder invites a partnerbeheerder, who follows the link from the mail, chooses a password and administers its own users', async () => {
      const page = await get().newPage();
      await logInAs(page, 'beheerder@demo.be');
      const users = await UsersPage.open(page);
      await checked(page);
      assert.ok((await users.emails()).includes('begeleider2@demo.be'), 'a beheerder sees every organisation');

      const invite = await users.invite();
      await checked(page);
      await invite.send();
      assert.deepEqual(await invite.errorSummaryMessages(), ['Vul het e-mailadres in', 'Vul de naam in', 'Kies de rol', 'Kies de vestiging']);
      await checked(page);
      await invite.fill({ email: 'lies.nieuw@koers.be', name: 'Lies Nieuw', role: 'Partnerbeheerder', office: 'Koers Outplacement: KOERS AALST (702)' });
      await invite.send();
      await assertHeading(page, 'Lies Nieuw');
      assert.equal(await page.getByText('De uitnodiging is verstuurd naar lies.nieuw@koers.be.').count(), 1);
      assert.equal(await page.getByText('Uitgenodigd', { exact: true }).count(), 1);
      await checked(page);

      await get().services.outbox.deliverMail();
      const message = mail.sent.find((m) => m.to === 'lies.nieuw@koers.be');
      assert.ok(message !== undefined, 'the invitation was sent');
      const link = /https?:\/\/\S+\/wachtwoord-kiezen\?token=[A-Za-z0-9_-]{43}/.exec(message.text)?.[0];
      assert.ok(link !== undefined);

      const invited = await get().newPage();
      await invited.goto(new URL(link).pathname + new URL(link).search);
      const choose = await ChoosePasswordPage.verifyOnPage(invited);
      await checked(invited);
      await choose.choose('password1234');
      assert.equal(await invited.getByText('Dit wachtwoord staat in een lijst van veelgebruikte of gelekte wachtwoorden: kies een ander').count(), 2, 'in the summary and at the field');
      await checked(invited);
      await (await ChoosePasswordPage.verifyOnPage(invited)).choose('lange wandeling langs de Dijle');
      const login = await LoginPage.verifyOnPage(invited);
      await login.notice('Je wachtwoord is ingesteld. Meld je aan met je e-mailadres en je nieuwe wachtwoord.');
      await login.logIn('lies.nieuw@koers.be', 'lange wandeling langs de Dijle');
      const own = await UsersPage.open(invited);
      const emails = await own.emails();
      assert.ok(emails.includes('partnerbeheerder@demo.be') && emails.includes('lies.nieuw@koers.be'));
      assert.ok(!emails.includes('begeleider2@demo.be'), 'only its own organisation');
    });

    it('U2 "Wachtwoord vergeten?" from the login page answers without telling whether the address exists', async () => {
      const page = await get().newPage();
      await LoginPage.open(page);
      await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
      await assertHeading(page, 'Wachtwoord vergeten');
      await checked(page);
      await page.getByLabel('E-mailadres').fill('niemand@nergens.be');
      await page.getByRole('button', { name: 'Link versturen' }).click();
      await LoginPage.verifyOnPage(page);
      assert.equal(await page.getByText(/Als dit e-mailadres bij een actief account hoort/).count(), 1);
      await checked(page);
    });
  },
  { mail },
);
