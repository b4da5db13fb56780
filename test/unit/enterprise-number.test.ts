/** Issue 12: the KBO/enterprise number and its mod-97 check; the funding number's period. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import { enterpriseCheck, formatEnterpriseNumber, makeEnterpriseNumber, parseEnterpriseNumber } from '../../src/domain/enterprise-number.ts';
import { checkFundingNumber, checkOrganisation, isFundingNumberValidOn } from '../../src/domain/organisations.ts';

describe('issue 12 KBO number', () => {
  it('KBO the check digits are 97 - (first eight digits mod 97)', () => {
    assert.equal(enterpriseCheck(4_561_234), 94);
    assert.equal(enterpriseCheck(97), 97, 'a multiple of 97 gives 97, never 00');
    assert.deepEqual(parseEnterpriseNumber('0456123494'), { ok: true, number: '0456123494' });
  });

  it('KBO dots, spaces and the BE prefix of the VAT number are accepted', () => {
    for (const typed of ['0456.123.494', ' 0456 123 494 ', 'BE0456123494', 'be 0456.123.494']) {
      assert.deepEqual(parseEnterpriseNumber(typed), { ok: true, number: '0456123494' }, typed);
    }
  });

  it('KBO a wrong check digit is refused as controlegetal', () => {
    assert.deepEqual(parseEnterpriseNumber('0456123495'), { ok: false, problem: 'controlegetal' });
    assert.deepEqual(parseEnterpriseNumber('0456123449'), { ok: false, problem: 'controlegetal' });
  });

  it('KBO not 10 digits, or not starting with 0 or 1, is refused as formaat', () => {
    for (const typed of ['456123494', '04561234940', '2456123494', '0456x23494', '']) {
      assert.deepEqual(parseEnterpriseNumber(typed), { ok: false, problem: 'formaat' }, typed);
    }
  });

  it('KBO numbers made for demo and test data pass the check, and are written 0123.456.749', () => {
    for (const base of [0, 1, 97, 4_561_234, 19_999_999]) {
      const made = makeEnterpriseNumber(base);
      assert.equal(parseEnterpriseNumber(made).ok, true, made);
    }
    assert.equal(formatEnterpriseNumber('0456123494'), '0456.123.494');
  });

  it('KBO the organisation form needs a name, a kind and a valid number, each at its field', () => {
    assert.deepEqual(checkOrganisation({ name: '', kind: '', enterpriseNumber: '' }).map((p) => `${p.field}:${p.code}`), ['naam:verplicht', 'soort:verplicht', 'kbo:verplicht']);
    assert.deepEqual(checkOrganisation({ name: 'Koers', kind: 'partner', enterpriseNumber: '0456123495' }).map((p) => `${p.field}:${p.code}`), ['kbo:kbo-controlegetal']);
    assert.deepEqual(checkOrganisation({ name: 'Koers', kind: 'dienst', enterpriseNumber: '0456.123.494' }), []);
  });
});

describe('issue 12 funding number period', () => {
  const day = (d: string) => d as CalendarDate;

  it('a funding number whose "until" is before its "from" is refused at geldig-tot; the same day is fine', () => {
    const base = { code: 'KO-1', description: 'Project' };
    assert.deepEqual(checkFundingNumber({ ...base, validFrom: day('2026-03-01'), validUntil: day('2026-02-28') }).map((p) => `${p.field}:${p.code}`), ['geldig-tot:tot-voor-van']);
    assert.deepEqual(checkFundingNumber({ ...base, validFrom: day('2026-03-01'), validUntil: day('2026-03-01') }), []);
    assert.deepEqual(checkFundingNumber({ ...base, validFrom: day('2026-03-01'), validUntil: null }), []);
  });

  it('a funding number is valid from its first through its last day, and open-ended without an end', () => {
    const period = { validFrom: day('2026-01-01'), validUntil: day('2026-06-30') };
    assert.equal(isFundingNumberValidOn(period, day('2025-12-31')), false);
    assert.equal(isFundingNumberValidOn(period, day('2026-01-01')), true);
    assert.equal(isFundingNumberValidOn(period, day('2026-06-30')), true);
    assert.equal(isFundingNumberValidOn(period, day('2026-07-01')), false);
    assert.equal(isFundingNumberValidOn({ validFrom: day('2026-01-01'), validUntil: null }, day('2099-01-01')), true);
  });
});
