/** Dutch messages for the refusals of the attest services (A2–A4). */
import { MAX_PERIOD_MONTHS, NAME_MAX, REJECTION_REASON_MAX, type RequestProblem } from '../../../domain/attests/attest-request.ts';
import { formatDate, type CalendarDate } from '../../../domain/calendar-date.ts';
import type { AttestRequestProblem } from '../../../services/attests/attest-requests-service.ts';
import type { DecisionProblem } from '../../../services/attests/attest-handling-service.ts';
import { messages } from '../../messages.ts';
import type { FieldError } from '../form.ts';
import { STATE_LABELS } from '../../../domain/steps/step.ts';
import { dateError } from './request-form.ts';

/** The Toestand of a line in Dutch (Uitgevoerd, Stopgezet). */
export const stateLabel = (state: string): string => (STATE_LABELS as Readonly<Record<string, string | undefined>>)[state] ?? state;

const ATTEST_STATES = { ingediend: 'Ingediend', goedgekeurd: 'Goedgekeurd', afgewezen: 'Afgewezen' } as const;

function fieldMessage(problem: RequestProblem, currentEnd: CalendarDate | null): FieldError {
  const m = messages.attests;
  switch (problem.field) {
    case 'insz':
      return { field: 'insz', message: problem.code === 'controlegetal' ? m.inszChecksum : problem.code === 'datum' ? m.inszDate : problem.code === 'verplicht' ? m.inszRequired : m.inszFormat };
    case 'familienaam':
      return { field: 'familienaam', message: problem.code === 'te-lang' ? m.nameTooLong(NAME_MAX) : m.familyNameRequired };
    case 'voornaam':
      return { field: 'voornaam', message: problem.code === 'te-lang' ? m.nameTooLong(NAME_MAX) : m.firstNameRequired };
    case 'geboortedatum':
      return dateError('geboortedatum', m.birthDateMismatch);
    case 'regime':
      return { field: 'regime', message: m.regimeRequired };
    case 'startdatum':
      return dateError('startdatum', m.startRequired);
    case 'einddatum':
      if (problem.code === 'niet-na-huidige') return dateError('einddatum', m.endNotAfterCurrent(currentEnd === null ? '' : formatDate(currentEnd)));
      if (problem.code === 'te-lang-periode' && problem.lastAllowed !== undefined) return dateError('einddatum', m.periodTooLong(MAX_PERIOD_MONTHS, formatDate(problem.lastAllowed)));
      return dateError('einddatum', m.endNotAfterStart);
  }
}

/** The request's problems as field errors; `dossierHref` links "al toegang" to the dossier. */
export function requestProblemsToErrors(problems: readonly AttestRequestProblem[], currentEnd: CalendarDate | null = null): FieldError[] {
  const m = messages.attests;
  return problems.map((problem) => {
    if (problem.code === 'al-toegang') return { field: 'insz', message: m.alreadyAccess };
    if (problem.code === 'al-ingediend') return { field: 'insz', message: m.alreadyRequested };
    if (problem.code === 'eindtoestand') return dateError('einddatum', m.lineEnded(stateLabel(problem.state)));
    return fieldMessage(problem, currentEnd);
  });
}

/** The client id of an "al toegang" refusal, for the link to the dossier. */
export function alreadyAccessClient(problems: readonly AttestRequestProblem[]): string | null {
  for (const p of problems) if (p.code === 'al-toegang') return p.clientId;
  return null;
}

export function decisionProblemsToErrors(problems: readonly DecisionProblem[]): FieldError[] {
  const m = messages.attests;
  return problems.map((problem) => {
    switch (problem.code) {
      case 'reden-verplicht':
        return { field: 'reden', message: m.reasonRequired };
      case 'reden-te-lang':
        return { field: 'reden', message: m.reasonTooLong(REJECTION_REASON_MAX) };
      case 'al-behandeld':
        return { field: 'beslissing', message: m.alreadyHandled(ATTEST_STATES[problem.state], problem.byLabel ?? 'een collega') };
      case 'gewijzigd':
        return { field: 'beslissing', message: m.changedMeanwhile };
      case 'attest-gewijzigd':
        return { field: 'beslissing', message: m.attestChanged };
      case 'eindtoestand':
        return { field: 'beslissing', message: m.lineEnded(stateLabel(problem.state)) };
    }
  });
}

export { ATTEST_STATES };
