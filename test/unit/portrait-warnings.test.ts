/**
 * K1 (manual 4.3): the warnings of the Klantenportret: not registered as a job seeker, no action
 * plan 30 days after the start, no final report after the end date, contact data missing. The
 * document warnings are given only when the documents are known.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContactData } from '../../src/domain/dossier/contact.ts';
import { portraitWarnings, type DocumentFacts, type OutplacementFacts } from '../../src/domain/dossier/portrait.ts';
import { date } from '../support/dates.ts';

const contact: ContactData = { phone: '0470123456', email: 'an@voorbeeld.be', street: 'Markt 1', postcode: '8000', city: 'Brugge' };
const line: OutplacementFacts = { organisationId: 'org-1', organisationName: 'Koers', state: 'bezig', startDate: date('2026-01-10'), endDate: date('2026-07-10') };
const registered = { registered: true };

function warn(overrides: Partial<Parameters<typeof portraitWarnings>[0]>) {
  return portraitWarnings({ registration: registered, contact, outplacements: [line], documents: [], today: date('2026-01-20'), ...overrides }).map((w) => w.code);
}

describe('Klantenportret warnings', () => {
  it('K1 nothing to warn about when the dossier is up to date', () => {
    assert.deepEqual(warn({}), []);
  });

  it('K1 an unknown registration and a recorded "not registered" are told apart', () => {
    assert.deepEqual(warn({ registration: null }), ['inschrijving-onbekend']);
    assert.deepEqual(warn({ registration: { registered: false } }), ['niet-ingeschreven']);
  });

  it('K1 no action plan: warned from the 31st day after the start, not on the 30th', () => {
    assert.deepEqual(warn({ today: date('2026-02-09') }), []);
    assert.deepEqual(warn({ today: date('2026-02-10') }), ['geen-actieplan']);
    const plan: DocumentFacts = [{ kind: 'actieplan', addedOn: date('2026-01-25'), organisationId: 'org-1' }];
    assert.deepEqual(warn({ today: date('2026-02-10'), documents: plan }), []);
  });

  it("K1 a plan of another organisation, or from before the line's start, does not count", () => {
    const others: DocumentFacts = [
      { kind: 'actieplan', addedOn: date('2026-01-25'), organisationId: 'org-2' },
      { kind: 'actieplan', addedOn: date('2025-12-01'), organisationId: 'org-1' },
    ];
    assert.deepEqual(warn({ today: date('2026-03-01'), documents: others }), ['geen-actieplan']);
  });

  it('K1 no final report after the end date', () => {
    const plan: DocumentFacts = [{ kind: 'actieplan', addedOn: date('2026-01-25'), organisationId: 'org-1' }];
    assert.deepEqual(warn({ today: date('2026-07-10'), documents: plan }), []);
    assert.deepEqual(warn({ today: date('2026-07-11'), documents: plan }), ['geen-eindverslag']);
    const report: DocumentFacts = [...plan, { kind: 'eindverslag', addedOn: date('2026-07-05'), organisationId: 'org-1' }];
    assert.deepEqual(warn({ today: date('2026-07-11'), documents: report }), []);
  });

  it('K1 a cancelled line needs neither plan nor report; unknown documents give no document warnings', () => {
    assert.deepEqual(warn({ today: date('2026-08-01'), outplacements: [{ ...line, state: 'geannuleerd' }] }), []);
    assert.deepEqual(warn({ today: date('2026-08-01'), documents: null }), []);
  });

  it('K1 missing contact data are named', () => {
    const warnings = portraitWarnings({ registration: registered, contact: { ...contact, phone: null, postcode: null }, outplacements: [], documents: null, today: date('2026-01-20') });
    assert.deepEqual(warnings, [{ code: 'contact-ontbreekt', missing: ['telefoon', 'adres'] }]);
  });
});
