import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendToSummary, checkEndingDate, checkStartDate, checkStopDate, checkSummary, isPlannedStop, type Period } from '../../src/domain/steps/validation.ts';
import { date } from '../support/dates.ts';

const TODAY = date('2026-11-29');
const ATTEST: Period = { startDate: date('2026-10-01'), endDate: date('2026-11-15') };

describe('steps validation', () => {
  describe('checkStartDate (O2, O3)', () => {
    it('O2 start date today or earlier is accepted; tomorrow is after today', () => {
      assert.deepEqual(checkStartDate(TODAY, TODAY, null), []);
      assert.deepEqual(checkStartDate(date('2026-11-30'), TODAY, null), [{ field: 'datum', code: 'na-vandaag' }]);
    });

    it('O2 start date after today is refused even within the attest period', () => {
      const running: Period = { startDate: date('2026-10-01'), endDate: date('2027-03-31') };
      assert.deepEqual(checkStartDate(date('2026-12-01'), TODAY, running), [{ field: 'datum', code: 'na-vandaag' }]);
    });

    it('O2 start date before the attest period is refused, with the period for the message', () => {
      assert.deepEqual(checkStartDate(date('2026-09-30'), TODAY, ATTEST), [
        { field: 'datum', code: 'voor-attest', params: { start: '2026-10-01', end: '2026-11-15' } },
      ]);
    });

    it('O2 start date after the attest period is refused, with the period for the message', () => {
      assert.deepEqual(checkStartDate(date('2026-11-16'), TODAY, ATTEST), [
        { field: 'datum', code: 'na-attest', params: { start: '2026-10-01', end: '2026-11-15' } },
      ]);
    });

    it('O2 the first and last day of the attest period are accepted', () => {
      assert.deepEqual(checkStartDate(ATTEST.startDate, TODAY, ATTEST), []);
      assert.deepEqual(checkStartDate(ATTEST.endDate, TODAY, ATTEST), []);
    });
  });

  describe('checkEndingDate (O7, O8)', () => {
    const start = date('2026-10-10');

    it('O7 date of cancellation between the start and today is accepted, both ends included', () => {
      assert.deepEqual(checkEndingDate('datum', start, start, TODAY), []);
      assert.deepEqual(checkEndingDate('datum', TODAY, start, TODAY), []);
    });

    it('O7 date of cancellation before the start is refused', () => {
      assert.deepEqual(checkEndingDate('datum', date('2026-10-09'), start, TODAY), [
        { field: 'datum', code: 'voor-start', params: { start: '2026-10-10' } },
      ]);
    });

    it('O7 date of cancellation after today is refused', () => {
      assert.deepEqual(checkEndingDate('datum', date('2026-11-30'), start, TODAY), [{ field: 'datum', code: 'na-vandaag' }]);
    });

    it('O8 a proposed stop date may lie in the future, not before the start', () => {
      assert.deepEqual(checkEndingDate('voorgestelde-datum', date('2026-12-31'), start, TODAY), []);
      assert.deepEqual(checkEndingDate('voorgestelde-datum', date('2026-10-09'), start, TODAY), [
        { field: 'voorgestelde-datum', code: 'voor-start', params: { start: '2026-10-10' } },
      ]);
    });
  });

  describe('checkStopDate (O8 amended, issue 15 defect 5)', () => {
    const line = { startDate: date('2026-10-10'), endDate: date('2027-04-29') };

    it('issue 15 defect 5: O8 a stop today is done now; tomorrow and the end date are planned stops', () => {
      assert.deepEqual(checkStopDate(TODAY, line, TODAY), []);
      assert.equal(isPlannedStop(TODAY, TODAY), false);
      assert.deepEqual(checkStopDate(date('2026-11-30'), line, TODAY), []);
      assert.equal(isPlannedStop(date('2026-11-30'), TODAY), true);
      assert.deepEqual(checkStopDate(line.endDate, line, TODAY), []);
      assert.equal(isPlannedStop(line.endDate, TODAY), true);
    });

    it('issue 15 defect 5: O8 the day after the end date is refused with the line period; the start is the first allowed day', () => {
      assert.deepEqual(checkStopDate(date('2027-04-30'), line, TODAY), [
        { field: 'datum', code: 'na-einde', params: { start: '2026-10-10', end: '2027-04-29' } },
      ]);
      assert.deepEqual(checkStopDate(line.startDate, line, TODAY), []);
      assert.deepEqual(checkStopDate(date('2026-10-09'), line, TODAY), [{ field: 'datum', code: 'voor-start', params: { start: '2026-10-10' } }]);
    });

    it('issue 15 defect 5: O8 a past date within the period stops now, not planned', () => {
      assert.deepEqual(checkStopDate(date('2026-11-01'), line, TODAY), []);
      assert.equal(isPlannedStop(date('2026-11-01'), TODAY), false);
    });

    it('issue 15 defect 5: O8 a line without an end date cannot be stopped on a later day', () => {
      const open = { startDate: line.startDate, endDate: null };
      assert.deepEqual(checkStopDate(TODAY, open, TODAY), []);
      assert.deepEqual(checkStopDate(date('2026-11-30'), open, TODAY), [{ field: 'datum', code: 'na-vandaag' }]);
    });
  });

  describe('checkSummary (O2, O10)', () => {
    it('O3 summary of 4000 characters is accepted, 4001 refused', () => {
      assert.deepEqual(checkSummary('samenvatting', 'a'.repeat(4000)), []);
      assert.deepEqual(checkSummary('samenvatting', 'a'.repeat(4001)), [{ field: 'samenvatting', code: 'te-lang', params: { max: '4000' } }]);
    });

    it('O10 an addition of 4001 characters is refused on its own field', () => {
      assert.deepEqual(checkSummary('aanvulling', 'a'.repeat(4000)), []);
      assert.deepEqual(checkSummary('aanvulling', 'a'.repeat(4001)), [{ field: 'aanvulling', code: 'te-lang', params: { max: '4000' } }]);
    });
  });

  describe('appendToSummary (O10)', () => {
    it('O10 appending keeps the earlier text and adds date and author', () => {
      const earlier = 'Verwachte einddatum 31/03/2027.\nIntake gedaan.';
      const result = appendToSummary(earlier, 'Eindverslag bezorgd.', '05/12/2026', 'Anna Peeters');
      assert.equal(result, `${earlier}\n\n[05/12/2026, Anna Peeters] Eindverslag bezorgd.`);
      assert.ok(result.startsWith(earlier));
    });

    it('O10 appending to an empty summary gives the entry alone', () => {
      assert.equal(appendToSummary('', 'Eindverslag bezorgd.', '05/12/2026', 'Anna Peeters'), '[05/12/2026, Anna Peeters] Eindverslag bezorgd.');
    });

    it('O10 appending twice keeps both additions in order', () => {
      const once = appendToSummary('Start.', 'Een.', '01/12/2026', 'A');
      assert.equal(appendToSummary(once, 'Twee.', '02/12/2026', 'B'), 'Start.\n\n[01/12/2026, A] Een.\n\n[02/12/2026, B] Twee.');
    });
  });
});
