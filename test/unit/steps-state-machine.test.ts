import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../../src/domain/roles.ts';
import { choosableStates, mayEditFields, mayTransition, stepActorOf, type StepActor } from '../../src/domain/steps/state-machine.ts';
import { STEP_STATES, type StepKind, type StepState } from '../../src/domain/steps/step.ts';

/**
 * The expected transitions, written out by hand from DESIGN.md O6–O10 and O13 (not read from
 * the implementation). Rows are the current Toestand, columns the new one, in the order
 * bezig, geannuleerd, stopgezet, uitgevoerd; 'x' = allowed, '.' = refused. Staying in the same
 * state is no transition and is refused as one.
 */
type Matrix = Readonly<Record<StepState, string>>;

const NONE: Matrix = { bezig: '....', geannuleerd: '....', stopgezet: '....', uitgevoerd: '....' };

const EXPECTED: Readonly<Record<StepKind, Readonly<Record<StepActor, Matrix>>>> = {
  outplacement: {
    // O6/O7: the partner only cancels; O8: it cannot stop; O9: it never completes.
    partner: { bezig: '.x..', geannuleerd: '....', stopgezet: '....', uitgevoerd: '....' },
    // O8: only the interventieadviseur stops a line early.
    adviseur: { bezig: '..x.', geannuleerd: '....', stopgezet: '....', uitgevoerd: '....' },
    andere: NONE,
    // O9: only the system completes, one month after the end date.
    systeem: { bezig: '...x', geannuleerd: '....', stopgezet: '....', uitgevoerd: '....' },
  },
  plain: {
    // O13: the registering organisation sets Uitgevoerd, Stopgezet or Geannuleerd itself.
    partner: { bezig: '.xxx', geannuleerd: '....', stopgezet: '....', uitgevoerd: '....' },
    // O13: without O8/O9: no adviseur and no system for the plain types.
    adviseur: NONE,
    andere: NONE,
    systeem: NONE,
  },
};

const COLUMNS: readonly StepState[] = ['bezig', 'geannuleerd', 'stopgezet', 'uitgevoerd'];
const KINDS: readonly StepKind[] = ['outplacement', 'plain'];
const ACTORS: readonly StepActor[] = ['partner', 'adviseur', 'andere', 'systeem'];

function expected(kind: StepKind, actor: StepActor, from: StepState, to: StepState): boolean {
  const cell = EXPECTED[kind][actor][from][COLUMNS.indexOf(to)];
  assert.ok(cell === 'x' || cell === '.', `table cell ${kind}/${actor}/${from}/${to} is written`);
  return cell === 'x';
}

/** The rule a cell proves, for the test's name. */
function ruleOf(kind: StepKind, from: StepState, to: StepState): string {
  if (kind === 'plain') return 'O13';
  if (from === 'uitgevoerd' || from === 'stopgezet') return 'O10';
  if (from === 'geannuleerd') return 'O7';
  return { bezig: 'O6', geannuleerd: 'O7', stopgezet: 'O8', uitgevoerd: 'O9' }[to];
}

describe('steps state machine', () => {
  it('O8 state machine: the expected table covers every state of the domain, in order', () => {
    assert.deepEqual([...STEP_STATES].sort(), [...COLUMNS].sort());
  });

  for (const kind of KINDS) {
    for (const actor of ACTORS) {
      for (const from of COLUMNS) {
        for (const to of COLUMNS) {
          const allowed = expected(kind, actor, from, to);
          it(`${ruleOf(kind, from, to)} state machine: ${kind} ${actor} ${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
            assert.equal(mayTransition(kind, actor, from, to), allowed);
          });
        }
      }
    }
  }

  it('O6 state machine: the form offers the current state first, then exactly the allowed ones', () => {
    assert.deepEqual(choosableStates('outplacement', 'partner', 'bezig'), ['bezig', 'geannuleerd']);
    assert.deepEqual(choosableStates('outplacement', 'adviseur', 'bezig'), ['bezig', 'stopgezet']);
    assert.deepEqual(choosableStates('plain', 'partner', 'bezig'), ['bezig', 'uitgevoerd', 'stopgezet', 'geannuleerd']);
    assert.deepEqual(choosableStates('outplacement', 'partner', 'stopgezet'), ['stopgezet']);
  });

  it('O6 state machine: only the registering partner edits fields, and only while Bezig', () => {
    for (const actor of ACTORS) {
      for (const state of COLUMNS) {
        assert.equal(mayEditFields(actor, state), actor === 'partner' && state === 'bezig', `${actor} ${state}`);
      }
    }
  });

  it('O8 state machine: how a user stands to a step of an organisation', () => {
    const cases: readonly [Role, string, StepActor][] = [
      ['begeleider', 'org-a', 'partner'],
      ['partnerbeheerder', 'org-a', 'partner'],
      ['begeleider', 'org-b', 'andere'],
      ['partnerbeheerder', 'org-b', 'andere'],
      ['interventieadviseur', 'dienst', 'adviseur'],
      ['secretariaat', 'dienst', 'andere'],
      ['beheerder', 'dienst', 'andere'],
    ];
    for (const [role, organisationId, actor] of cases) {
      assert.equal(stepActorOf({ role, organisationId }, 'org-a'), actor, `${role} of ${organisationId}`);
    }
  });
});
