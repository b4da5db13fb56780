/**
 * U3 password rules (ASVS 6.2): at least 12 characters, up to 128, no composition rules, not in
 * the shipped list of common or breached passwords, not the address or the name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNewPassword, PASSWORD_RULES } from '../../src/domain/accounts/passwords.ts';
import { isCommonPassword, readCommonPasswordList } from '../../src/services/accounts/common-passwords.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';

const account = { email: 'an.peeters@koers.be', name: 'An Peeters' };
const codes = (password: string, confirmation = password): string[] => checkNewPassword({ password, confirmation }, account, isCommonPassword).map((p) => `${p.field}:${p.code}`);

describe('U3 password rules', () => {
  it('U3 the shipped list holds at least 100,000 entries, one lower-case entry per line', () => {
    const list = readCommonPasswordList();
    assert.ok(list.length >= 100_000, `${String(list.length)} entries`);
    assert.ok(list.every((entry) => entry === entry.toLowerCase()));
  });

  it('U3 11 characters are refused as too short, 12 are accepted', () => {
    assert.deepEqual(codes('kaars-molen1'.slice(0, 11)), ['wachtwoord:te-kort']);
    assert.deepEqual(codes('kaars-molen1'), []);
  });

  it('U3 length counts characters as a person sees them, not UTF-16 units', () => {
    assert.deepEqual(codes('🌷🌷🌷🌷🌷🌷🌷🌷🌷🌷🌷'), ['wachtwoord:te-kort']);
    assert.deepEqual(codes('🌷🌷🌷🌷🌷🌷🌷🌷🌷🌷🌷x'), []);
  });

  it('U3 the maximum is not below 64: 128 characters are accepted, 129 refused', () => {
    assert.ok(PASSWORD_RULES.maxLength.valueOf() >= 64, "the maximum is not below 64");
    assert.deepEqual(codes('abcdefgh'.repeat(16)), []);
    assert.deepEqual(codes(`${'abcdefgh'.repeat(16)}x`), ['wachtwoord:te-lang']);
  });

  it('U3 no composition rules: only lower-case letters and spaces are fine', () => {
    assert.deepEqual(codes('paarse olifant danst traag'), []);
  });

  it('U3 a password from the list is refused, whatever its case', () => {
    for (const common of ['password1234', 'PASSWORD1234', 'qwertyuiopasdfghjkl']) {
      assert.ok(isCommonPassword(common.toLowerCase()), `${common} is in the list`);
      assert.deepEqual(codes(common), ['wachtwoord:veelgebruikt'], common);
    }
  });

  it('U3 the e-mail address, its name part or the name are refused, whatever the case', () => {
    assert.deepEqual(codes('AN.PEETERS@KOERS.BE'), ['wachtwoord:eigen-gegevens']);
    assert.deepEqual(codes('an.peeters@koers.be'.split('@')[0] ?? ''), ['wachtwoord:te-kort']);
    assert.deepEqual(checkNewPassword({ password: 'an.peeters.koers', confirmation: 'an.peeters.koers' }, { email: 'an.peeters.koers@x.be', name: 'An' }, isCommonPassword).map((p) => p.code), ['eigen-gegevens']);
    assert.deepEqual(checkNewPassword({ password: 'Annemie Van Damme', confirmation: 'Annemie Van Damme' }, { email: 'a@x.be', name: 'annemie van damme' }, isCommonPassword).map((p) => p.code), ['eigen-gegevens']);
  });

  it('U3 an empty password is required; a different confirmation is refused on its own field', () => {
    assert.deepEqual(codes(''), ['wachtwoord:verplicht']);
    assert.deepEqual(codes('kaars-molen-17', 'kaars-molen-18'), ['wachtwoord-herhaling:verschillend']);
  });

  it('U3 the demo password passes the rules, so the demo accounts could choose it again', () => {
    assert.deepEqual(checkNewPassword({ password: DEMO_PASSWORD, confirmation: DEMO_PASSWORD }, { email: 'beheerder@demo.be', name: 'Karin Maes' }, isCommonPassword), []);
  });
});
