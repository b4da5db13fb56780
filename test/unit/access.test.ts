import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accessPeriodEnd,
  attestGivesAccess,
  automaticCompletionDate,
  mayOpenDossier,
  type AttestForAccess,
} from '../../src/domain/access.ts';
import type { Role } from '../../src/domain/roles.ts';
import { date } from '../support/dates.ts';

/** An approved attest from 10/01/2026 to 30/06/2026: access until 30/07 + 14 days = 13/08/2026. */
function anAttest(overrides: Partial<AttestForAccess> = {}): AttestForAccess {
  return { state: 'goedgekeurd', approvedOn: date('2026-01-10'), endDate: date('2026-06-30'), ...overrides };
}

const SERVICE_STAFF: readonly Role[] = ['secretariaat', 'interventieadviseur', 'beheerder'];
const PARTNERS: readonly Role[] = ['begeleider', 'partnerbeheerder'];

describe('access (A1)', () => {
  describe('automaticCompletionDate', () => {
    it('A1 automatic completion is the end date + 1 month', () => {
      assert.equal(automaticCompletionDate(date('2026-06-30')), '2026-07-30');
      assert.equal(automaticCompletionDate(date('2026-12-15')), '2027-01-15');
    });

    it('A1 automatic completion of 31/01 is 28/02, or 29/02 in a leap year', () => {
      assert.equal(automaticCompletionDate(date('2026-01-31')), '2026-02-28');
      assert.equal(automaticCompletionDate(date('2028-01-31')), '2028-02-29');
    });
  });

  describe('accessPeriodEnd', () => {
    it('A1 access period ends on end date + 1 month + 14 days', () => {
      assert.equal(accessPeriodEnd(date('2026-06-30')), '2026-08-13');
      assert.equal(accessPeriodEnd(date('2026-12-20')), '2027-02-03');
    });

    it('A1 access period of 31/01 ends 14 days after 28/02 (or 29/02 in a leap year)', () => {
      assert.equal(accessPeriodEnd(date('2026-01-31')), '2026-03-14');
      assert.equal(accessPeriodEnd(date('2028-01-31')), '2028-03-14');
    });
  });

  describe('attestGivesAccess', () => {
    it('A1 approved attest gives access on the last day of the period, not the day after', () => {
      assert.equal(attestGivesAccess(anAttest(), date('2026-08-13')), true);
      assert.equal(attestGivesAccess(anAttest(), date('2026-08-14')), false);
    });

    it('A1 approved attest gives access on the approval day, not the day before', () => {
      assert.equal(attestGivesAccess(anAttest(), date('2026-01-09')), false);
      assert.equal(attestGivesAccess(anAttest(), date('2026-01-10')), true);
    });

    it('A1 approved attest gives access between approval and end, and in the window after the end', () => {
      assert.equal(attestGivesAccess(anAttest(), date('2026-03-01')), true);
      assert.equal(attestGivesAccess(anAttest(), date('2026-07-30')), true);
    });

    it('A1 attest in state ingediend or afgewezen gives no access, whatever the dates', () => {
      assert.equal(attestGivesAccess(anAttest({ state: 'ingediend', approvedOn: null }), date('2026-03-01')), false);
      assert.equal(attestGivesAccess(anAttest({ state: 'ingediend' }), date('2026-03-01')), false);
      assert.equal(attestGivesAccess(anAttest({ state: 'afgewezen' }), date('2026-03-01')), false);
    });

    it('A1 approved attest without an approval day gives no access', () => {
      assert.equal(attestGivesAccess(anAttest({ approvedOn: null }), date('2026-03-01')), false);
    });
  });

  describe('mayOpenDossier', () => {
    it('A1 service staff open a dossier without any attest (A5)', () => {
      for (const role of SERVICE_STAFF) {
        assert.equal(mayOpenDossier(role, [], date('2026-03-01')), true, role);
      }
    });

    it('A1 partners open a dossier only with a running attest', () => {
      for (const role of PARTNERS) {
        assert.equal(mayOpenDossier(role, [], date('2026-03-01')), false, `${role} without attest`);
        assert.equal(mayOpenDossier(role, [anAttest()], date('2026-03-01')), true, `${role} with running attest`);
        assert.equal(mayOpenDossier(role, [anAttest()], date('2026-08-14')), false, `${role} after the period`);
        assert.equal(mayOpenDossier(role, [anAttest({ state: 'ingediend', approvedOn: null })], date('2026-03-01')), false, `${role} submitted`);
        assert.equal(mayOpenDossier(role, [anAttest({ state: 'afgewezen' })], date('2026-03-01')), false, `${role} rejected`);
      }
    });

    it('A1 partners open a dossier when one of several attests runs (an expired one does not matter)', () => {
      const expired = anAttest({ approvedOn: date('2024-01-10'), endDate: date('2024-06-30') });
      const running = anAttest();
      assert.equal(mayOpenDossier('begeleider', [expired], date('2026-03-01')), false);
      assert.equal(mayOpenDossier('begeleider', [expired, running], date('2026-03-01')), true);
    });
  });
});
