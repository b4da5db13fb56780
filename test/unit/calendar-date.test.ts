import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addMonths,
  calendarDate,
  dateInBrussels,
  daysBetween,
  formatDate,
  parseIsoDate,
} from '../../src/domain/calendar-date.ts';
import { date } from '../support/dates.ts';

describe('calendar dates', () => {
  describe('calendarDate', () => {
    it('O2 date refuses days that do not exist: 31/02/2019, 29/02/2019, 30/02/2020', () => {
      assert.equal(calendarDate(2019, 2, 31), undefined);
      assert.equal(calendarDate(2019, 2, 29), undefined);
      assert.equal(calendarDate(2020, 2, 30), undefined);
      assert.equal(calendarDate(2026, 4, 31), undefined);
    });

    it('O2 date refuses month 13, month 0, day 0 and day 32', () => {
      assert.equal(calendarDate(2026, 13, 1), undefined);
      assert.equal(calendarDate(2026, 0, 1), undefined);
      assert.equal(calendarDate(2026, 1, 0), undefined);
      assert.equal(calendarDate(2026, 1, 32), undefined);
    });

    it('O2 date refuses fractions and years outside four digits', () => {
      assert.equal(calendarDate(2026, 1.5, 1), undefined);
      assert.equal(calendarDate(999, 1, 1), undefined);
      assert.equal(calendarDate(10000, 1, 1), undefined);
    });

    it('O2 date accepts 29/02 in leap years (2020, 2000) and refuses it in 2100', () => {
      assert.equal(calendarDate(2020, 2, 29), '2020-02-29');
      assert.equal(calendarDate(2000, 2, 29), '2000-02-29');
      assert.equal(calendarDate(2100, 2, 29), undefined);
    });

    it('O2 date pads month and day to an ISO string', () => {
      assert.equal(calendarDate(2026, 3, 5), '2026-03-05');
    });

    it('O2 date parseIsoDate reads only real YYYY-MM-DD dates', () => {
      assert.equal(parseIsoDate('2026-03-05'), '2026-03-05');
      assert.equal(parseIsoDate('2019-02-29'), undefined);
      assert.equal(parseIsoDate('2026-3-5'), undefined);
      assert.equal(parseIsoDate('05/03/2026'), undefined);
    });
  });

  describe('addMonths', () => {
    it('O9 date addMonths clamps to the last day: 31/01/2026 + 1 month = 28/02/2026', () => {
      assert.equal(addMonths(date('2026-01-31'), 1), '2026-02-28');
    });

    it('O9 date addMonths clamps to 29/02 in a leap year: 31/01/2028 + 1 month = 29/02/2028', () => {
      assert.equal(addMonths(date('2028-01-31'), 1), '2028-02-29');
    });

    it('O9 date addMonths clamps 31/03/2026 + 1 month to 30/04/2026', () => {
      assert.equal(addMonths(date('2026-03-31'), 1), '2026-04-30');
    });

    it('O9 date addMonths crosses the year end: 15/12/2026 + 1 month = 15/01/2027', () => {
      assert.equal(addMonths(date('2026-12-15'), 1), '2027-01-15');
      assert.equal(addMonths(date('2026-11-30'), 14), '2028-01-30');
    });

    it('O9 date addMonths with negative months goes back, clamping and crossing years', () => {
      assert.equal(addMonths(date('2026-03-31'), -1), '2026-02-28');
      assert.equal(addMonths(date('2026-01-15'), -1), '2025-12-15');
      assert.equal(addMonths(date('2028-03-31'), -1), '2028-02-29');
      assert.equal(addMonths(date('2026-01-31'), -13), '2024-12-31');
    });

    it('O9 date addMonths by 0 is the same day', () => {
      assert.equal(addMonths(date('2026-05-17'), 0), '2026-05-17');
    });
  });

  describe('addDays', () => {
    it('O10 date addDays crosses month and year ends', () => {
      assert.equal(addDays(date('2026-01-31'), 1), '2026-02-01');
      assert.equal(addDays(date('2026-12-31'), 1), '2027-01-01');
      assert.equal(addDays(date('2026-02-28'), 14), '2026-03-14');
    });

    it('O10 date addDays passes the leap day', () => {
      assert.equal(addDays(date('2028-02-28'), 1), '2028-02-29');
      assert.equal(addDays(date('2028-02-29'), 1), '2028-03-01');
      assert.equal(addDays(date('2026-02-28'), 1), '2026-03-01');
    });

    it('O10 date addDays with negative days and across the DST change', () => {
      assert.equal(addDays(date('2027-01-01'), -1), '2026-12-31');
      assert.equal(addDays(date('2028-03-01'), -1), '2028-02-29');
      assert.equal(addDays(date('2026-03-28'), 2), '2026-03-30');
      assert.equal(addDays(date('2026-10-24'), 2), '2026-10-26');
    });
  });

  describe('daysBetween', () => {
    it('O10 date daysBetween counts whole days, positive when the second date is later', () => {
      assert.equal(daysBetween(date('2026-01-01'), date('2026-01-01')), 0);
      assert.equal(daysBetween(date('2026-01-31'), date('2026-02-14')), 14);
      assert.equal(daysBetween(date('2026-02-14'), date('2026-01-31')), -14);
    });

    it('O10 date daysBetween counts 365 and 366 days for whole years and ignores DST', () => {
      assert.equal(daysBetween(date('2026-01-01'), date('2027-01-01')), 365);
      assert.equal(daysBetween(date('2028-01-01'), date('2029-01-01')), 366);
      assert.equal(daysBetween(date('2026-03-28'), date('2026-03-30')), 2);
    });
  });

  describe('formatDate', () => {
    it('O2 date formatDate shows dd/mm/jjjj', () => {
      assert.equal(formatDate(date('2026-03-05')), '05/03/2026');
      assert.equal(formatDate(date('2019-02-21')), '21/02/2019');
      assert.equal(formatDate(date('2028-12-31')), '31/12/2028');
    });
  });

  describe('dateInBrussels', () => {
    it('A1 date 2026-03-28T23:30:00Z is 29/03/2026 in Brussels (UTC+1, 00:30)', () => {
      assert.equal(dateInBrussels(new Date('2026-03-28T23:30:00Z')), '2026-03-29');
    });

    it('A1 date 2026-03-28T22:59:59Z is still 28/03/2026 in Brussels (UTC+1, 23:59)', () => {
      assert.equal(dateInBrussels(new Date('2026-03-28T22:59:59Z')), '2026-03-28');
    });

    it('A1 date 2026-06-30T22:30:00Z is 01/07/2026 in Brussels (UTC+2, 00:30)', () => {
      assert.equal(dateInBrussels(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
    });

    it('A1 date 2026-06-30T21:30:00Z is still 30/06/2026 in Brussels (UTC+2, 23:30)', () => {
      assert.equal(dateInBrussels(new Date('2026-06-30T21:30:00Z')), '2026-06-30');
    });

    it('A1 date 2026-12-31T23:00:00Z is 01/01/2027 in Brussels', () => {
      assert.equal(dateInBrussels(new Date('2026-12-31T23:00:00Z')), '2027-01-01');
    });
  });
});
