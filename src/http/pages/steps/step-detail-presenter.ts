/**
 * One line (O6–O10): its fields, when it completes by itself, the stop requests and their
 * outcome, the actions this user may take, and its history.
 */
import { dateInBrussels, formatDate } from '../../../domain/calendar-date.ts';
import { STATE_LABELS } from '../../../domain/steps/step.ts';
import type { StepDetail } from '../../../services/steps/steps-service.ts';
import { errorFor, type FieldErrors } from '../form.ts';
import { dateInputItems, type DateParts } from '../date-input.ts';
import { presentTimeline } from './history-presenter.ts';
import { messages } from '../../messages/index.ts';
import { stateTag, stepPath } from './steps-overview-presenter.ts';

const REQUEST_STATES = {
  open: 'In behandeling',
  aanvaard: 'Aanvaard: de lijn is stopgezet',
  afgewezen: 'Afgewezen',
  vervallen: 'Vervallen: de lijn werd intussen afgesloten',
} as const;

export type StepActionInput = Readonly<{
  aanvulling?: string;
  stopDatum?: DateParts;
  afwijzingReden?: string;
}>;

export function presentStepExtras(detail: StepDetail, input: StepActionInput = {}, errors: FieldErrors = []) {
  const { step, permissions } = detail;
  const path = stepPath(step.clientId, step.id);
  const openRequest = detail.stopRequests.find((r) => r.state === 'open');
  const stopDateError = errorFor(errors, 'stop-datum');
  // O8 (issue 15 defect 5): a planned stop comes before the automatic completion, and replaces its notice.
  const plannedStop = step.state === 'bezig' ? step.plannedStopDate : null;
  return {
    state: stateTag(step.state),
    completionNotice:
      plannedStop !== null
        ? messages.steps.plannedStopNotice(formatDate(plannedStop))
        : permissions.completionDate === null
          ? null
          : `Wordt automatisch Uitgevoerd op ${formatDate(permissions.completionDate)}`,
    partnerStopNotice: step.type.kind === 'outplacement' && permissions.actor === 'partner' && step.state === 'bezig',
    partnerPlannedStop: plannedStop === null ? null : messages.steps.plannedStopPartner(formatDate(plannedStop)),
    requestStopHref: permissions.canRequestStop ? `${path}/stopzetting` : null,
    stopRequests: detail.stopRequests.map((r) => ({
      state: r.state === 'aanvaard' && plannedStop !== null ? `Aanvaard: de stopzetting is gepland op ${formatDate(plannedStop)}` : REQUEST_STATES[r.state],
      requestedBy: r.requestedByLabel,
      requestedOn: formatDate(dateInBrussels(r.requestedAt)),
      reason: r.reason,
      proposedDate: formatDate(r.proposedDate),
      decision: r.decisionReason,
      handledBy: r.handledByLabel,
    })),
    stop: permissions.canStop
      ? {
          action: `${path}/stopzetten`,
          version: step.version,
          date: { items: dateInputItems(input.stopDatum ?? emptyOr(openRequest?.proposedDate ?? plannedStop ?? undefined), stopDateError !== undefined), errorMessage: stopDateError },
          hint: step.endDate === null ? messages.steps.stopDateHint : messages.steps.stopDateHintPeriod(formatDate(step.startDate), formatDate(step.endDate)),
          declineAction: openRequest === undefined ? null : `${path}/verzoek-afwijzen`,
          declineReason: { value: input.afwijzingReden ?? '', errorMessage: errorFor(errors, 'reden') },
        }
      : null,
    append: permissions.canAppendSummary
      ? {
          action: `${path}/samenvatting`,
          version: step.version,
          lastDay: permissions.summaryWindowLastDay === null ? '' : formatDate(permissions.summaryWindowLastDay),
          value: input.aanvulling ?? '',
          errorMessage: errorFor(errors, 'aanvulling'),
        }
      : null,
    windowClosedNotice:
      !permissions.canAppendSummary && permissions.summaryWindowLastDay !== null
        ? `Deze lijn is afgesloten en kan niet meer gewijzigd worden (de samenvatting kon aangevuld worden tot en met ${formatDate(permissions.summaryWindowLastDay)}).`
        : null,
    history: presentTimeline(detail.history),
  };
}

/** The read-only view of a line: for end states, other organisations and service staff. */
export function presentStepReadOnly(detail: StepDetail) {
  const { step } = detail;
  const row = (key: string, value: string, classes = '') => ({ key: { text: key }, value: { text: value === '' ? '–' : value, classes } });
  return [
    row('Toestand', STATE_LABELS[step.state]),
    row('Datum', formatDate(step.date)),
    ...(step.startDate !== step.date ? [row('Start van de begeleiding', formatDate(step.startDate))] : []),
    ...(step.endDate !== null ? [row('Einddatum attest', formatDate(step.endDate))] : []),
    row('Financieringsnummer', step.fundingNumber === null ? '' : `${step.fundingNumber.code} – ${step.fundingNumber.description}`),
    row('Aanvrager', step.requester.label),
    row('Uitvoerder', step.executor.label),
    row('Geregistreerd door', step.organisationName),
    row('Samenvatting', step.summary, 'lbp-summary-text'),
  ];
}

function emptyOr(date: string | undefined): DateParts {
  if (date === undefined) return { dag: '', maand: '', jaar: '' };
  const [jaar = '', maand = '', dag = ''] = date.split('-');
  return { dag, maand, jaar };
}
