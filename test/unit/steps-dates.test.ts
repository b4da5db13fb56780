import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, compareDates, daysInMonth, formatDate, type CalendarDate } from '../../src/domain/calendar-date.ts';
import {
  automaticCompletionDate,
  isCompletionDue,
  isSummaryWindowOpen,
  lastDueEndDate,
  lastEndedOnWithClosedWindow,
  summaryWindowLastDay,
} from '../../src/domain/steps/dates.ts';
import { date } from '../support/dates.ts';

/** Every calendar day from `first` to `last`, both included. */
function daysFrom(first: CalendarDate, last: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let d = first; compareDates(d, last) <= 0; d = addDays(d, 1)) days.push(d);
  return days;
}

/** End + 1 month written out on its own (clamped to the month's last day), as an oracle. */
function oneMonthLater(end: CalendarDate): CalendarDate {
  const [y, m, d] = end.split('-').map(Number) as [number, number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return date(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

describe('steps dates', () => {
  describe('automatic completion (O9)', () => {
    const cases: readonly [string, string][] = [
      ['2026-01-31', '2026-02-28'],
      ['2028-01-31', '2028-02-29'],
      ['2026-04-30', '2026-05-30'],
      ['2026-12-31', '2027-01-31'],
    ];
    for (const [end, completion] of cases) {
      const leap = end === '2028-01-31' ? ' (leap year)' : '';
      it(`O9 end date ${formatDate(date(end))} completes on ${formatDate(date(completion))}${leap}`, () => {
        assert.equal(automaticCompletionDate(date(end)), completion);
      });
    }

    it('O9 a line is due on its completion day and after, not the day before', () => {
      assert.equal(isCompletionDue(date('2026-01-31'), date('2026-02-27')), false);
      assert.equal(isCompletionDue(date('2026-01-31'), date('2026-02-28')), true);
      assert.equal(isCompletionDue(date('2026-01-31'), date('2026-03-01')), true);
    });
  });

  describe('lastDueEndDate (J1)', () => {
    const cases: readonly [string, string][] = [
      ['2026-02-28', '2026-01-31'],
      ['2028-02-29', '2028-01-31'],
      ['2028-02-28', '2028-01-28'],
      ['2026-06-15', '2026-05-15'],
      ['2026-03-31', '2026-02-28'],
      ['2027-01-31', '2026-12-31'],
    ];
    for (const [today, last] of cases) {
      it(`J1 lastDueEndDate on ${formatDate(date(today))} is ${formatDate(date(last))}`, () => {
        assert.equal(lastDueEndDate(date(today)), last);
      });
    }

    it('J1 for every end date over three years, due today exactly when end <= lastDueEndDate(today)', () => {
      const ends = daysFrom(date('2026-01-01'), date('2028-12-31'));
      // Todays: the days around each month's turn (where clamping bites) and every 9th day.
      const todays = daysFrom(date('2026-01-01'), date('2029-02-28')).filter((d, i) => {
        const day = Number(d.slice(8));
        return day >= 27 || day <= 2 || i % 9 === 0;
      });
      let checked = 0;
      for (const today of todays) {
        const last = lastDueEndDate(today);
        for (const end of ends) {
          const due = isCompletionDue(end, today);
          if (due !== compareDates(end, last) <= 0) assert.fail(`end ${end}, today ${today}: due ${due}, last due end ${last}`);
          if (due !== compareDates(oneMonthLater(end), today) <= 0) assert.fail(`end ${end}, today ${today}: due ${due}, oracle disagrees`);
          checked++;
        }
      }
      assert.ok(checked > 100_000, `checked ${checked} pairs`);
    });
  });

  describe('summary window (O10)', () => {
    const endedOn = date('2026-03-01');

    it('O10 summary window: day 14 after the end state allowed, day 15 refused', () => {
      assert.equal(isSummaryWindowOpen(endedOn, date('2026-03-15')), true);
      assert.equal(isSummaryWindowOpen(endedOn, date('2026-03-16')), false);
    });

    it('O10 summary window: open on the day the end state was reached', () => {
      assert.equal(isSummaryWindowOpen(endedOn, endedOn), true);
    });

    it('O10 summary window: its last day is 14 days after the end, across a month', () => {
      assert.equal(summaryWindowLastDay(endedOn), '2026-03-15');
      assert.equal(summaryWindowLastDay(date('2026-02-20')), '2026-03-06');
      assert.equal(summaryWindowLastDay(date('2028-02-20')), '2028-03-05');
    });

    it('O10 the sweep closes exactly the windows that are no longer open', () => {
      for (const today of daysFrom(date('2026-02-01'), date('2026-04-30'))) {
        const cutoff = lastEndedOnWithClosedWindow(today);
        for (const ended of daysFrom(date('2026-01-01'), today)) {
          assert.equal(compareDates(ended, cutoff) <= 0, !isSummaryWindowOpen(ended, today), `ended ${ended}, today ${today}`);
        }
      }
    });
  });
});
