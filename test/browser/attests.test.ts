/**
 * Access by the signed attest outplacement in a real browser (A1–A3, manual section 1): a partner
 * requests access for a client the registry does not know yet (with a small generated PDF as the
 * scan), the secretariaat approves it, and the partner opens the dossier and registers the
 * Outplacement line. Axe on every new page.
 *
 * Issue 17 "One end-to-end test that plays an office's CRM": the test as the CRM of the demo
 * partner (Koers Outplacement) with its own API token and webhook receiver (node:http on
 * 127.0.0.1, WEBHOOK_ALLOW_LOCAL), and the secretariaat in Chromium: the CRM requests access with
 * the scan through the API; the secretariaat approves in the browser; the CRM waits for the signed
 * `attest.goedgekeurd` webhook, verifies its signature, then registers the Outplacement line,
 * uploads the action plan and reads the change log, all over HTTP.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { addDays, addMonths, dateInBrussels, dateParts, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import { verifySignature } from '../../src/domain/webhooks/signature.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { TEST_NOW } from '../support/test-app.ts';
import { assertFormControlsLabelled, assertNoAccessibilityViolations, describeInBrowser } from '../support/browser.ts';
import { DOCX, MEDIA_TYPES, PDF } from '../support/documents.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';
import { AttestQueuePage, MyRequestsPage, openFromNavigation, RequestAccessPage, type DateBoxes } from './pages/attests-pages.ts';
import { logInAs } from './pages/login-page.ts';
import { MyClientsPage } from './pages/my-clients-page.ts';
import { StepsOverviewPage, TODAY } from './pages/steps-pages.ts';

type Json = Record<string, unknown>;

const boxes = (date: CalendarDate): DateBoxes => {
  const { year, month, day } = dateParts(date);
  return { dag: String(day).padStart(2, '0'), maand: String(month).padStart(2, '0'), jaar: String(year) };
};

/** A one-page PDF, as a scanner would send it. */
async function scanPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Attest outplacement - ondertekend', { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

