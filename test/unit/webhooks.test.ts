/**
 * Webhooks (issue 17): the signature a receiver verifies (W4), the URL rules against SSRF (W5),
 * the encryption of secrets at rest, the payload without personal data (W1) and the day on which
 * access (A1) counts as ended for `toegang.beeindigd`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessPeriodEnd } from '../../src/domain/access.ts';
import { addDays, compareDates, type CalendarDate } from '../../src/domain/calendar-date.ts';
import { checkEndpointUrl, checkEvents, isPublicAddress } from '../../src/domain/webhooks/endpoint.ts';
import { orderingKeyOf, payloadOf, WEBHOOK_EVENT_TYPES } from '../../src/domain/webhooks/events.ts';
import { newWebhookSecret, signatureHeader, verifySignature } from '../../src/domain/webhooks/signature.ts';
import { checkDestination } from '../../src/services/webhooks/destination.ts';
import { createSecretBox } from '../../src/services/webhooks/secret-box.ts';
import { lastEndDateWithEndedAccess } from '../../src/services/webhooks/webhook-events.ts';
import { TEST_NOW } from '../support/clock.ts';

const STRICT = { allowLocal: false };
const codes = (raw: string, policy = STRICT) => checkEndpointUrl(raw, policy).problems.map((p) => p.code);

describe('W4 signature', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: 'e1', type: 'attest.goedgekeurd' });

  it('W4 a receiver with the secret verifies the header over timestamp and body', () => {
    const header = signatureHeader(secret, TEST_NOW, body);
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.equal(verifySignature(secret, header, body, TEST_NOW), true);
  });

  it('W4 another body, another secret, a changed timestamp or a replay after 5 minutes fails', () => {
    const header = signatureHeader(secret, TEST_NOW, body);
    assert.equal(verifySignature(secret, header, `${body} `, TEST_NOW), false);
    assert.equal(verifySignature(newWebhookSecret(), header, body, TEST_NOW), false);
    const t = Math.floor(TEST_NOW.getTime() / 1000);
    assert.equal(verifySignature(secret, header.replace(`t=${String(t)}`, `t=${String(t + 1)}`), body, TEST_NOW), false);
    assert.equal(verifySignature(secret, header, body, new Date(TEST_NOW.getTime() + 301_000)), false);
    assert.equal(verifySignature(secret, header, body, new Date(TEST_NOW.getTime() + 299_000)), true);
    assert.equal(verifySignature(secret, 'v1=abc', body, TEST_NOW), false);
  });

  it('W4 every secret is new: 32 random bytes', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => newWebhookSecret()));
    assert.equal(secrets.size, 50);
    for (const s of secrets) assert.match(s, /^whsec_[A-Za-z0-9_-]{43}$/);
  });
});

describe('W5 webhook URL (SSRF)', () => {
  it('W5 in production only https is accepted; http only with the test switch', () => {
    assert.deepEqual(codes('http://93.184.215.14/hook'), ['geen-https']);
    assert.deepEqual(codes('ftp://93.184.215.14/hook'), ['geen-https']);
    assert.deepEqual(codes('https://93.184.215.14/hook'), []);
    assert.deepEqual(codes('http://127.0.0.1:4000/hook', { allowLocal: true }), []);
  });

  it('W5 loopback, private, link-local and other non-public literal addresses are refused, in every spelling', () => {
    for (const url of [
      'https://127.0.0.1/', 'https://127.1/', 'https://2130706433/', 'https://0x7f.0.0.1/', 'https://10.1.2.3/', 'https://172.16.0.1/',
      'https://192.168.1.1/', 'https://169.254.169.254/latest/meta-data', 'https://100.64.0.1/', 'https://0.0.0.0/', 'https://224.0.0.1/',
      'https://[::1]/', 'https://[::]/', 'https://[fe80::1]/', 'https://[fc00::1]/', 'https://[::ffff:127.0.0.1]/', 'https://[::ffff:10.0.0.1]/', 'https://[2001:db8::1]/',
    ]) assert.deepEqual(codes(url), ['prive-adres'], url);
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111']) assert.equal(isPublicAddress(address), true, address);
  });

  it('W5 no credentials, no fragment, not empty, not too long, a real URL', () => {
    assert.deepEqual(codes('https://user:pw@93.184.215.14/'), ['gebruiker-in-adres']);
    assert.deepEqual(codes('https://93.184.215.14/#x'), ['ongeldig-adres']);
    assert.deepEqual(codes('crm.voorbeeld.be/hook'), ['ongeldig-adres']);
    assert.deepEqual(codes('  '), ['verplicht']);
    assert.deepEqual(codes(`https://93.184.215.14/${'a'.repeat(2000)}`), ['te-lang']);
  });

  it('W5 a host name is refused when any address it resolves to is not public, or when it does not resolve', async () => {
    const resolver = (answers: Record<string, string[]>) => (host: string) => {
      const found = answers[host];
      return found === undefined ? Promise.reject(new Error('ENOTFOUND')) : Promise.resolve(found);
    };
    const dns = resolver({ 'crm.voorbeeld.be': ['93.184.215.14'], 'intern.voorbeeld.be': ['10.0.0.7'], 'gemengd.voorbeeld.be': ['93.184.215.14', '::1'], 'leeg.voorbeeld.be': [], 'twee.voorbeeld.be': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] });
    const check = async (url: string) => (await checkDestination(url, STRICT, dns)).problems.map((p) => p.code);
    assert.deepEqual(await check('https://crm.voorbeeld.be/hook'), []);
    assert.deepEqual(await check('https://intern.voorbeeld.be/hook'), ['prive-adres']);
    assert.deepEqual(await check('https://gemengd.voorbeeld.be/hook'), ['prive-adres']);
    assert.deepEqual(await check('https://onbekend.voorbeeld.be/hook'), ['onbekende-host']);
    assert.deepEqual(await check('https://leeg.voorbeeld.be/hook'), ['onbekende-host']);
    // The attempt connects to the addresses this check approved (no second lookup: DNS rebinding).
    assert.deepEqual((await checkDestination('https://crm.voorbeeld.be/hook', STRICT, dns)).addresses, ['93.184.215.14']);
    assert.deepEqual((await checkDestination('https://twee.voorbeeld.be/hook', STRICT, dns)).addresses, ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']);
    assert.equal((await checkDestination('https://gemengd.voorbeeld.be/hook', STRICT, dns)).addresses, null);
    // The test switch skips the lookup: http://127.0.0.1 and local names are allowed there.
    assert.deepEqual((await checkDestination('http://intern.voorbeeld.be/hook', { allowLocal: true }, dns)).problems, []);
  });

  it('W5 at least one known event', () => {
    assert.deepEqual(checkEvents([]).problems.map((p) => p.code), ['verplicht']);
    assert.deepEqual(checkEvents(['attest.goedgekeurd', 'iets.anders']).problems.map((p) => p.code), ['onbekende-gebeurtenis']);
    assert.deepEqual(checkEvents(['attest.goedgekeurd', 'attest.goedgekeurd', 'stap.uitgevoerd']).events, ['attest.goedgekeurd', 'stap.uitgevoerd']);
  });
});

describe('webhook secrets at rest', () => {
  it('ASVS 11.1 a secret is stored encrypted (AES-256-GCM): not readable, different each time, only opened with the key', () => {
    const box = createSecretBox('sleutel-uit-de-configuratie-van-32-tekens!!');
    const secret = newWebhookSecret();
    const [one, two] = [box.seal(secret), box.seal(secret)];
    assert.notEqual(one, two);
    assert.ok(!one.includes(secret) && !Buffer.from(one, 'base64').toString('latin1').includes(secret.slice(6)));
    assert.equal(box.open(one), secret);
    assert.throws(() => createSecretBox('een-andere-sleutel-van-minstens-32-tekens').open(one));
    const tampered = Buffer.from(one, 'base64');
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    assert.throws(() => box.open(tampered.toString('base64')));
  });

  it('ASVS 11.1 a secret sealed before the shared AES-GCM module (issue 11) still opens: base64(iv ‖ tag ‖ ciphertext) under SHA-256 of the key', () => {
    // Made by the code of webhooks/secret-box.ts as it was before crypto/aes-gcm.ts: stored endpoints must keep signing.
    const sealed = 'vwPumqGt7FJ0Yjad/9ArV4iwOu8yQrEerRSB4NguYYS5Aq0/hxFce8Q0YA==';
    assert.equal(createSecretBox('sleutel-voor-de-test').open(sealed), 'whsec_voorbeeld');
    assert.throws(() => createSecretBox('een-andere-sleutel').open(sealed));
  });
});

describe('W1 payload', () => {
  it('W1 the payload is the envelope with ids, dates and states; its codes are the documented ones', () => {
    const event = { type: 'stap.uitgevoerd' as const, organisationId: 'o-1', clientId: 'c-1', data: { stepId: 's-1', attestId: 'a-1', state: 'uitgevoerd' as const, date: '2026-11-29', automatic: true as const } };
    const payload = payloadOf(event, 'e-1', TEST_NOW);
    assert.deepEqual(payload, { id: 'e-1', type: 'stap.uitgevoerd', occurredAt: '2026-11-29T09:00:00.000Z', organisationId: 'o-1', clientId: 'c-1', data: event.data });
    assert.equal(orderingKeyOf('w-1', event), 'w-1/c-1');
    assert.equal(orderingKeyOf('w-1', { type: 'attest.afgewezen', organisationId: 'o-1', clientId: null, data: { attestRequestId: 'r-1', kind: 'nieuw', attestId: null, state: 'afgewezen' } }), 'w-1/aanvraag:r-1');
    assert.deepEqual(WEBHOOK_EVENT_TYPES, ['attest.goedgekeurd', 'attest.afgewezen', 'attest.verlengd', 'stap.stopgezet', 'stopverzoek.afgewezen', 'stap.uitgevoerd', 'toegang.beeindigd']);
  });
});

describe('A1 end of access for toegang.beeindigd', () => {
  it('A1 the last end date whose access ended is the day before the first whose access still runs, across month ends', () => {
    for (const today of ['2026-11-29', '2026-03-31', '2026-03-01', '2027-01-14', '2028-04-15'] as CalendarDate[]) {
      const last = lastEndDateWithEndedAccess(today);
      assert.ok(compareDates(accessPeriodEnd(last), today) < 0, `${today}: ${last} ended`);
      assert.ok(compareDates(accessPeriodEnd(addDays(last, 1)), today) >= 0, `${today}: the day after ${last} still runs`);
    }
  });
});
