/**
 * The second factor's rules (ASVS 6.5): RFC 6238 codes and their window, replay and expiry,
 * recovery codes (120 bits, hashed, normalised), and the secret's encryption at rest.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_RULES, recoveryCodeFrom } from '../../src/domain/accounts/recovery-codes.ts';
import { checkTotp, groupedSecret, parseEnteredCode, provisioningUri, timeStepAt, totpCodeAt } from '../../src/domain/accounts/totp.ts';
import { createSecretBox } from '../../src/services/auth/second-factor-secret.ts';
import { TEST_NOW } from '../support/clock.ts';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const at = (seconds: number): Date => new Date(TEST_NOW.getTime() + seconds * 1000);

describe('second factor: TOTP (RFC 6238)', () => {
  it('ASVS 6.5.5 the codes are those of RFC 6238 appendix B (last 6 digits, SHA-1)', () => {
    assert.equal(totpCodeAt(RFC_SECRET, new Date(59_000)), '287082');
    assert.equal(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000)), '081804');
    assert.equal(totpCodeAt(RFC_SECRET, new Date(2_000_000_000_000)), '279037');
    assert.equal(timeStepAt(new Date(59_000)), 1);
  });

  it('ASVS 6.5.5 a code is accepted in its own step and one step either side (phone clock drift), with that step', () => {
    const code = totpCodeAt(SECRET, TEST_NOW);
    const step = timeStepAt(TEST_NOW);
    assert.deepEqual(checkTotp(SECRET, code, TEST_NOW, null), { ok: true, step });
    assert.deepEqual(checkTotp(SECRET, code, at(30), null), { ok: true, step });
    assert.deepEqual(checkTotp(SECRET, code, at(-30), null), { ok: true, step });
  });

  it('ASVS 6.5.5 a code older than the window is "verlopen" (up to 5 minutes), an unknown code "fout"', () => {
    const code = totpCodeAt(SECRET, TEST_NOW);
    assert.deepEqual(checkTotp(SECRET, code, at(120), null), { ok: false, reason: 'verlopen' });
    assert.deepEqual(checkTotp(SECRET, code, at(120), timeStepAt(TEST_NOW)), { ok: false, reason: 'verlopen' });
    assert.deepEqual(checkTotp(SECRET, code, at(3600), null), { ok: false, reason: 'fout' });
    const other = code === '000000' ? '000001' : '000000';
    assert.equal(checkTotp(SECRET, other, TEST_NOW, null).ok, false);
  });

  it('ASVS 6.5.1 a code of the last used step (or an earlier one) is "hergebruikt"; the next step\'s code passes', () => {
    const code = totpCodeAt(SECRET, TEST_NOW);
    const step = timeStepAt(TEST_NOW);
    assert.deepEqual(checkTotp(SECRET, code, TEST_NOW, step), { ok: false, reason: 'hergebruikt' });
    assert.deepEqual(checkTotp(SECRET, code, at(30), step + 1), { ok: false, reason: 'hergebruikt' });
    const next = totpCodeAt(SECRET, at(30));
    assert.deepEqual(checkTotp(SECRET, next, at(30), step), { ok: true, step: step + 1 });
  });

  it('ASVS 6.5 what is typed: 6 digits an app code, 24 base32 characters a recovery code, spaces and dashes ignored', () => {
    assert.deepEqual(parseEnteredCode(' 123 456 ', normaliseRecoveryCode), { kind: 'totp', code: '123456' });
    assert.deepEqual(parseEnteredCode('', normaliseRecoveryCode), { kind: 'leeg' });
    assert.deepEqual(parseEnteredCode('12345', normaliseRecoveryCode), { kind: 'ongeldig' });
    assert.deepEqual(parseEnteredCode('ABCD-EFGH-IJKL-MNOP-QRST-UVWX', normaliseRecoveryCode), { kind: 'recovery', code: 'abcdefghijklmnopqrstuvwx' });
    assert.deepEqual(parseEnteredCode('abcd-efgh', normaliseRecoveryCode), { kind: 'ongeldig' });
  });

  it('the otpauth address names the portal and the account; the secret is shown in groups of four', () => {
    const uri = provisioningUri(SECRET, 'Loopbaanportaal', 'an@test.be');
    assert.match(uri, /^otpauth:\/\/totp\/Loopbaanportaal:an%40test\.be\?/);
    assert.match(uri, new RegExp(`secret=${SECRET}`));
    assert.equal(groupedSecret('ABCDEFGHIJ'), 'ABCD EFGH IJ');
  });
});

describe('second factor: recovery codes', () => {
  it('ASVS 6.5.2 a code carries 120 random bits as 24 base32 characters in six groups of four', () => {
    const code = recoveryCodeFrom(new Uint8Array(RECOVERY_CODE_RULES.bytes).fill(0xff));
    assert.equal(code, '7777-7777-7777-7777-7777-7777');
    assert.equal(recoveryCodeFrom(new Uint8Array(15)), 'aaaa-aaaa-aaaa-aaaa-aaaa-aaaa');
    assert.equal(RECOVERY_CODE_RULES.bytes * 8, 120);
    assert.throws(() => recoveryCodeFrom(new Uint8Array(10)));
  });

  it('ASVS 6.5.2 only a SHA-256 of the normal form is stored: case, spaces, dashes and 0/1 read as o/l do not matter', () => {
    const code = 'abcd-efgh-ijkl-mnop-qrst-uvwx';
    assert.equal(hashRecoveryCode(code), hashRecoveryCode('ABCD EFGH IJKL MNOP QRST UVWX'));
    assert.equal(hashRecoveryCode('abcd-efgh-ijkl-mnop-qrst-uvwo'), hashRecoveryCode('abcd-efgh-ijkl-mnop-qrst-uvw0'));
    assert.notEqual(hashRecoveryCode(code), hashRecoveryCode('abcd-efgh-ijkl-mnop-qrst-uvwy'));
    assert.ok(!hashRecoveryCode(code).includes('abcd'));
    assert.equal(normaliseRecoveryCode('abcd-efgh-ijkl-mnop-qrst-uvw9'), undefined, '9 is no base32 character');
  });
});

describe('second factor: the secret at rest (AES-256-GCM)', () => {
  const key = Buffer.alloc(32, 3).toString('base64');
  const box = createSecretBox(key);

  it('ASVS 6.5 the sealed secret holds no readable secret and opens to it again; each seal differs (new IV)', () => {
    const sealed = box.seal('user-1', SECRET);
    assert.ok(!sealed.includes(SECRET) && !sealed.toLowerCase().includes(SECRET.toLowerCase()));
    assert.match(sealed, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.notEqual(box.seal('user-1', SECRET), sealed);
    assert.equal(box.open('user-1', sealed), SECRET);
  });

  it('ASVS 6.5 a ciphertext moved to another user, changed, or read with another key does not open', () => {
    const sealed = box.seal('user-1', SECRET);
    assert.throws(() => box.open('user-2', sealed));
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = (data ?? '').startsWith('A') ? `B${(data ?? '').slice(1)}` : `A${(data ?? '').slice(1)}`;
    assert.throws(() => box.open('user-1', [v, iv, tag, flipped].join('.')));
    assert.throws(() => createSecretBox(Buffer.alloc(32, 4).toString('base64')).open('user-1', sealed));
    assert.throws(() => createSecretBox(Buffer.alloc(16).toString('base64')));
  });

  it('ASVS 6.5 a secret sealed before the shared AES-GCM module (issue 11) still opens, for its own user only', () => {
    // Made by the code of second-factor-secret.ts as it was before crypto/aes-gcm.ts: the stored form must not change.
    const before = createSecretBox(Buffer.alloc(32, 7).toString('base64'));
    const userId = '3f0c6d1e-0000-4000-8000-000000000001';
    const sealed = 'v1.JFSu41HbZVYUIlD3.B-DSN32hq_31dUwJ0Y4hPQ.oAtXDqQeD5Coc4qB0Qpxvw';
    assert.equal(before.open(userId, sealed), 'JBSWY3DPEHPK3PXP');
    assert.throws(() => before.open('3f0c6d1e-0000-4000-8000-000000000002', sealed));
  });
});
