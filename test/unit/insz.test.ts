/**
 * A2: the INSZ (rijksregisternummer / BIS-nummer). The expected check digits are worked out by
 * hand here, never with makeInsz, so that makeInsz and parseInsz are checked against arithmetic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthDateMatches, formatInsz, makeInsz, maskInsz, parseInsz, type Insz } from '../../src/domain/insz.ts';
import { date } from '../support/dates.ts';

/** The result without its birth parts, which the tests of unknown parts check on their own. */
function withoutBirth(result: ReturnType<typeof parseInsz>): unknown {
  if (!result.ok) return result;
  return Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'birth'));
}

/** A number the test knows to be valid, typed as Insz after parseInsz agreed. */
function valid(input: string): Insz {
  const parsed = parseInsz(input);
  assert.ok(parsed.ok, `${input} should be a valid INSZ`);
  return parsed.insz;
}

describe('INSZ', () => {
  describe('valid numbers', () => {
    it('A2 INSZ accepts a number of a birth in the 1900s (85.07.30-033.28)', () => {
      // Nine digits 850730033 = 97 × 8770412 + 69   (97 × 8770412 = 850729964)
      // check = 97 − 69 = 28  →  85073003328, born 30/07/1985
      const parsed = parseInsz('85073003328');
      assert.deepEqual(withoutBirth(parsed), { ok: true, insz: '85073003328', birthDate: '1985-07-30' });
    });

    it('A2 INSZ accepts a number of a birth from 2000 on (01.02.11-061.61), with the 2 prefixed', () => {
      // Nine digits 010211061; born from 2000, so 2 is prefixed: 2010211061
      // 2010211061 = 97 × 20723825 + 36   (97 × 20723825 = 2010211025)
      // check = 97 − 36 = 61  →  01021106161, born 11/02/2001
      const parsed = parseInsz('01021106161');
      assert.deepEqual(withoutBirth(parsed), { ok: true, insz: '01021106161', birthDate: '2001-02-11' });
    });

    it('A2 INSZ reads the same nine digits with the 1900s check as a birth in 1901', () => {
      // Without the prefix: 010211061 = 10211061 = 97 × 105268 + 65  →  check = 97 − 65 = 32
      // So 01021106132 is 11/02/1901 and 01021106161 (previous test) is 11/02/2001.
      const parsed = parseInsz('01021106132');
      assert.deepEqual(withoutBirth(parsed), { ok: true, insz: '01021106132', birthDate: '1901-02-11' });
    });

    // No number can carry a check that is valid for both centuries: the two remainders differ by
    // 2000000000 mod 97 = 68 (2000000000 = 97 × 20618556 + 68), never 0, so exactly one of the
    // two checks fits. The "valid for both centuries" case therefore cannot be constructed; this
    // test pins the arithmetic that makes it impossible.
    it('A2 INSZ no number is valid for both centuries (2000000000 mod 97 = 68, not 0)', () => {
      assert.equal(2_000_000_000 % 97, 68);
      // The century therefore follows from which check fits: 32 → 1901, 61 → 2001.
      const checks = ['01021106132', '01021106161'].map((n) => parseInsz(n));
      assert.deepEqual(
        checks.map((c) => (c.ok ? c.birthDate : c.problem)),
        ['1901-02-11', '2001-02-11'],
      );
    });

    it('A2 INSZ accepts the usual separators: dots, dash and spaces', () => {
      assert.equal(valid('85.07.30-033.28'), '85073003328');
      assert.equal(valid('850730 033 28'), '85073003328');
      assert.equal(valid(' 85073003328 '), '85073003328');
    });
  });

  describe('invalid numbers', () => {
    it('A2 INSZ refuses a wrong check digit', () => {
      assert.deepEqual(parseInsz('85073003327'), { ok: false, problem: 'checksum' });
      assert.deepEqual(parseInsz('85073003329'), { ok: false, problem: 'checksum' });
      // 01021106161 with the 1900s check would need 32, with the 2000s check 61; 62 fits neither.
      assert.deepEqual(parseInsz('01021106162'), { ok: false, problem: 'checksum' });
    });

    it('A2 INSZ refuses 10 and 12 digits', () => {
      assert.deepEqual(parseInsz('8507300332'), { ok: false, problem: 'format' });
      assert.deepEqual(parseInsz('850730033280'), { ok: false, problem: 'format' });
    });

    it('A2 INSZ refuses letters, other separators and the empty string', () => {
      assert.deepEqual(parseInsz('85O73003328'), { ok: false, problem: 'format' });
      assert.deepEqual(parseInsz('85073003328a'), { ok: false, problem: 'format' });
      assert.deepEqual(parseInsz('85/07/30-033.28'), { ok: false, problem: 'format' });
      assert.deepEqual(parseInsz(''), { ok: false, problem: 'format' });
    });

    // A rijksregisternummer encodes a real date, or 00 for an unknown month or day. A month 13 or
    // 31 February is a typing error even when the check happens to fit, and A2 requires the birth
    // date to be consistent with the INSZ; today parseInsz accepts these with birthDate undefined,
    // after which birthDateMatches accepts any birth date.
    it('A2 INSZ refuses a date part that is no date (month 13, 31 February) even with a fitting check', () => {
      // 851330033 = 97 × 8776598 + 27 (97 × 8776598 = 851330006) → check 70 → 85133003370
      assert.equal(parseInsz('85133003370').ok, false);
      // 850231033 = 97 × 8765268 + 37 (97 × 8765268 = 850230996) → check 60 → 85023103360
      assert.equal(parseInsz('85023103360').ok, false);
    });
  });

  describe('BIS numbers', () => {
    it('A2 INSZ BIS number with month + 20 gives the right birth date', () => {
      // 852730033 = 97 × 8791031 + 26 (97 × 8791031 = 852730007) → check 97 − 26 = 71
      const parsed = parseInsz('85273003371');
      assert.deepEqual(withoutBirth(parsed), { ok: true, insz: '85273003371', birthDate: '1985-07-30' });
    });

    it('A2 INSZ BIS number with month + 40 gives the right birth date', () => {
      // 854730033 = 97 × 8811649 + 80 (97 × 8811649 = 854729953) → check 97 − 80 = 17
      const parsed = parseInsz('85473003317');
      assert.deepEqual(withoutBirth(parsed), { ok: true, insz: '85473003317', birthDate: '1985-07-30' });
    });

    it('A2 INSZ BIS numbers of births from 2000 on (month + 20 and + 40)', () => {
      // Month 02 + 20 = 22: 2 prefixed → 2012211061 = 97 × 20744443 + 90 (97 × 20744443 = 2012210971)
      // check = 97 − 90 = 7 → 01221106107
      assert.deepEqual(withoutBirth(parseInsz('01221106107')), { ok: true, insz: '01221106107', birthDate: '2001-02-11' });
      // Month 02 + 40 = 42: 2014211061 = 97 × 20765062 + 47 (97 × 20765062 = 2014211014) → check 50
      assert.deepEqual(withoutBirth(parseInsz('01421106150')), { ok: true, insz: '01421106150', birthDate: '2001-02-11' });
    });

    it('A2 INSZ a number with unknown month and day (00) is valid and encodes no birth date', () => {
      // 850000033 = 97 × 8762886 + 91 (97 × 8762886 = 849999942) → check 6 → 85000003306
      assert.deepEqual(withoutBirth(parseInsz('85000003306')), { ok: true, insz: '85000003306', birthDate: undefined });
      // BIS, month 20 = unknown month: 852000033 = 97 × 8783505 + 48 → check 49 → 85200003349
      assert.deepEqual(withoutBirth(parseInsz('85200003349')), { ok: true, insz: '85200003349', birthDate: undefined });
      const parsed = parseInsz('85000003306');
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.birth, { year: 1985, month: null, day: null });
    });
  });

  describe('birthDateMatches', () => {
    it('A2 INSZ birth date that agrees with the number matches', () => {
      assert.equal(birthDateMatches(valid('85073003328'), date('1985-07-30')), true);
      assert.equal(birthDateMatches(valid('01021106161'), date('2001-02-11')), true);
      assert.equal(birthDateMatches(valid('85473003317'), date('1985-07-30')), true);
    });

    it('A2 INSZ birth date mismatch: another day, month or century does not match', () => {
      const insz = valid('85073003328');
      assert.equal(birthDateMatches(insz, date('1985-07-31')), false);
      assert.equal(birthDateMatches(insz, date('1985-08-30')), false);
      assert.equal(birthDateMatches(insz, date('2085-07-30')), false);
      assert.equal(birthDateMatches(valid('01021106161'), date('1901-02-11')), false);
    });

    it('A2 INSZ a number with unknown month and day accepts any birth date', () => {
      assert.equal(birthDateMatches(valid('85000003306'), date('1985-03-14')), true);
    });

    // A2 asks for a birth date consistent with the INSZ. A number with unknown month and day still
    // encodes the year (85, and the 1900s check makes it 1985); today every birth date matches.
    it('A2 INSZ a number with unknown month and day still refuses a birth date in another year', () => {
      assert.equal(birthDateMatches(valid('85000003306'), date('1990-03-14')), false);
    });

    it('A2 INSZ an invalid number never matches', () => {
      assert.equal(birthDateMatches('85073003327' as Insz, date('1985-07-30')), false);
    });
  });

  describe('makeInsz, maskInsz, formatInsz', () => {
    it('A2 INSZ makeInsz agrees with the hand-computed numbers of both centuries', () => {
      assert.equal(makeInsz(date('1985-07-30'), 33), '85073003328');
      assert.equal(makeInsz(date('2001-02-11'), 61), '01021106161');
      assert.equal(makeInsz(date('1901-02-11'), 61), '01021106132');
    });

    it('A2 INSZ maskInsz shows the birth-date part and hides serial and check', () => {
      const masked = maskInsz(valid('85073003328'));
      assert.equal(masked, '850730-***-**');
      assert.doesNotMatch(masked, /033|28$/);
    });

    it('A2 INSZ formatInsz writes the usual form 85.07.30-033.28', () => {
      assert.equal(formatInsz(valid('85073003328')), '85.07.30-033.28');
      assert.equal(formatInsz(valid('01021106161')), '01.02.11-061.61');
    });
  });
});
