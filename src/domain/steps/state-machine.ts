/**
 * Who may move a step from one Toestand to another (O6–O10, O13). The whole rule is this
 * table: a transition not listed is refused.
 *
 * - partner: begeleider or partnerbeheerder of the organisation that registered the step;
 * - adviseur: interventieadviseur of the public service;
 * - systeem: the application itself (the sweep, J1).
 */
import type { Role } from '../roles.ts';
import type { StepKind, StepState } from './step.ts';

export type StepActor = 'partner' | 'adviseur' | 'andere' | 'systeem';

type Transition = readonly [StepKind, StepActor, StepState, StepState];

const ALLOWED: readonly Transition[] = [
  // O7: the partner cancels an Outplacement line that did not take place.
  ['outplacement', 'partner', 'bezig', 'geannuleerd'],
  // O8: only the adviseur stops an Outplacement line early.
  ['outplacement', 'adviseur', 'bezig', 'stopgezet'],
  // O9: only the system completes it, one month after the end date.
  ['outplacement', 'systeem', 'bezig', 'uitgevoerd'],
  // O13: plain types: the registering organisation sets every state itself.
  ['plain', 'partner', 'bezig', 'uitgevoerd'],
  ['plain', 'partner', 'bezig', 'stopgezet'],
  ['plain', 'partner', 'bezig', 'geannuleerd'],
];

export function mayTransition(kind: StepKind, actor: StepActor, from: StepState, to: StepState): boolean {
  return ALLOWED.some(([k, a, f, t]) => k === kind && a === actor && f === from && t === to);
}

/** The states a user may choose on the form, the current one first. */
export function choosableStates(kind: StepKind, actor: StepActor, from: StepState): StepState[] {
  return [from, ...ALLOWED.filter(([k, a, f]) => k === kind && a === actor && f === from).map(([, , , t]) => t)];
}

/** How the acting user stands to a step of an organisation. */
export function stepActorOf(user: { role: Role; organisationId: string }, stepOrganisationId: string): StepActor {
  if ((user.role === 'begeleider' || user.role === 'partnerbeheerder') && user.organisationId === stepOrganisationId) return 'partner';
  if (user.role === 'interventieadviseur') return 'adviseur';
  return 'andere';
}

/** O6: while Bezig, the registering partner changes Datum, Financieringsnummer, Uitvoerder, Samenvatting. */
export function mayEditFields(actor: StepActor, state: StepState): boolean {
  return actor === 'partner' && state === 'bezig';
}
