import type { Problem } from '../../../domain/result.ts';
/** Begeleiding > Stappen naar werk (O1, O5, O7): the lines, the filter and "Voeg een stap toe". */
import { formatDate } from '../../../domain/calendar-date.ts';
import { STATE_LABELS, STEP_STATES, isStepState, type StepState, type StepType } from '../../../domain/steps/step.ts';
import type { StepFilter, StepLine } from '../../../domain/steps/step.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import { presentDossierFrame } from '../dossier/dossier-presenter.ts';
import { messages } from '../../messages/index.ts';

/** O7: Geannuleerd lines leave the default overview. */
export const DEFAULT_STATES: readonly StepState[] = ['bezig', 'uitgevoerd', 'stopgezet'];

const TAG_CLASSES: Record<StepState, string> = {
  bezig: 'govuk-tag--blue',
  uitgevoerd: 'govuk-tag--green',
  stopgezet: 'govuk-tag--orange',
  geannuleerd: 'govuk-tag--grey',
};

/** The filter from the query string (?filter=1&toestand=…&stap=…, or ?toon=alle), kept in the URL. */
export function readStepFilter(query: unknown): StepFilter & { custom: boolean } {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const list = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const states = list(q['toestand']).filter(isStepState);
  const types = list(q['stap']);
  const custom = q['filter'] === '1';
  // "Toon geannuleerde lijnen" (issue 15 defect 9): every state, every type.
  if (!custom && q['toon'] === 'alle') return { states: STEP_STATES, typeCodes: null, custom: true };
  return { states: custom ? states : DEFAULT_STATES, typeCodes: custom ? types : null, custom };
}

export function stepPath(clientId: string, stepId: string): string {
  return `/dossiers/${clientId}/stappen/${stepId}`;
}

/** O7 (issue 15 defect 9): the overview with the cancelled lines shown too, as "Filter wijzigen" would. */
export function cancelledLinesPath(clientId: string): string {
  return `/dossiers/${clientId}/begeleiding/stappen-naar-werk?toon=alle`;
}

/** O4: the error "al bezig" links to the existing line. */
export function linkToExistingLine(clientId: string): (problem: Problem) => string | undefined {
  return (problem) => (problem.code === 'al-bezig' && problem.params?.['stepId'] !== undefined ? stepPath(clientId, problem.params['stepId']) : undefined);
}

/** O4 (issue 15 defect 8): the notice before the form, with the link to the Bezig Outplacement line. */
export function presentRunningLine(clientId: string, line: { id: string } | null): { text: string; linkText: string; href: string } | null {
  return line === null ? null : { text: messages.steps.runningBeforeForm, linkText: messages.steps.openRunningLine, href: stepPath(clientId, line.id) };
}

export function stateTag(state: StepState): { text: string; classes: string } {
  return { text: STATE_LABELS[state], classes: TAG_CLASSES[state] };
}

export function presentStepRows(clientId: string, steps: readonly StepLine[]) {
  return steps.map((step) => ({
    date: formatDate(step.date),
    label: step.type.label,
    href: stepPath(clientId, step.id),
    organisation: step.organisationName,
    state: stateTag(step.state),
    // O8 (issue 15 defect 5): a Bezig line with a planned stop says so.
    plannedStop: step.state === 'bezig' && step.plannedStopDate !== null ? messages.steps.plannedStopNotice(formatDate(step.plannedStopDate)) : null,
  }));
}

export function presentStepsOverview(input: {
  dossier: Dossier;
  steps: readonly StepLine[];
  filter: StepFilter & { custom: boolean };
  allTypes: readonly StepType[];
  allowedTypes: readonly StepType[];
  runningOutplacement: { id: string } | null;
}) {
  const { dossier, filter } = input;
  const clientId = dossier.client.id;
  const typeChecked = (code: string): boolean => filter.typeCodes === null || filter.typeCodes.includes(code);
  return {
    title: 'Stappen naar werk',
    frame: presentDossierFrame(dossier, 'begeleiding', 'stappen-naar-werk'),
    rows: presentStepRows(clientId, input.steps),
    filterAction: `/dossiers/${clientId}/begeleiding/stappen-naar-werk`,
    filterOpen: filter.custom,
    filterSummary: filter.custom ? 'Er is een filter actief.' : 'Geannuleerde lijnen worden niet getoond.',
    stateItems: STEP_STATES.map((s) => ({ value: s, text: STATE_LABELS[s], checked: filter.states.includes(s) })),
    typeItems: input.allTypes.map((t) => ({ value: t.code, text: t.label, checked: typeChecked(t.code) })),
    addAction: `/dossiers/${clientId}/stappen/nieuw`,
    // O4 (issue 15 defect 8): no second Outplacement is offered while one is Bezig; the page says why.
    addItems: input.allowedTypes.filter((t) => input.runningOutplacement === null || t.kind !== 'outplacement').map((t) => ({ value: t.code, text: t.label })),
    runningLine: presentRunningLine(clientId, input.allowedTypes.some((t) => t.kind === 'outplacement') ? input.runningOutplacement : null),
    logHref: `/dossiers/${clientId}/logboek`,
  };
}

export type StepsOverviewView = ReturnType<typeof presentStepsOverview>;
