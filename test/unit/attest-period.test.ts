/**
 * The dates of an attest (A1, A2, A4) beyond test/unit/access.test.ts: access periods across the
 * year end and from leap days, the 24-month limit of a request at month ends and leap years, the
 * extension's new end date, and the request's field rules (INSZ of both centuries, birth date).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessPeriodEnd, automaticCompletionDate } from '../../src/domain/access.ts';
import { checkApproval, checkExtension, checkNewRequest, checkPeriod, lastAllowedEndDate, type NewRequestInput } from '../../src/domain/attests/attest-request.ts';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import { csvField, toCsv } from '../../src/http/pages/attests/csv.ts';

const date = (value: string) => value as CalendarDate;

describe('attest periods', () => {
  it('A1 access period across the year end: 15/12 ends on 29/01 (15/01 + 14 days)', () => {
    assert.equal(automaticCompletionDate(date('2026-12-15')), '2027-01-15');
    assert.equal(accessPeriodEnd(date('2026-12-15')), '2027-01-29');
  });

  it('A1 access period of an attest ending on a leap day: 29/02 + 1 month = 29/03, + 14 days = 12/04', () => {
    assert.equal(accessPeriodEnd(date('2028-02-29')), '2028-04-12');
  });

  it('A1 access period of 30/01 and 31/03 clamps to the month end before the 14 days: 28/02 (29/02) and 30/04', () => {
    assert.equal(accessPeriodEnd(date('2027-01-30')), '2027-03-14');
    assert.equal(accessPeriodEnd(date('2028-01-30')), '2028-03-14');
    assert.equal(accessPeriodEnd(date('2026-03-31')), '2026-05-14');
  });

  it('A2 a period is at most 24 months, the start day included: 01/01/2025 may end on 31/12/2026, not 01/01/2027', () => {
    assert.equal(lastAllowedEndDate(date('2025-01-01')), '2026-12-31');
    assert.deepEqual(checkPeriod(date('2025-01-01'), date('2026-12-31')), []);
    assert.deepEqual(checkPeriod(date('2025-01-01'), date('2027-01-01')), [{ field: 'einddatum', code: 'te-lang-periode', params: { months: '24', lastAllowed: '2026-12-31' } }]);
  });

  it('A2 the 24-month limit at month ends and leap years: 29/02/2024 → 28/02/2026, 01/03/2024 → 28/02/2026, 01/03/2026 → 29/02/2028, 31/01/2024 → 30/01/2026', () => {
    assert.equal(lastAllowedEndDate(date('2024-02-29')), '2026-02-28');
    assert.equal(lastAllowedEndDate(date('2024-03-01')), '2026-02-28');
    assert.equal(lastAllowedEndDate(date('2024-03-31')), '2026-03-30');
    assert.equal(lastAllowedEndDate(date('2024-01-31')), '2026-01-30');
    assert.equal(lastAllowedEndDate(date('2026-03-01')), '2028-02-29');
  });

  it('A2 the end date comes after the start date (the same day is refused)', () => {
    assert.deepEqual(checkPeriod(date('2026-05-01'), date('2026-05-01')), [{ field: 'einddatum', code: 'niet-na-start' }]);
    assert.deepEqual(checkPeriod(date('2026-05-01'), date('2026-04-30')), [{ field: 'einddatum', code: 'niet-na-start' }]);
    assert.deepEqual(checkPeriod(date('2026-05-01'), date('2026-05-02')), []);
  });

  it('A4 the new end date comes after the current one, and the whole period stays within 24 months', () => {
    const start = date('2026-01-01');
    assert.deepEqual(checkExtension(start, date('2026-06-30'), date('2026-06-30')), [{ field: 'einddatum', code: 'niet-na-huidige', params: { current: '2026-06-30' } }]);
    assert.deepEqual(checkExtension(start, date('2026-06-30'), date('2026-12-31')), []);
    assert.equal(checkExtension(start, date('2026-06-30'), date('2028-01-01'))[0]?.code, 'te-lang-periode');
  });
});

describe('attest request fields', () => {
  const valid = (overrides: Partial<NewRequestInput> = {}): NewRequestInput => ({
    insz: makeInsz(date('1985-07-30'), 33),
    familyName: 'Peeters',
    firstName: 'An',
    birthDate: date('1985-07-30'),
    regime: 'algemeen',
    startDate: date('2026-01-01'),
    endDate: date('2026-06-30'),
    ...overrides,
  });

  it('A2 an INSZ of the 1900s and of the 2000s (2 prefixed for the check) are accepted, with separators', () => {
    assert.equal(checkNewRequest(valid({ insz: '85.07.30-033.28' })).ok, true);
    assert.equal(checkNewRequest(valid({ insz: makeInsz(date('2002-11-05'), 7), birthDate: date('2002-11-05') })).ok, true);
  });

  it('A2 a wrong check digit and a birth date that does not fit the INSZ are refused, each at its field', () => {
    const wrong = checkNewRequest(valid({ insz: '85073003329' }));
    assert.deepEqual(wrong.ok ? [] : wrong.problems, [{ field: 'insz', code: 'controlegetal' }]);
    const mismatch = checkNewRequest(valid({ birthDate: date('1985-07-31') }));
    assert.deepEqual(mismatch.ok ? [] : mismatch.problems, [{ field: 'geboortedatum', code: 'past-niet-bij-insz' }]);
  });
});

describe('approval (A3 amended, issue 15 defect 9)', () => {
  it('issue 15 defect 9: A3 a request is approved only with the signed original received', () => {
    assert.deepEqual(checkApproval(false), [{ field: 'origineel', code: 'origineel-ontbreekt' }]);
    assert.deepEqual(checkApproval(true), []);
  });
});

describe('A6 CSV export', () => {
  it('A6 quotes every field, doubles quotes, and defuses spreadsheet formulas', () => {
    assert.equal(csvField('Koers "Halle"'), '"Koers ""Halle"""');
    assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvField('a;b\r\nc'), '"a;b\r\nc"');
    assert.equal(toCsv(['A', 'B'], [['1', '2']]), '\uFEFF"A";"B"\r\n"1";"2"\r\n');
  });
});
