/**
 * Issue 17 "One end-to-end test that plays an office's CRM": the real application on a port, the
 * test as the CRM of the demo partner (Koers Outplacement) with its own API token and webhook
 * receiver (node:http on 127.0.0.1, WEBHOOK_ALLOW_LOCAL), and the secretariaat in Chromium.
 * The CRM requests access with the scan through the API; the secretariaat approves in the browser;
 * the CRM waits for the signed `attest.goedgekeurd` webhook, verifies its signature, then
 * registers the Outplacement line, uploads the action plan and reads the change log, all over HTTP.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addDays, addMonths, dateInBrussels, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import { verifySignature } from '../../src/domain/webhooks/signature.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { describeInBrowser } from '../support/browser.ts';
import { DOCX, MEDIA_TYPES, PDF } from '../support/documents.ts';
import { TEST_NOW } from '../support/test-app.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';
import { AttestQueuePage, openFromNavigation } from './pages/attests-pages.ts';
import { logInAs } from './pages/login-page.ts';

type Json = Record<string, unknown>;

describeInBrowser('an office\'s CRM through the partner API', (get) => {
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
