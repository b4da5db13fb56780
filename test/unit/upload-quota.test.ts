/** ASVS 5.2.1 (issue 13 item 5): the daily upload quota of a user, as pure rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import { brusselsDay, bytesLeftToday, DEFAULT_UPLOAD_QUOTA } from '../../src/domain/documents/upload-quota.ts';

const day = (iso: string) => iso as CalendarDate;

describe('ASVS 5.2.1 upload quota', () => {
  it('ASVS 5.2.1 the bytes left: the quota less what was uploaded; nothing once the count or the bytes are reached', () => {
    const quota = { uploadsPerDay: 3, bytesPerDay: 1000 };
    assert.equal(bytesLeftToday(quota, { uploads: 0, bytes: 0 }), 1000);
    assert.equal(bytesLeftToday(quota, { uploads: 2, bytes: 999 }), 1);
    assert.equal(bytesLeftToday(quota, { uploads: 3, bytes: 0 }), undefined);
    assert.equal(bytesLeftToday(quota, { uploads: 1, bytes: 1000 }), undefined);
    assert.deepEqual(DEFAULT_UPLOAD_QUOTA, { uploadsPerDay: 200, bytesPerDay: 1024 ** 3 });
  });

  it('ASVS 5.2.1 a day in Brussels runs from midnight to midnight there: 24 hours, 23 in spring and 25 in autumn', () => {
    assert.deepEqual(brusselsDay(day('2026-11-29')), { from: new Date('2026-11-28T23:00:00Z'), to: new Date('2026-11-29T23:00:00Z') });
    assert.deepEqual(brusselsDay(day('2026-07-01')), { from: new Date('2026-06-30T22:00:00Z'), to: new Date('2026-07-01T22:00:00Z') });
    const spring = brusselsDay(day('2026-03-29'));
    assert.equal(spring.to.getTime() - spring.from.getTime(), 23 * 3_600_000);
    const autumn = brusselsDay(day('2026-10-25'));
    assert.equal(autumn.to.getTime() - autumn.from.getTime(), 25 * 3_600_000);
    assert.deepEqual(brusselsDay(day('2027-01-01')).from, new Date('2026-12-31T23:00:00Z'));
  });
});