describeInBrowser('access by the signed attest in the browser', (get) => {
  it('A2 A3 A1 manual section 1: a partner requests access for a new client, the secretariaat approves, the partner opens the dossier and registers the Outplacement line', async () => {
    const today = dateInBrussels(TEST_NOW);
    const birth = '1984-06-12' as CalendarDate;
    const client = { insz: makeInsz(birth, 231), familienaam: 'Verstraete', voornaam: 'Lotte' };

    // The partner: "Toegang aanvragen" with the scan.
    const partner = await get().newPage();
    await logInAs(partner, 'begeleider@demo.be');
    await MyClientsPage.verifyOnPage(partner);
    await openFromNavigation(partner, 'Toegang aanvragen');
    const form = await RequestAccessPage.verifyOnPage(partner);
    await assertNoAccessibilityViolations(partner);
    await assertFormControlsLabelled(partner);
    await form.fill({ ...client, geboortedatum: boxes(birth), regime: 'CAO 82 (45+)', start: boxes(addDays(today, -7)), end: boxes(addMonths(today, 6)) });
    await form.submit();
    // Without the scan: the error summary says so, and nothing typed is lost.
    assert.deepEqual(await form.errorSummaryMessages(), ['Kies de scan van het attest dat de klant ondertekende']);
    await assertNoAccessibilityViolations(partner);
    assert.equal(await partner.getByLabel('Familienaam *').inputValue(), 'Verstraete');
    await form.chooseScan('attest Verstraete.pdf', 'application/pdf', await scanPdf());
    await form.submit();
    const mine = await MyRequestsPage.verifyOnPage(partner);
    assert.match((await mine.successMessage()) ?? '', /Je aanvraag is ingediend/);
    assert.equal(await mine.stateOf('Lotte Verstraete'), 'Ingediend');
    await assertNoAccessibilityViolations(partner);

    // The secretariaat: "Te behandelen attesten", the detail, "Origineel ontvangen", "Goedkeuren".
    const staff = await get().newPage();
    await logInAs(staff, 'secretariaat@demo.be');
    await openFromNavigation(staff, 'Te behandelen attesten');
    const queue = await AttestQueuePage.verifyOnPage(staff);
    assert.ok((await queue.clients()).includes('Lotte Verstraete'));
    await assertNoAccessibilityViolations(staff);
    const detail = await queue.open('Lotte Verstraete');
    assert.equal(await detail.value('Regime'), 'CAO 82 (45+)');
    assert.match(await detail.scanLink(), /^\/attesten\/[0-9a-f-]{36}\/scan$/);
    await assertNoAccessibilityViolations(staff);
    await assertFormControlsLabelled(staff);
    await detail.markOriginalReceived();
    const after = await detail.approve();
    assert.match((await after.successMessage()) ?? '', /De aanvraag voor Lotte Verstraete is goedgekeurd/);
    assert.ok(!(await after.clients()).includes('Lotte Verstraete'), 'the request left the queue');

    // The partner: the client is in Mijn klanten; the dossier opens; the Outplacement line is registered.
    await openFromNavigation(partner, 'Mijn aanvragen');
    assert.equal(await (await MyRequestsPage.verifyOnPage(partner)).stateOf('Lotte Verstraete'), 'Goedgekeurd');
    await partner.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn klanten', exact: true }).click();
    const portrait = await (await MyClientsPage.verifyOnPage(partner)).openClient('Lotte Verstraete');
    await portrait.assertIdentity('Lotte Verstraete', '12/06/1984');
    await portrait.openBegeleiding();
    const overview = await StepsOverviewPage.verifyOnPage(partner);
    await overview.openAddStep();
    const step = await overview.chooseStepType('Outplacement');
    await step.fillDate({ dag: TODAY.dag, maand: TODAY.maand, jaar: TODAY.jaar });
    await step.confirm();
    const lines = await StepsOverviewPage.verifyOnPage(partner);
    assert.deepEqual(await lines.rows(), [{ date: TODAY.shown, step: 'Outplacement', state: 'Bezig' }]);
  });

  it('A4 A6 "Verlenging aanvragen" and "Wie bekeek dit dossier" are reached from the dossier and pass axe', async () => {
    const partner = await get().newPage();
    await logInAs(partner, 'begeleider@demo.be');
    await (await MyClientsPage.verifyOnPage(partner)).openClient('Ann Janssens');
    const dossierUrl = new URL(partner.url()).pathname;
    await partner.getByRole('link', { name: 'Verlenging aanvragen' }).click();
    await partner.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await partner.getByRole('heading', { level: 1 }).innerText(), /Verlenging/);
    await assertNoAccessibilityViolations(partner);
    await assertFormControlsLabelled(partner);

    const staff = await get().newPage();
    await logInAs(staff, 'secretariaat@demo.be');
    await staff.goto(new URL(dossierUrl, staff.url()).toString());
    await staff.getByRole('link', { name: 'Wie bekeek dit dossier' }).click();
    assert.equal(await staff.getByRole('heading', { level: 1 }).innerText(), 'Wie bekeek dit dossier');
    // The partner's opening of the dossier above is listed, with its organisation.
    assert.match(await staff.locator('main').innerText(), /Koers Outplacement/);
    await assertNoAccessibilityViolations(staff);
  });

  it('A2 A3 W1 O2 D2 O11: the CRM requests access with a scan, hears the approval by a signed webhook, registers the Outplacement line, uploads the action plan and reads the change log', async () => {
    const { baseUrl, services } = get();
    const today = dateInBrussels(TEST_NOW);
    const receiver = await startWebhookReceiver();
    try {
      // Set-up by the partnerbeheerder (the pages "API-sleutels" and "Webhooks" do the same).
      const login = await services.auth.login('partnerbeheerder@demo.be', DEMO_PASSWORD, '127.0.0.1');
      assert.ok(login.ok);
      const admin = login.actor;
      const token = await services.apiTokens.create(admin, { name: 'CRM Koers', scopes: ['dossiers:read', 'stappen:write', 'documenten:write', 'aanvragen:write'], expiresOn: addMonths(today, 6) });
      assert.ok(token.ok, JSON.stringify(token));
      const endpoint = await services.webhookEndpoints.create(admin, { url: receiver.url('/crm/webhooks'), events: ['attest.goedgekeurd'] });
      assert.ok(endpoint.ok, JSON.stringify(endpoint));

      const api = async (method: string, path: string, body?: Json | FormData, headers: Record<string, string> = {}) => {
        const json = body !== undefined && !(body instanceof FormData);
        const response = await fetch(`${baseUrl}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token.value.token}`, ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
          ...(body === undefined ? {} : { body: json ? JSON.stringify(body) : body }),
        });
        return { status: response.status, headers: response.headers, json: (await response.json()) as Json };
      };

      // 1. The CRM requests access: the fields and the scan as multipart/form-data.
      const birth = '1979-11-03' as CalendarDate;
      const form = new FormData();
      const fields = { insz: makeInsz(birth, 417), familienaam: 'Vermeulen', voornaam: 'Kato', geboortedatum: birth, regime: 'algemeen', startdatum: addDays(today, -3), einddatum: addMonths(today, 6) };
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('scan', new Blob([PDF], { type: MEDIA_TYPES.pdf }), 'attest Vermeulen.pdf');
      const requested = await api('POST', '/aanvragen', form, { 'idempotency-key': 'crm-koers-aanvraag-1' });
      assert.equal(requested.status, 201, JSON.stringify(requested.json));
      assert.deepEqual(requested.json['toestand'], { code: 'ingediend', label: 'Ingediend' });
      const requestId = String(requested.json['id']);

      // 2. The secretariaat approves it in the browser.
      const staff = await get().newPage();
      await logInAs(staff, 'secretariaat@demo.be');
      await openFromNavigation(staff, 'Te behandelen attesten');
      const detail = await (await AttestQueuePage.verifyOnPage(staff)).open('Kato Vermeulen');
      await detail.markOriginalReceived();
      const queue = await detail.approve();
      assert.match((await queue.successMessage()) ?? '', /De aanvraag voor Kato Vermeulen is goedgekeurd/);

      // 3. The CRM's receiver gets the signed "approved" event (the outbox job's work, run now).
      let delivery = receiver.received('/crm/webhooks')[0];
      for (let attempt = 0; delivery === undefined && attempt < 20; attempt++) {
        await services.outbox.deliverWebhooks();
        delivery = receiver.received('/crm/webhooks')[0];
      }
      assert.ok(delivery !== undefined, 'the approval reached the CRM');
      assert.equal(delivery.headers['loopbaanportaal-event-type'], 'attest.goedgekeurd');
      assert.ok(verifySignature(endpoint.value.secret, String(delivery.headers['loopbaanportaal-signature']), delivery.body, services.clock.now()), 'the signature holds');
      const event = JSON.parse(delivery.body) as { id: string; clientId: string; data: Json };
      assert.equal(delivery.headers['loopbaanportaal-event-id'], event.id);
      assert.equal(event.data['attestRequestId'], requestId);
      const state = await api('GET', `/aanvragen/${requestId}`);
      assert.deepEqual(state.json['toestand'], { code: 'goedgekeurd', label: 'Goedgekeurd' });
      assert.equal(state.json['klantId'], event.clientId);
      const clientId = event.clientId;

      // 4. The Outplacement line (O2–O4), with the organisation's own office.
      assert.ok(admin.officeId !== null);
      const line = await api('POST', `/klanten/${clientId}/stappen`, { stapType: 'outplacement', datum: today, aanvragerId: admin.officeId, uitvoerderId: admin.officeId, samenvatting: 'Intake gepland' }, { 'idempotency-key': 'crm-koers-lijn-1' });
      assert.equal(line.status, 201, JSON.stringify(line.json));
      assert.deepEqual(line.json['toestand'], { code: 'bezig', label: 'Bezig' });

      // 5. The action plan (D2, D3), as multipart.
      const plan = new FormData();
      plan.append('publicatienaam', 'Actieplan Kato Vermeulen');
      plan.append('soort', 'actieplan');
      plan.append('stapId', String(line.json['id']));
      plan.append('document', new Blob([DOCX], { type: MEDIA_TYPES.docx }), 'actieplan.docx');
      const document = await api('POST', `/klanten/${clientId}/documenten`, plan, { 'idempotency-key': 'crm-koers-actieplan-1' });
      assert.equal(document.status, 201, JSON.stringify(document.json));
      assert.deepEqual(document.json['soort'], { code: 'actieplan', label: 'Actieplan' });
      const download = await fetch(`${baseUrl}${String(document.json['inhoud'])}`, { headers: { authorization: `Bearer ${token.value.token}` } });
      assert.deepEqual(Buffer.from(await download.arrayBuffer()), DOCX);

      // 6. The change log (O11): the registration, by the organisation's system through this token.
      const log = await api('GET', `/klanten/${clientId}/logboek`);
      assert.equal(log.status, 200);
      const events = log.json['gebeurtenissen'] as Json[];
      const registered = events.find((e) => e['actie'] === 'stap.geregistreerd');
      assert.ok(registered !== undefined, JSON.stringify(events));
      assert.equal(registered['kanaal'], 'CRM Koers');
      assert.equal(registered['door'], 'systeem van Koers Outplacement');
      assert.equal(registered['stapId'], line.json['id']);
    } finally {
      await receiver.close();
    }
  });
}, { config: { WEBHOOK_ALLOW_LOCAL: 'true' } });
