/**
 * Webhooks (issue 17, item 6) from the use cases to a receiver: every listed use case raises its
 * event inside its own transaction (W1, W2), the outbox delivers it after the commit, signed (W4),
 * retried with back-off for a day and then given up, in order per dossier and once each, also with
 * two workers (W3). The receiver is node:http on 127.0.0.1 (WEBHOOK_ALLOW_LOCAL, tests only).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, it } from 'node:test';
import { addDays, addMonths, type CalendarDate } from '../../src/domain/calendar-date.ts';
import type { Client } from '../../src/domain/clients.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import { RETRY_POLICY } from '../../src/domain/outbox.ts';
import type { Actor } from '../../src/domain/users.ts';
import { WEBHOOK_EVENT_TYPES, type DomainEvent, type WebhookPayload } from '../../src/domain/webhooks/events.ts';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifySignature } from '../../src/domain/webhooks/signature.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { createMemoryTransport } from '../../src/mail/mail-transport.ts';
import { createOutboxService } from '../../src/services/outbox/outbox-service.ts';
import { systemResolver } from '../../src/services/webhooks/destination.ts';
import { createSecretBox } from '../../src/services/webhooks/secret-box.ts';
import { createWebhookSender } from '../../src/services/webhooks/webhook-sender.ts';
import { aClient, anAttest, anOrganisation, anOutplacementStep, aStep, aUser } from '../support/factories.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../support/webhook-receiver.ts';

const repos = createRepositories();

async function actorOf(t: TestApp, user: { id: string }): Promise<Actor> {
  const actor = await t.services.auth.currentActor(user.id);
  if (actor === undefined) throw new Error('no actor');
  return actor;
}

async function world(t: TestApp) {
  const dienst = await anOrganisation(t.db, { kind: 'dienst', name: 'Dienst' });
  return {
    receiver: await startWebhookReceiver(),
    secretariaat: await actorOf(t, await aUser(t.db, 'secretariaat', dienst)),
    adviseur: await actorOf(t, await aUser(t.db, 'interventieadviseur', dienst)),
  };
}

const payloadOf = (r: ReceivedWebhook): WebhookPayload => JSON.parse(r.body) as WebhookPayload;
const delivered = (rs: readonly ReceivedWebhook[]): ReceivedWebhook[] => rs.filter((r) => r.status === 204);

describeOnEachDatabase('Webhooks: events, signature, retries and order', world, (get) => {
  after(async () => {
    await get().data.receiver.close();
  });
  const receiver = (): WebhookReceiver => get().data.receiver;

  /** A partner organisation with a partnerbeheerder, a begeleider and an endpoint at `path` (all events unless given). */
  async function partnerWithEndpoint(path: string, events: readonly string[] = WEBHOOK_EVENT_TYPES) {
    const t = get();
    const organisation = await anOrganisation(t.db);
    const beheerder = await actorOf(t, await aUser(t.db, 'partnerbeheerder', organisation));
    const begeleiderUser = await aUser(t.db, 'begeleider', organisation);
    const created = await t.services.webhookEndpoints.create(beheerder, { url: receiver().url(path), events });
    assert.ok(created.ok, JSON.stringify(created));
    return { organisation, beheerder, begeleiderUser, begeleider: await actorOf(t, begeleiderUser), endpointId: created.value.id, secret: created.value.secret };
  }

  /** Runs the webhook delivery until nothing more is due now. */
  async function deliverAll(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const result = await get().services.outbox.deliverWebhooks();
      if (result.sent + result.failed + result.givenUp === 0) return;
    }
  }

  const outboxOf = (endpointId: string) =>
    get().db.selectFrom('outbox').select(['id', 'topic', 'attempts', 'lastStatus', 'sentAt', 'givenUpAt', 'availableAt', 'createdAt', 'payload']).where('webhookEndpointId', '=', endpointId).orderBy('id').execute();

  let serial = 300;
  async function aRequest(organisationId: string, by: Actor, kind: 'nieuw' | 'verlenging', extra: { client?: Client; attestId?: string; previousEndDate?: CalendarDate; endDate?: CalendarDate } = {}) {
    const t = get();
    const today = t.clock.today();
    const birthDate = '1985-06-12' as CalendarDate;
    const id = await repos.attestRequests.insert(t.db, {
      kind,
      organisationId,
      insz: extra.client?.insz ?? makeInsz(birthDate, (serial += 1)),
      familyName: extra.client?.familyName ?? 'Verborgen',
      firstName: extra.client?.firstName ?? 'Vera',
      birthDate: extra.client?.birthDate ?? birthDate,
      regime: 'algemeen',
      startDate: addDays(today, -2),
      endDate: extra.endDate ?? addMonths(today, 6),
      attestId: extra.attestId ?? null,
      previousEndDate: extra.previousEndDate ?? null,
      clientId: extra.client?.id ?? null,
      scan: { sha256: createHash('sha256').update('scan').digest('hex'), fileName: 'attest.pdf', mediaType: 'application/pdf', sizeBytes: 100 },
      submittedBy: by.userId,
      submittedByLabel: by.displayName,
      submittedAt: t.clock.now(),
    });
    if (id === undefined) throw new Error('request not inserted');
    const request = await repos.attestRequests.findById(t.db, id);
    if (request === undefined) throw new Error('request not found');
    return request;
  }

  it('W1 every listed use case raises its event in its own transaction, to the endpoints of its organisation that follow it; the payload has ids and states, never names or INSZ', async () => {
    const t = get();
    const { secretariaat, adviseur } = t.data;
    const today = t.clock.today();
    const p = await partnerWithEndpoint('/alles');
    const onlyCompletions = await t.services.webhookEndpoints.create(p.beheerder, { url: receiver().url('/uitgevoerd'), events: ['stap.uitgevoerd'] });
    assert.ok(onlyCompletions.ok);
    const q = await partnerWithEndpoint('/ander');
    const clients: Client[] = [];
    const reasons = ['Handtekening ontbreekt bij Verborgen', 'Klant Jansens wil doorgaan'];

    // attest.goedgekeurd: a new request for an INSZ the registry does not know yet.
    const fresh = await aRequest(p.organisation.id, p.begeleider, 'nieuw');
    assert.ok((await t.services.attestHandling.decide(secretariaat, fresh.id, { action: 'goedkeuren', version: fresh.version, originalReceived: true })).ok);
    const created = await repos.clients.findByInsz(t.db, fresh.insz);
    assert.ok(created !== undefined);
    clients.push(created);
    // attest.afgewezen: a new request, refused with a reason (which stays out of the payload).
    const refused = await aRequest(p.organisation.id, p.begeleider, 'nieuw');
    assert.ok((await t.services.attestHandling.decide(secretariaat, refused.id, { action: 'afwijzen', version: refused.version, originalReceived: false, reason: reasons[0] ?? '' })).ok);
    // attest.verlengd
    const extended = await aClient(t.db);
    clients.push(extended);
    const attestId = await anAttest(t.db, 'running', { clientId: extended.id, organisationId: p.organisation.id }, today);
    const extension = await aRequest(p.organisation.id, p.begeleider, 'verlenging', { client: extended, attestId, previousEndDate: addMonths(today, 5), endDate: addMonths(today, 8) });
    assert.ok((await t.services.attestHandling.decide(secretariaat, extension.id, { action: 'goedkeuren', version: extension.version, originalReceived: true })).ok);
    // stap.stopgezet by the adviseur, today.
    const stopped = await aClient(t.db);
    clients.push(stopped);
    await anAttest(t.db, 'running', { clientId: stopped.id, organisationId: p.organisation.id }, today);
    const stoppedLine = await anOutplacementStep(t.db, { clientId: stopped.id, organisation: p.organisation, createdBy: p.begeleiderUser }, { startDate: addDays(today, -20), endDate: addMonths(today, 5) });
    const version = (await repos.steps.findById(t.db, stoppedLine))?.version ?? 0;
    assert.ok((await t.services.stopRequests.stop(adviseur, stopped.id, stoppedLine, { version, date: today })).ok);
    // stopverzoek.afgewezen
    const declined = await aClient(t.db);
    clients.push(declined);
    await anAttest(t.db, 'running', { clientId: declined.id, organisationId: p.organisation.id }, today);
    const declinedLine = await anOutplacementStep(t.db, { clientId: declined.id, organisation: p.organisation, createdBy: p.begeleiderUser }, { startDate: addDays(today, -20), endDate: addMonths(today, 5) });
    assert.ok((await t.services.stopRequests.request(p.begeleider, declined.id, declinedLine, { reason: 'Werk gevonden', proposedDate: today })).ok);
    assert.ok((await t.services.stopRequests.decline(adviseur, declined.id, declinedLine, { reason: reasons[1] ?? '' })).ok);
    // stap.uitgevoerd by the sweep (J1).
    const completed = await aClient(t.db);
    clients.push(completed);
    const completedLine = await aStep(t.db, { clientId: completed.id, organisation: p.organisation, createdBy: p.begeleiderUser }, { startDate: addMonths(today, -8), endDate: addMonths(today, -2) });
    assert.ok((await t.services.sweep.run()).completed >= 1);
    // toegang.beeindigd: an attest whose access period ended, announced once.
    const ended = await aClient(t.db);
    clients.push(ended);
    const endedAttest = await anAttest(t.db, 'expired', { clientId: ended.id, organisationId: p.organisation.id }, today);
    assert.ok((await t.services.webhookEvents.announceEndedAccess()).announced >= 1);
    assert.equal((await t.services.webhookEvents.announceEndedAccess()).announced, 0, 'announced once');

    assert.deepEqual((await outboxOf(p.endpointId)).map((r) => r.topic), [...WEBHOOK_EVENT_TYPES], 'one row per event, in the order of the changes');
    assert.deepEqual((await outboxOf(onlyCompletions.value.id)).map((r) => r.topic), ['stap.uitgevoerd']);
    await deliverAll();
    const arrived = receiver().received('/alles');
    const payloads = arrived.map(payloadOf);
    assert.deepEqual(payloads.map((x) => x.type), [...WEBHOOK_EVENT_TYPES]);
    assert.equal(receiver().received('/uitgevoerd').length, 1);
    assert.equal(receiver().received('/ander').length, 0, "another organisation's endpoint hears nothing of these");
    assert.equal(q.organisation.id === p.organisation.id, false);

    for (const [i, payload] of payloads.entries()) {
      assert.deepEqual(Object.keys(payload).sort(), ['clientId', 'data', 'id', 'occurredAt', 'organisationId', 'type']);
      assert.equal(payload.organisationId, p.organisation.id);
      assert.equal(payload.occurredAt, t.clock.now().toISOString());
      assert.match(payload.id, /^[0-9a-f-]{36}$/);
      const body = arrived[i]?.body ?? '';
      for (const client of clients) {
        for (const personal of [client.insz, client.familyName, `"${client.firstName}"`]) assert.ok(!body.includes(personal), `${payload.type} carries no ${personal}`);
      }
      for (const personal of [fresh.insz, 'Verborgen', 'Vera', ...reasons, 'Werk gevonden']) assert.ok(!body.includes(personal), `${payload.type} carries no ${personal}`);
    }
    const byType = new Map(payloads.map((x) => [x.type, x]));
    assert.deepEqual(byType.get('attest.goedgekeurd')?.data, { attestRequestId: fresh.id, attestId: (await repos.attestRequests.findById(t.db, fresh.id))?.attestId, state: 'goedgekeurd', startDate: fresh.startDate, endDate: fresh.endDate, accessUntil: byType.get('attest.goedgekeurd')?.data['accessUntil'] });
    assert.equal(byType.get('attest.goedgekeurd')?.clientId, created.id);
    assert.deepEqual(byType.get('attest.afgewezen')?.data, { attestRequestId: refused.id, kind: 'nieuw', attestId: null, state: 'afgewezen' });
    assert.equal(byType.get('attest.afgewezen')?.clientId, null);
    assert.deepEqual(byType.get('attest.verlengd')?.data, { attestRequestId: extension.id, attestId, state: 'goedgekeurd', previousEndDate: addMonths(today, 5), endDate: addMonths(today, 8), accessUntil: byType.get('attest.verlengd')?.data['accessUntil'], stepId: null });
    assert.deepEqual(byType.get('stap.stopgezet')?.data, { stepId: stoppedLine, attestId: null, state: 'stopgezet', date: today, stopRequestId: null, automatic: false });
    assert.equal(byType.get('stap.stopgezet')?.clientId, stopped.id);
    assert.equal(byType.get('stopverzoek.afgewezen')?.data['stepId'], declinedLine);
    assert.equal(byType.get('stopverzoek.afgewezen')?.data['state'], 'afgewezen');
    assert.equal(byType.get('stopverzoek.afgewezen')?.data['stepState'], 'bezig');
    assert.deepEqual(byType.get('stap.uitgevoerd')?.data, { stepId: completedLine, attestId: null, state: 'uitgevoerd', date: addMonths(addMonths(today, -2), 1), automatic: true });
    assert.deepEqual(byType.get('toegang.beeindigd')?.data, { attestId: endedAttest, endDate: addMonths(today, -3), accessUntil: byType.get('toegang.beeindigd')?.data['accessUntil'] });
    assert.equal(byType.get('toegang.beeindigd')?.clientId, ended.id);
    // Delivered rows keep no payload.
    for (const row of await outboxOf(p.endpointId)) assert.deepEqual([row.payload, row.lastStatus, row.sentAt !== null], [{}, 204, true]);
  });

  it('W2 a change that is rolled back sends nothing: a refused extension leaves no outbox row, nor does a failed transaction', async () => {
    const t = get();
    const today = t.clock.today();
    const p = await partnerWithEndpoint('/terug');
    const client = await aClient(t.db);
    const attestId = await anAttest(t.db, 'running', { clientId: client.id, organisationId: p.organisation.id }, today);
    const line = await aStep(t.db, { clientId: client.id, organisation: p.organisation, createdBy: p.begeleiderUser }, { startDate: addMonths(today, -1), state: 'uitgevoerd', date: addDays(today, -1), endDate: addMonths(today, 5) });
    await t.db.updateTable('steps').set({ attestId }).where('id', '=', line).execute();
    const extension = await aRequest(p.organisation.id, p.begeleider, 'verlenging', { client, attestId, previousEndDate: addMonths(today, 5), endDate: addMonths(today, 8) });
    const result = await t.services.attestHandling.decide(t.data.secretariaat, extension.id, { action: 'goedkeuren', version: extension.version, originalReceived: true });
    assert.equal(result.ok, false);
    const event: DomainEvent = { type: 'stap.uitgevoerd', organisationId: p.organisation.id, clientId: client.id, data: { stepId: line, attestId, state: 'uitgevoerd', date: today, automatic: true } };
    await assert.rejects(t.db.transaction().execute(async (trx) => {
      await t.services.webhookEvents.emit(trx, event);
      throw new Error('de wijziging mislukt');
    }), /de wijziging mislukt/);
    assert.deepEqual(await outboxOf(p.endpointId), []);
    await deliverAll();
    assert.equal(receiver().received('/terug').length, 0);
  });

  /** Events about dossiers, raised as a use case does: each in a transaction of its own. */
  async function raise(p: { organisation: { id: string } }, dossiers: readonly string[]): Promise<void> {
    for (const clientId of dossiers) {
      await get().db.transaction().execute((trx) => get().services.webhookEvents.emit(trx, {
        type: 'stopverzoek.afgewezen', organisationId: p.organisation.id, clientId, data: { stepId: clientId, stopRequestId: crypto.randomUUID(), state: 'afgewezen', stepState: 'bezig' },
      }));
    }
  }

  function assertOncePerEventInOrder(arrived: readonly ReceivedWebhook[], expectedCount: number): void {
    const ok = delivered(arrived).map(payloadOf);
    assert.equal(ok.length, expectedCount);
    assert.equal(new Set(ok.map((x) => x.id)).size, expectedCount, 'each event delivered once');
    const written = (x: WebhookPayload) => String(x.data['stopRequestId']);
    for (const clientId of new Set(ok.map((x) => x.clientId))) {
      const ofDossier = ok.filter((x) => x.clientId === clientId);
      const writtenOrder = [...ofDossier].sort((a, b) => (order.get(written(a)) ?? 0) - (order.get(written(b)) ?? 0));
      assert.deepEqual(ofDossier.map(written), writtenOrder.map(written), 'in the order they were raised, per dossier');
    }
  }
  const order = new Map<string, number>();

  it('W3 W4 a receiver that fails the first two attempts gets every event once, in order per dossier, signed; retried after 30 s and then 60 s', async () => {
    const t = get();
    const p = await partnerWithEndpoint('/traag');
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    await raise(p, [a, b, a, a, b]);
    for (const [i, row] of (await outboxOf(p.endpointId)).entries()) order.set(String((JSON.parse(String(row.payload['body'])) as WebhookPayload).data['stopRequestId']), i);
    receiver().failNext('/traag', 4);
    assert.deepEqual(await t.services.outbox.deliverWebhooks(), { sent: 0, failed: 2, givenUp: 0 }, 'the first of each dossier, refused');
    assert.deepEqual(receiver().received('/traag').map((r) => payloadOf(r).clientId), [a, b], 'nothing after the first of a dossier');
    t.clock.advanceMinutes(0.25);
    assert.deepEqual(await t.services.outbox.deliverWebhooks(), { sent: 0, failed: 0, givenUp: 0 }, 'not before 30 s');
    t.clock.advanceMinutes(0.25);
    assert.deepEqual(await t.services.outbox.deliverWebhooks(), { sent: 0, failed: 2, givenUp: 0 });
    t.clock.advanceMinutes(0.5);
    assert.deepEqual(await t.services.outbox.deliverWebhooks(), { sent: 0, failed: 0, givenUp: 0 }, 'not before 60 s more');
    t.clock.advanceMinutes(0.5);
    assert.deepEqual(await t.services.outbox.deliverWebhooks(), { sent: 5, failed: 0, givenUp: 0 });
    await deliverAll();
    const arrived = receiver().received('/traag');
    assert.equal(arrived.length, 9);
    assertOncePerEventInOrder(arrived, 5);
    for (const r of arrived) {
      const header = r.headers[SIGNATURE_HEADER.toLowerCase()];
      assert.ok(typeof header === 'string' && verifySignature(p.secret, header, r.body, t.clock.now()), 'the receiver verifies the signature');
      assert.equal(r.headers[EVENT_ID_HEADER.toLowerCase()], payloadOf(r).id);
      assert.equal(r.headers['content-type'], 'application/json');
    }
    const first = arrived.filter((r) => payloadOf(r).clientId === a).slice(0, 3);
    assert.equal(new Set(first.map((r) => r.body)).size, 1, 'every attempt of an event sends the same body and event id');
    assert.deepEqual((await outboxOf(p.endpointId)).map((r) => [r.attempts, r.lastStatus]), [[3, 204], [3, 204], [1, 204], [1, 204], [1, 204]]);
  });

  it('W3 two outbox workers delivering at the same time send every event once, in order per dossier', async () => {
    const t = get();
    const p = await partnerWithEndpoint('/twee');
    const dossiers = Array.from({ length: 5 }, () => crypto.randomUUID());
    await raise(p, Array.from({ length: 30 }, (_, i) => dossiers[i % 5] ?? ''));
    for (const [i, row] of (await outboxOf(p.endpointId)).entries()) order.set(String((JSON.parse(String(row.payload['body'])) as WebhookPayload).data['stopRequestId']), 1000 + i);
    const worker = () => createOutboxService({ db: t.db, repos, clock: t.clock }, createMemoryTransport(), {
      sender: createWebhookSender(t.clock, { allowLocal: true }, systemResolver),
      secrets: createSecretBox(t.config.webhookSecretKey),
    });
    const [one, two] = [worker(), worker()];
    let sent = 0;
    for (let round = 0; round < 10 && sent < 30; round++) {
      const results = await Promise.all([one.deliverWebhooks(), two.deliverWebhooks()]);
      sent += results.reduce((sum, r) => sum + r.sent, 0);
    }
    assert.equal(sent, 30);
    assert.equal(receiver().received('/twee').length, 30);
    assertOncePerEventInOrder(receiver().received('/twee'), 30);
  });

  it('W3 a receiver that stays down is tried with a doubling delay (30 s … 1 h) for 24 hours, then the event is given up; the next event of the dossier waited until then', async () => {
    const t = get();
    const p = await partnerWithEndpoint('/weg');
    const dossier = crypto.randomUUID();
    await raise(p, [dossier, dossier]);
    receiver().failNext('/weg', 10_000);
    const [first, second] = await outboxOf(p.endpointId);
    assert.ok(first !== undefined && second !== undefined);
    const attempts: number[] = [];
    for (let i = 0; i < 60; i++) {
      const row = (await outboxOf(p.endpointId))[0];
      if (row === undefined || row.givenUpAt !== null) break;
      t.clock.set(row.availableAt);
      await t.services.outbox.deliverWebhooks();
      attempts.push(t.clock.now().getTime() - first.createdAt.getTime());
    }
    const delays = attempts.slice(1).map((at, i) => (at - (attempts[i] ?? 0)) / 1000);
    assert.deepEqual(delays.slice(0, 9), [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    assert.ok(delays.slice(8).every((d) => d === 3600));
    const last = attempts.at(-1) ?? 0;
    assert.ok(last <= RETRY_POLICY.giveUpAfterMs && last + 3_600_000 > RETRY_POLICY.giveUpAfterMs, 'tried for 24 hours, not longer');
    const [gaveUp, waited] = await outboxOf(p.endpointId);
    assert.ok(gaveUp?.givenUpAt !== null && gaveUp?.sentAt === null);
    assert.deepEqual(gaveUp.payload, {});
    assert.equal(receiver().received('/weg').filter((r) => payloadOf(r).id !== payloadOf(receiver().received('/weg')[0] as ReceivedWebhook).id).length, 0, 'the second event waited');
    assert.equal(waited?.attempts, 0);
    const firstId = payloadOf(receiver().received('/weg')[0] as ReceivedWebhook).id;
    const triedBefore = receiver().received('/weg').length;
    for (let i = 0; i < 20; i++) {
      const row = (await outboxOf(p.endpointId))[1];
      if (row === undefined || row.givenUpAt !== null) break;
      // Never back in time: the second row was due since it was written.
      if (row.availableAt > t.clock.now()) t.clock.set(row.availableAt);
      await t.services.outbox.deliverWebhooks();
    }
    const after = receiver().received('/weg').slice(triedBefore);
    assert.ok(after.length >= 1 && after.every((r) => payloadOf(r).id !== firstId), 'after the first was given up, only the second is tried');
    const again = (await outboxOf(p.endpointId))[1];
    assert.ok(again?.givenUpAt !== null && again?.givenUpAt !== undefined && again.givenUpAt.getTime() - again.createdAt.getTime() <= RETRY_POLICY.giveUpAfterMs + 3_600_000, 'given up a day after it was written');
    receiver().failNext('/weg', 0);
  });
}, { config: { WEBHOOK_ALLOW_LOCAL: 'true' } });
