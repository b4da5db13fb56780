/**
 * K1 (manual 4.3): the warnings of the Klantenportret: not registered as a job seeker, no action
 * plan 30 days after the start, no final report after the end date, contact data missing. The
 * document warnings are given only when the documents are known.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContactData } from '../../src/domain/dossier/contact.ts';
import { kindDueOnTraject, portraitWarnings, type DocumentFacts, type OutplacementFacts } from '../../src/domain/dossier/portrait.ts';
import { mayCorrectKind } from '../../src/domain/documents/document.ts';
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

describe('issue 15 defect 2: the Soort of a document', () => {
  it('issue 15 defect 2: Traject > Voeg toe chooses Actieplan only while the own Bezig Outplacement line has no action plan since its start', () => {
    const plan = (organisationId: string, addedOn: string): NonNullable<DocumentFacts> => [{ kind: 'actieplan', addedOn: date(addedOn), organisationId }];
    assert.equal(kindDueOnTraject('org-1', [line], []), 'actieplan');
    assert.equal(kindDueOnTraject('org-1', [line], plan('org-1', '2026-01-10')), null, 'a plan from the start day counts');
    assert.equal(kindDueOnTraject('org-1', [line], plan('org-1', '2026-01-09')), 'actieplan', 'a plan from before the line does not');
    assert.equal(kindDueOnTraject('org-1', [line], plan('org-2', '2026-01-20')), 'actieplan', "another organisation's plan does not");
    assert.equal(kindDueOnTraject('org-2', [line], []), null, 'no line of its own: the user chooses');
    assert.equal(kindDueOnTraject('org-1', [], []), null);
    for (const state of ['geannuleerd', 'stopgezet', 'uitgevoerd'] as const) assert.equal(kindDueOnTraject('org-1', [{ ...line, state }], []), null, state);
    // An "Ander document" does not count as the plan; corrected to Actieplan it does (the warning follows the same rule).
    const other: NonNullable<DocumentFacts> = [{ kind: 'ander', addedOn: date('2026-01-20'), organisationId: 'org-1' }];
    assert.equal(kindDueOnTraject('org-1', [line], other), 'actieplan');
    assert.deepEqual(warn({ today: date('2026-02-10'), documents: other }), ['geen-actieplan']);
    const corrected: DocumentFacts = [{ kind: 'actieplan', addedOn: date('2026-01-20'), organisationId: 'org-1' }];
    assert.deepEqual(warn({ today: date('2026-02-10'), documents: corrected }), []);
  });

  it('issue 15 defect 2 D7: only a partner of the organisation that added a document corrects its kind, and not once it is withdrawn', () => {
    const document = { organisationId: 'org-1', withdrawnAt: null };
    assert.equal(mayCorrectKind({ role: 'begeleider', organisationId: 'org-1' }, document), true);
    assert.equal(mayCorrectKind({ role: 'partnerbeheerder', organisationId: 'org-1' }, document), true);
    assert.equal(mayCorrectKind({ role: 'begeleider', organisationId: 'org-2' }, document), false);
    for (const role of ['secretariaat', 'interventieadviseur', 'beheerder'] as const) assert.equal(mayCorrectKind({ role, organisationId: 'org-1' }, document), false, role);
    assert.equal(mayCorrectKind({ role: 'begeleider', organisationId: 'org-1' }, { ...document, withdrawnAt: new Date(0) }), false);
  });
});
