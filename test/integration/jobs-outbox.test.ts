/**
 * The shared pieces behind periodic work and outgoing mail: one job runner that runs each due
 * job once across instances, and one outbox that sends a mail only after its change committed,
 * retries a refusing server with back-off and never sends a message twice from two workers.
 * "Two instances" are two runners or workers on the same database, as two processes would be.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createRepositories } from '../../src/db/repositories/index.ts';
import type { MailMessage } from '../../src/domain/outbox.ts';
import { createSmtpTransport } from '../../src/mail/mail-transport.ts';
import { createJobRunner, type Job, type JobLog } from '../../src/services/jobs/job-runner.ts';
import { createOutboxService } from '../../src/services/outbox/outbox-service.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';

const silent: JobLog = { info: () => undefined, debug: () => undefined, error: () => undefined };

const aMail = (n: number): MailMessage => ({
  to: `ontvanger${String(n)}@test.be`,
  subject: `Bericht ${String(n)}`,
  text: `Tekst ${String(n)}`,
  html: `<p>Tekst ${String(n)}</p>`,
});

function contextOf(t: TestApp) {
  return { db: t.db, repos: createRepositories(), clock: t.clock };
}

describeOnEachDatabase('periodic jobs, once across instances', async () => ({}), (get) => {
  it('J1 two instances that look at the same moment run a due job once; it runs again when its interval has passed', async () => {
    const t = get();
    let runs = 0;
    const job: Job = { name: 'test-once', everyMs: 60_000, run: () => Promise.resolve((runs += 1)) };
    const first = createJobRunner(contextOf(t), [job], silent);
    const second = createJobRunner(contextOf(t), [job], silent);
    const outcomes = await Promise.all([first.runDue(), second.runDue()]);
    assert.equal(runs, 1);
    assert.equal(outcomes.flat().filter((o) => o.ran).length, 1);
    // Not due again within its interval, on either instance.
    t.clock.advanceMinutes(0.5);
    await Promise.all([first.runDue(), second.runDue()]);
    assert.equal(runs, 1);
    t.clock.advanceMinutes(0.5);
    await Promise.all([second.runDue(), first.runDue()]);
    assert.equal(runs, 2);
  });

  it('a failing job is recorded with its error and tried at its next turn; the other jobs still run', async () => {
    const t = get();
    let healthy = 0;
    const failing: Job = { name: 'test-failing', everyMs: 60_000, run: () => Promise.reject(new Error('kapot')) };
    const fine: Job = { name: 'test-fine', everyMs: 60_000, run: () => Promise.resolve((healthy += 1)) };
    const errors: string[] = [];
    const runner = createJobRunner(contextOf(t), [failing, fine], { info: () => undefined, debug: () => undefined, error: (details) => errors.push(String(details['job'])) });
    const outcomes = await runner.runDue();
    assert.deepEqual(outcomes.map((o) => [o.name, o.ran, o.error]), [['test-failing', true, 'kapot'], ['test-fine', true, undefined]]);
    assert.equal(healthy, 1);
    assert.deepEqual(errors, ['test-failing']);
    const state = await createRepositories().jobSchedule.find(t.db, 'test-failing');
    assert.equal(state?.lastOutcome, 'mislukt');
    assert.equal(state.lastError, 'kapot');
    assert.equal(state.nextRunAt.getTime(), t.clock.now().getTime() + 60_000);
  });
});

describeOnEachDatabase('the outbox', async () => ({}), (get) => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startSmtpServer();
  });
  after(async () => {
    await smtp.close();
  });

  function worker() {
    return createOutboxService(contextOf(get()), createSmtpTransport(smtp.url, 'Loopbaanportaal <noreply@test.be>'));
  }

  it('a mail is sent over SMTP only after its transaction committed, once, and its text does not stay in the outbox', async () => {
    const t = get();
    const outbox = worker();
    await t.db.transaction().execute((trx) => outbox.enqueueMail(trx, 'test-commit', aMail(1)));
    const before = smtp.received.length;
    assert.deepEqual(await outbox.deliverMail(), { sent: 1, failed: 0, givenUp: 0 });
    assert.deepEqual(await outbox.deliverMail(), { sent: 0, failed: 0, givenUp: 0 });
    const arrived = smtp.received.slice(before);
    assert.equal(arrived.length, 1);
    const [mail] = arrived;
    assert.ok(mail !== undefined);
    assert.deepEqual(mail.to, ['ontvanger1@test.be']);
    assert.match(mail.raw, /Subject: Bericht 1/);
    const row = await t.db.selectFrom('outbox').select(['payload', 'sentAt', 'topic']).where('topic', '=', 'test-commit').executeTakeFirstOrThrow();
    assert.deepEqual(row.payload, {});
    assert.ok(row.sentAt !== null);
  });

  it('a mail written by a change that was rolled back is never sent', async () => {
    const t = get();
    const outbox = worker();
    await assert.rejects(
      t.db.transaction().execute(async (trx) => {
        await outbox.enqueueMail(trx, 'test-rollback', aMail(2));
        throw new Error('de wijziging mislukt');
      }),
      /de wijziging mislukt/,
    );
    const before = smtp.received.length;
    assert.deepEqual(await outbox.deliverMail(), { sent: 0, failed: 0, givenUp: 0 });
    assert.equal(smtp.received.length, before);
    assert.deepEqual(await createRepositories().outbox.listByTopic(t.db, 'test-rollback'), []);
  });

  it('a server that refuses is tried again with a doubling delay, and the mail arrives once it accepts', async () => {
    const t = get();
    const outbox = worker();
    await t.db.transaction().execute((trx) => outbox.enqueueMail(trx, 'test-retry', aMail(3)));
    smtp.refuseNext(2);
    assert.deepEqual(await outbox.deliverMail(), { sent: 0, failed: 1, givenUp: 0 });
    // Not before the first delay (30 s) has passed.
    t.clock.advanceMinutes(0.25);
    assert.deepEqual(await outbox.deliverMail(), { sent: 0, failed: 0, givenUp: 0 });
    t.clock.advanceMinutes(0.25);
    assert.deepEqual(await outbox.deliverMail(), { sent: 0, failed: 1, givenUp: 0 });
    // The second delay is 60 s.
    t.clock.advanceMinutes(0.5);
    assert.deepEqual(await outbox.deliverMail(), { sent: 0, failed: 0, givenUp: 0 });
    t.clock.advanceMinutes(0.5);
    const before = smtp.received.length;
    assert.deepEqual(await outbox.deliverMail(), { sent: 1, failed: 0, givenUp: 0 });
    assert.equal(smtp.received.length, before + 1);
    const [state] = await createRepositories().outbox.listByTopic(t.db, 'test-retry');
    assert.equal(state?.attempts, 3);
    assert.ok(state.sentAt !== null);
  });

  it('a mail that could not be sent for a day is given up and its text removed', async () => {
    const t = get();
    const outbox = worker();
    await t.db.transaction().execute((trx) => outbox.enqueueMail(trx, 'test-give-up', aMail(4)));
    smtp.refuseNext(1000);
    let givenUp = 0;
    for (let hour = 0; hour <= 26 && givenUp === 0; hour++) {
      givenUp += (await outbox.deliverMail()).givenUp;
      t.clock.advanceMinutes(60);
    }
    smtp.refuseNext(0);
    assert.equal(givenUp, 1);
    const row = await t.db.selectFrom('outbox').select(['payload', 'givenUpAt', 'sentAt']).where('topic', '=', 'test-give-up').executeTakeFirstOrThrow();
    assert.deepEqual(row.payload, {});
    assert.ok(row.givenUpAt !== null);
    assert.equal(row.sentAt, null);
  });

  it('two workers delivering at the same time send every message exactly once', async () => {
    const t = get();
    const writer = worker();
    await t.db.transaction().execute(async (trx) => {
      for (let n = 10; n < 40; n++) await writer.enqueueMail(trx, 'test-two-workers', aMail(n));
    });
    const before = smtp.received.length;
    const [first, second] = [worker(), worker()];
    let sent = 0;
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all([first.deliverMail(), second.deliverMail()]);
      sent += results.reduce((sum, r) => sum + r.sent, 0);
    }
    assert.equal(sent, 30);
    const recipients = smtp.received.slice(before).flatMap((m) => m.to).sort();
    assert.equal(recipients.length, 30);
    assert.equal(new Set(recipients).size, 30);
  });
});
