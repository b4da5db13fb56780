/**
 * The confirmation pages of a line's final actions (issue 15 defect 9): Geannuleerd (or, for
 * the plain types, another final state) on the partner's form, and the adviseur's Stopzetten,
 * which for a date after today plans the stop (O8, defect 5).
 */
import { formatDate, type CalendarDate } from '../../../domain/calendar-date.ts';
import { STATE_LABELS, type StepState } from '../../../domain/steps/step.ts';
import type { StepDetail } from '../../../services/steps/steps-service.ts';
import { messages } from '../../messages/index.ts';
import type { DateParts } from '../date-input.ts';
import { presentDossierFrame } from '../dossier/dossier-presenter.ts';
import { confirmView, summaryRow } from '../shared/confirm.ts';
import type { StepFormInput } from './step-form.ts';
import { stepPath } from './steps-overview-presenter.ts';

const c = messages.confirm;

function page(detail: StepDetail, confirm: ReturnType<typeof confirmView>) {
  return { title: confirm.title, frame: presentDossierFrame(detail.dossier, 'begeleiding', 'stappen-naar-werk'), confirm };
}

/** The partner's change to a final state: the same form posted again, confirmed. */
export function presentChangeConfirmation(detail: StepDetail, input: StepFormInput, state: StepState, date: CalendarDate) {
  const { step } = detail;
  const cancel = state === 'geannuleerd';
  const label = STATE_LABELS[state];
  return page(
    detail,
    confirmView({
      title: cancel ? c.cancelTitle(step.type.label) : c.endTitle(step.type.label, label),
      rows: [
        summaryRow('Stap', step.type.label),
        summaryRow('Nieuwe toestand', label),
        summaryRow(cancel ? 'Datum van annulering' : 'Datum', formatDate(date)),
        summaryRow('Start van de begeleiding', formatDate(step.startDate)),
      ],
      warning: cancel ? c.cancelWarning : c.endWarning(label),
      action: stepPath(step.clientId, step.id),
      fields: [
        { name: 'actie', value: 'bevestigen' },
        { name: 'versie', value: input.versie },
        { name: 'toestand', value: input.toestand },
        { name: 'datum-dag', value: input.datum.dag },
        { name: 'datum-maand', value: input.datum.maand },
        { name: 'datum-jaar', value: input.datum.jaar },
        { name: 'financieringsnummer', value: input.financieringsnummer },
        { name: 'aanvrager', value: input.aanvrager },
        { name: 'uitvoerder', value: input.uitvoerder },
        { name: 'samenvatting', value: input.samenvatting },
      ],
      confirmText: cancel ? c.cancelButton : c.endButton(label),
    }),
  );
}

/** O8: the adviseur's stop, now or planned for a later day. */
export function presentStopConfirmation(detail: StepDetail, input: { version: string; parts: DateParts }, outcome: { date: CalendarDate; planned: boolean }) {
  const { step } = detail;
  return page(
    detail,
    confirmView({
      title: c.stopTitle(step.type.label),
      rows: [
        summaryRow('Stap', step.type.label),
        summaryRow('Geregistreerd door', step.organisationName),
        summaryRow('Start van de begeleiding', formatDate(step.startDate)),
        ...(step.endDate === null ? [] : [summaryRow('Einddatum attest', formatDate(step.endDate))]),
        summaryRow('Datum van stopzetting', formatDate(outcome.date)),
      ],
      notice: outcome.planned ? c.plannedStopText(formatDate(outcome.date)) : null,
      warning: c.stopWarning,
      action: `${stepPath(step.clientId, step.id)}/stopzetten`,
      fields: [
        { name: 'versie', value: input.version },
        { name: 'stop-datum-dag', value: input.parts.dag },
        { name: 'stop-datum-maand', value: input.parts.maand },
        { name: 'stop-datum-jaar', value: input.parts.jaar },
      ],
      confirmText: outcome.planned ? c.plannedStopButton : c.stopButton,
    }),
  );
}
