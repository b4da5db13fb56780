/**
 * A step towards work ("stap naar werk") in the client's dossier, such as the Outplacement
 * line. Toestand values keep the manual's Dutch words.
 */
import type { CalendarDate } from '../calendar-date.ts';

export const STEP_STATES = ['bezig', 'geannuleerd', 'stopgezet', 'uitgevoerd'] as const;
export type StepState = (typeof STEP_STATES)[number];

export const STATE_LABELS: Record<StepState, string> = {
  bezig: 'Bezig',
  geannuleerd: 'Geannuleerd',
  stopgezet: 'Stopgezet',
  uitgevoerd: 'Uitgevoerd',
};

/** Uitgevoerd and Stopgezet are end states (O10); Geannuleerd is final without a summary window (O7). */
export function isEndState(state: StepState): boolean {
  return state === 'uitgevoerd' || state === 'stopgezet';
}

export function isFinal(state: StepState): boolean {
  return state !== 'bezig';
}

export function isStepState(value: string): value is StepState {
  return (STEP_STATES as readonly string[]).includes(value);
}

/** Outplacement follows O4–O10; the other types follow the plain rules (O13). */
export type StepKind = 'outplacement' | 'plain';

export const OUTPLACEMENT = 'outplacement';

export type StepType = Readonly<{ code: string; label: string; kind: StepKind }>;

export type Step = Readonly<{
  id: string;
  clientId: string;
  organisationId: string;
  organisationName: string;
  type: StepType;
  state: StepState;
  /** Datum: the start of the guidance while Bezig; the date of cancellation, stop or completion after. */
  date: CalendarDate;
  startDate: CalendarDate;
  /** Outplacement: the end date of the organisation's attest (moves with an extension, A4). */
  endDate: CalendarDate | null;
  fundingNumber: { id: string; code: string; description: string } | null;
  requester: { id: string; label: string };
  executor: { id: string; label: string };
  summary: string;
  /** The day the line reached Uitgevoerd or Stopgezet. */
  endedOn: CalendarDate | null;
  /** O8: a stop the adviseur planned for a later day; the line stays Bezig until the sweep stops it (J1). */
  plannedStopDate: CalendarDate | null;
  /** The sweep closed the summary window (O10). */
  summaryClosed: boolean;
  version: number;
  updatedAt: Date;
  updatedByLabel: string;
}>;

/** A line of the overview: what Stappen naar werk and Traject show, without the joins of the detail. */
export type StepLine = Pick<Step, 'id' | 'clientId' | 'organisationName' | 'type' | 'state' | 'date' | 'plannedStopDate'>;

/** "Filter wijzigen": the states and (null: all) the step types the overview shows. */
export type StepFilter = Readonly<{ states: readonly StepState[]; typeCodes: readonly string[] | null }>;

export const SUMMARY_MAX_LENGTH = 4000;

/** What the Samenvatting may hold in all after supplements (O10); the database checks it too. */
export const SUMMARY_TOTAL_MAX_LENGTH = 20_000;
