/**
 * Keeping the dossier up to date in a real browser (K1–K3, manual section 4.3): at the end of
 * the guidance, the consultant of Koers Outplacement (begeleider@demo.be) brings Ann Janssens's
 * desired jobs and CV up to date, prints the CV, and leaves an internal note; axe finds no
 * WCAG 2.1 A/AA violation on any of the new pages. The tests share the demo world and run in order.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import type { PortraitPage } from './pages/dossier-pages.ts';
import { logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { ClientSearchPage } from './pages/search-page.ts';
import { ContactFormPage, CvItemFormPage, CvPage, DesiredJobFormPage, NotesPage, OccupationsPage, openDossierTab, ProfilePage } from './pages/upkeep-pages.ts';

const CLIENT = 'Ann Janssens';

async function openAnn(page: Page): Promise<PortraitPage> {
  await logInAs(page, 'begeleider@demo.be');
  return (await MyClientsPage.verifyOnPage(page)).openClient(CLIENT);
}

async function openProfile(page: Page): Promise<ProfilePage> {
  await openAnn(page);
  await openDossierTab(page, 'Profiel & Gewenste jobs');
  return ProfilePage.verifyOnPage(page);
}

async function openCv(page: Page): Promise<CvPage> {
  await openAnn(page);
  await openDossierTab(page, "Cv's");
  return CvPage.verifyOnPage(page);
}

describeInBrowser('keeping the dossier up to date in the browser', (get) => {
  it('K1 the dossier has the tabs of the manual that exist, and the Klantenportret sums up the dossier', async () => {
    const page = await get().newPage();
    const portrait = await openAnn(page);
    const tabs = (await page.getByRole('navigation', { name: 'Dossier', exact: true }).getByRole('link').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(tabs.filter((t) => t !== 'Documenten'), ['Klantenportret', 'Profiel & Gewenste jobs', "Cv's", 'Begeleiding']);
    assert.match(await portrait.value('Ingeschreven als werkzoekende'), /^Ja, sinds \d{2}\/\d{2}\/\d{4}$/);
    assert.ok((await page.getByRole('heading', { name: 'Lopende outplacement' }).count()) === 1);
    assert.ok((await page.getByText('Administratieve medewerkers, algemeen').count()) >= 1, 'the desired jobs are on the portrait');
    await assertNoAccessibilityViolations(page);
  });

  it('K2 manual 4.3: the consultant updates the desired jobs, searching the occupation without a list to scroll', async () => {
    const page = await get().newPage();
    const profile = await openProfile(page);
    assert.deepEqual(await profile.desiredJobs(), ['Administratief secretarissen en uitvoerende secretarissen', 'Administratieve medewerkers, algemeen']);
    await assertNoAccessibilityViolations(page);

    // A new desired job: search "receptionist", choose, fill in the rest, "Bewaar".
    const form = await profile.addDesiredJob();
    await form.saveForm();
    assert.deepEqual(await form.errorSummaryMessages(), [
      'Kies een beroep: zoek het op naam en kies het uit de lijst',
      'Kies de ervaring in dit beroep',
      'Kies minstens één regio',
      'Kies voltijds of deeltijds',
    ]);
    await assertNoAccessibilityViolations(page);
    await form.choose('Ervaring *', 'Ervaren');
    const found = await form.searchOccupation('receptionist');
    assert.ok(found.includes('Receptionisten, algemeen'), `found ${found.join(', ')}`);
    assert.ok(found.includes('Hotelreceptionisten'));
    assert.equal(await page.getByRole('group', { name: 'Ervaring *' }).getByLabel('Ervaren').isChecked(), true, 'the search keeps what was chosen');
    await assertNoAccessibilityViolations(page);
    await form.chooseOccupation('Receptionisten, algemeen');
    await form.setRegion('Antwerpen');
    await form.setRegion('Vlaams-Brabant');
    await form.choose('Regime *', 'Voltijds');
    await form.saveForm();
    const updated = await ProfilePage.verifyOnPage(page);
    assert.equal(await updated.banner(), 'De gewenste job Receptionisten, algemeen is toegevoegd.');
    assert.ok((await updated.desiredJobs()).includes('Receptionisten, algemeen'));
    assert.deepEqual((await updated.rowOf('Gewenste jobs', 'Receptionisten')).slice(1), ['Ervaren', 'Antwerpen, Vlaams-Brabant', 'Voltijds']);

    // A changed one: the client now wants the secretarial job full-time.
    const change = await updated.openDesiredJob('Administratief secretarissen en uitvoerende secretarissen');
    await change.choose('Regime *', 'Voltijds');
    await change.saveForm();
    const afterChange = await ProfilePage.verifyOnPage(page);
    assert.equal(await afterChange.banner(), 'De wijzigingen zijn bewaard.');
    assert.equal((await afterChange.rowOf('Gewenste jobs', 'Administratief secretarissen'))[3], 'Voltijds');
  });

  it('K2 the contact data are checked as Belgian postcode and phone number, and kept when wrong', async () => {
    const page = await get().newPage();
    const profile = await openProfile(page);
    const form = await profile.changeContact();
    await form.fill({ Telefoon: '0470 12', Postcode: '280' });
    await form.saveForm();
    const again = await ContactFormPage.verifyOnPage(page);
    assert.deepEqual(await again.errorSummaryMessages(), [
      'Vul een Belgisch telefoonnummer in dat begint met 0 of +32, zoals 0470 12 34 56 of +32 15 21 22 23',
      'Vul een Belgische postcode in: 4 cijfers, van 1000 tot 9999',
    ]);
    assert.equal(await page.getByLabel('Postcode').inputValue(), '280');
    await assertNoAccessibilityViolations(page);
    await again.fill({ Telefoon: '+32 470 12 34 56', Postcode: '2800' });
    await again.saveForm();
    const saved = await ProfilePage.verifyOnPage(page);
    assert.equal(await saved.value('Telefoon'), '+32 470 12 34 56');
  });

  it('K2 manual 4.3: the consultant brings the CV up to date and prints it as a PDF', async () => {
    const page = await get().newPage();
    const cv = await openCv(page);
    await assertNoAccessibilityViolations(page);

    // The training followed during the guidance.
    const education = await cv.add('Opleiding');
    await education.saveForm();
    assert.deepEqual(await education.errorSummaryMessages(), ['Kies het niveau van de opleiding', 'Vul de studierichting in', 'Kies of het diploma behaald is']);
    await assertNoAccessibilityViolations(page);
    await education.fill({ 'Niveau *': 'Andere opleiding', 'Studierichting *': 'Excel gevorderd', Onderwijsinstelling: 'Opleidingscentrum Mechelen', Jaar: '2026' });
    await education.choose('Diploma behaald *', 'Ja');
    await education.saveForm();
    const afterEducation = await CvPage.verifyOnPage(page);
    assert.equal(await afterEducation.banner(), 'De opleiding is toegevoegd aan het cv.');
    assert.ok((await afterEducation.firstColumn('Opleidingen')).includes('Excel gevorderd'));

    // A short job during the guidance: first with the months the wrong way round.
    const work = await afterEducation.add('Werkervaring');
    await work.fill({ 'Functie *': 'Onthaalmedewerker (interim)', 'Werkgever *': 'Stad Mechelen' });
    await work.fillMonth('Van *', '10', '2026');
    await work.fillMonth('Tot', '09', '2026');
    await work.saveForm();
    const again = await CvItemFormPage.verifyOnPage(page, 'Werkervaring toevoegen');
    assert.deepEqual(await again.errorSummaryMessages(), ['Het einde mag niet voor de start liggen']);
    assert.equal(await page.getByLabel('Functie *').inputValue(), 'Onthaalmedewerker (interim)');
    await assertNoAccessibilityViolations(page);
    await again.fillMonth('Tot', '11', '2026');
    await again.saveForm();
    const afterWork = await CvPage.verifyOnPage(page);
    assert.deepEqual((await afterWork.rowOf('Werkervaring', 'Onthaalmedewerker')).slice(1), ['Stad Mechelen', '10/2026', '11/2026']);

    // A language, a driving licence and a competence.
    const language = await afterWork.add('Taal');
    await language.fill({ 'Taal *': 'Duits', 'Begrijpen *': 'Redelijk', 'Spreken *': 'Basiskennis', 'Lezen *': 'Redelijk', 'Schrijven *': 'Basiskennis' });
    await language.saveForm();
    const afterLanguage = await CvPage.verifyOnPage(page);
    assert.ok((await afterLanguage.firstColumn('Talen')).includes('Duits'));
    const licences = await afterLanguage.changeLicences();
    await assertNoAccessibilityViolations(page);
    await licences.set('BE', true);
    await licences.saveForm();
    const afterLicences = await CvPage.verifyOnPage(page);
    assert.equal(await afterLicences.licences(), 'B, BE');
    await afterLicences.addCompetence('Plannen en organiseren');
    const afterCompetence = await CvPage.verifyOnPage(page);
    assert.ok((await afterCompetence.competences()).includes('Plannen en organiseren'));

    // "CV afdrukken".
    const printed = await afterCompetence.printedCv();
    assert.equal(printed.status, 200);
    assert.equal(printed.type, 'application/pdf');
    assert.equal(printed.start, '%PDF-');
    assert.ok(printed.size > 1000, `a PDF of ${printed.size} bytes`);
  });

  it('K3 an internal note is kept for the own organisation, and the log shows the changes', async () => {
    const page = await get().newPage();
    await openAnn(page);
    await openDossierTab(page, 'Begeleiding');
    await openDossierTab(page, 'Interne opmerking', 'Begeleiding');
    const notes = await NotesPage.verifyOnPage(page);
    await notes.add('Dossier bijgewerkt voor de overdracht: cv en gewenste jobs nagekeken met de klant.');
    const after = await NotesPage.verifyOnPage(page);
    assert.equal((await after.notes())[0], 'Dossier bijgewerkt voor de overdracht: cv en gewenste jobs nagekeken met de klant.');
    await assertNoAccessibilityViolations(page);

    await openDossierTab(page, 'Profiel & Gewenste jobs');
    await page.getByRole('link', { name: 'Wijzigingen aan profiel, gewenste jobs en cv' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wijzigingen aan profiel, gewenste jobs en cv' }).waitFor();
    assert.ok((await page.getByText('Gewenste job: Receptionisten, algemeen (4226) toegevoegd').count()) === 1);
    await assertNoAccessibilityViolations(page);
  });

  it('K2 without JavaScript a desired job is found and chosen all the same', async () => {
    const page = await get().newPage({ javaScriptEnabled: false });
    const profile = await openProfile(page);
    const form = await profile.addDesiredJob();
    const found = await form.searchOccupation('winkel');
    assert.ok(found.includes('Toezichthoudend personeel in winkels'), found.join(', '));
    await form.chooseOccupation('Toezichthoudend personeel in winkels');
    await form.choose('Ervaring *', 'Beperkt');
    await form.setRegion('Antwerpen');
    await form.choose('Regime *', 'Deeltijds');
    await form.saveForm();
    assert.ok((await (await ProfilePage.verifyOnPage(page)).desiredJobs()).includes('Toezichthoudend personeel in winkels'));
  });

  it('K2 the beheerder adds an occupation to the catalogue', async () => {
    const page = await get().newPage();
    await logInAs(page, 'beheerder@demo.be');
    // Issue 12: the catalogue is reached through "Beheer" in the main menu.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('link', { name: 'Beroepen' }).click();
    const catalogue = await OccupationsPage.verifyOnPage(page);
    await catalogue.addOccupation('Webmaster', '2513');
    assert.equal(await (await OccupationsPage.verifyOnPage(page)).banner(), 'Het beroep Webmaster (2513-1) is toegevoegd aan de catalogus.');
    await assertNoAccessibilityViolations(page);
  });

  it('K2 the forms of Profiel are free of axe violations: availability and a desired job to change', async () => {
    const page = await get().newPage();
    await openProfile(page);
    await page.getByRole('link', { name: 'Wijzigen beschikbaarheid' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beschikbaarheid wijzigen' }).waitFor();
    await assertNoAccessibilityViolations(page);
    await page.goBack();
    const form = await (await ProfilePage.verifyOnPage(page)).openDesiredJob('Administratieve medewerkers, algemeen');
    assert.ok(form instanceof DesiredJobFormPage);
    await assertNoAccessibilityViolations(page);
  });

  it('K1 service staff record the registration as a job seeker on a form free of axe violations', async () => {
    const page = await get().newPage();
    await logInAs(page, 'secretariaat@demo.be');
    const search = await ClientSearchPage.verifyOnPage(page);
    await search.search('Willems');
    await search.openResult('Koen Willems');
    await openDossierTab(page, 'Profiel & Gewenste jobs');
    const profile = await ProfilePage.verifyOnPage(page);
    assert.equal(await profile.value('Ingeschreven als werkzoekende'), 'Niet geregistreerd');
    await page.getByRole('link', { name: 'Wijzigen inschrijving als werkzoekende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inschrijving als werkzoekende' }).waitFor();
    await assertNoAccessibilityViolations(page);
    await page.getByRole('group', { name: 'Ingeschreven als werkzoekende *' }).getByLabel('Ja', { exact: true }).check();
    const date = page.getByRole('group', { name: 'Datum van inschrijving' });
    await date.getByLabel('Dag').fill('02');
    await date.getByLabel('Maand').fill('11');
    await date.getByLabel('Jaar').fill('2026');
    await page.getByRole('button', { name: 'Bewaar', exact: true }).click();
    const saved = await ProfilePage.verifyOnPage(page);
    assert.equal(await saved.value('Ingeschreven als werkzoekende'), 'Ja, sinds 02/11/2026');
  });
});
