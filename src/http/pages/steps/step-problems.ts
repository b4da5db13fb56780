/** Dutch messages for the problems the step services report (O3, O4, O8, O10, O12). */
import { formatDate, type CalendarDate } from '../../../domain/calendar-date.ts';
import type { StepProblem } from '../../../domain/steps/validation.ts';
import { messages } from '../../messages.ts';
import type { FieldError } from '../form.ts';

const ANCHORS: Partial<Record<StepProblem['field'], string>> = {
  datum: '#datum-dag',
  'voorgestelde-datum': '#voorgestelde-datum-dag',
  aanvrager: '#aanvrager-zoek',
  uitvoerder: '#uitvoerder-zoek',
};

export function problemsToErrors(problems: readonly StepProblem[], stepPath: (stepId: string) => string): FieldError[] {
  return problems.map((problem) => {
    const p = problem.params ?? {};
    const date = (key: string): string => (p[key] === undefined ? '' : formatDate(p[key] as CalendarDate));
    const error = (message: string, href?: string): FieldError => ({ field: problem.field, message, href: href ?? ANCHORS[problem.field] });
    switch (problem.code) {
      case 'na-vandaag':
        return error(messages.steps.dateAfterToday);
      case 'voor-attest':
        return error(messages.steps.dateBeforeAttest(date('start'), date('end')));
      case 'na-attest':
        return error(messages.steps.dateAfterAttest(date('start'), date('end')));
      case 'voor-start':
        return error(messages.steps.dateBeforeStart(date('start')));
      case 'te-lang':
        return error(problem.field === 'aanvulling' ? messages.steps.additionTooLong(p['max'] ?? '') : problem.field === 'reden' ? messages.steps.reasonTooLong(p['max'] ?? '') : messages.steps.summaryTooLong(p['max'] ?? ''));
      case 'verplicht':
        return error(problem.field === 'aanvulling' ? messages.steps.additionRequired : messages.steps.reasonRequired);
      case 'onbekende-vestiging':
        return error(problem.field === 'aanvrager' ? messages.steps.officeUnknown.aanvrager : messages.steps.officeUnknown.uitvoerder);
      case 'onbekend-financieringsnummer':
        return error(messages.steps.fundingUnknown);
      case 'niet-toegestaan':
        return error(messages.steps.stateNotAllowed);
      case 'al-bezig':
        // O4: the error links to the existing line.
        return error(messages.steps.alreadyRunning, p['stepId'] === undefined ? undefined : stepPath(p['stepId']));
      case 'gewijzigd':
        return error(messages.steps.changedMeanwhile(p['by'] ?? ''));
      case 'venster-gesloten':
        return error(messages.steps.windowClosed);
      case 'verzoek-loopt':
        return error(messages.steps.requestOpen);
    }
  });
}
