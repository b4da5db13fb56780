/**
 * ASVS 7.5.2 "Mijn sessies" in a real browser: a begeleider logged in on two devices opens the page
 * from the header, sees both sessions (this one tagged), ends the other one; the page passes axe.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertFormControlsLabelled, assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { logInAs } from './pages/login-page.ts';
import { assertHeading } from './pages/portal-page.ts';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

describeInBrowser('ASVS 7.5.2 Mijn sessies in the browser', (get) => {
  it('ASVS 7.5.2 a begeleider sees its two sessions and ends the other one; the page passes axe', async () => {
    const other = await get().newPage({ userAgent: FIREFOX_WINDOWS });
    await logInAs(other, 'begeleider@demo.be');
    await assertHeading(other, 'Mijn klanten');

    const page = await get().newPage();
    await logInAs(page, 'begeleider@demo.be');
    await page.getByRole('banner').getByRole('link', { name: 'Mijn sessies' }).click();
    await assertHeading(page, 'Mijn sessies');
    const table = page.getByRole('region', { name: 'Je sessies' }).getByRole('table');
    const rows = table.getByRole('row');
    assert.equal(await rows.count(), 3, 'a head row and two sessions');
    assert.match(await rows.nth(1).innerText(), /op Linux\s+Deze sessie/);
    assert.match(await rows.nth(2).innerText(), /^Firefox op Windows/);
    await assertNoAccessibilityViolations(page);
    await assertFormControlsLabelled(page);

    await page.getByRole('button', { name: 'Afmelden op alle andere toestellen' }).click();
    await assertHeading(page, 'Mijn sessies');
    assert.equal(await page.getByText('Je bent afgemeld op 1 ander toestel.').count(), 1);
    assert.equal(await rows.count(), 2, 'only this session left');
    await assertNoAccessibilityViolations(page);

    await other.reload();
    await assertHeading(other, 'Aanmelden');
  });
});
