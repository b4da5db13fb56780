/** "Verlenging aanvragen" (A4): the running attest, the new end date and the new scan. */
import { formatDate } from '../../../domain/calendar-date.ts';
import { REGIME_LABELS } from '../../../domain/clients.ts';
import { STATE_LABELS, type StepState } from '../../../domain/steps/step.ts';
import type { ExtensionContext } from '../../../services/attests/attest-requests-service.ts';
import { messages } from '../../messages/index.ts';
import { dateInputItems, type DateParts } from '../date-input.ts';
import { dossierPath, presentDossierFrame, type DossierFrame } from '../dossier/dossier-presenter.ts';
import { errorFor, type FieldErrors } from '../form.ts';
import { scanHint } from './request-presenter.ts';

type SummaryRow = Readonly<{ key: { text: string }; value: { text: string } }>;
type ErrorMessage = ReturnType<typeof errorFor>;

export type ExtensionView = Readonly<{
  title: string;
  errors: FieldErrors;
  frame: DossierFrame;
  attest: SummaryRow[] | null;
  lineEnded: string | null;
  action: string;
  backHref: string;
  endDate: { items: ReturnType<typeof dateInputItems>; errorMessage: ErrorMessage };
  scan: { errorMessage: ErrorMessage };
  scanHint: string;
}>;

export const extensionPath = (clientId: string): string => `/dossiers/${clientId}/verlenging`;

export function presentExtension(context: ExtensionContext, input: DateParts, errors: FieldErrors, chooseAgain = false): ExtensionView {
  const { dossier, attest } = context;
  const endError = errorFor(errors, 'einddatum');
  return {
    title: 'Verlenging aanvragen',
    errors,
    frame: presentDossierFrame(dossier, 'klantenportret'),
    attest:
      attest === null
        ? null
        : [
            { key: { text: 'Regime' }, value: { text: REGIME_LABELS[attest.regime] } },
            { key: { text: 'Startdatum' }, value: { text: formatDate(attest.startDate) } },
            { key: { text: 'Huidige einddatum' }, value: { text: formatDate(attest.endDate) } },
          ],
    lineEnded: context.lineEnded === null ? null : messages.attests.lineEnded(STATE_LABELS[context.lineEnded as StepState]),
    action: extensionPath(dossier.client.id),
    backHref: dossierPath(dossier.client.id),
    endDate: { items: dateInputItems(input, endError !== undefined), errorMessage: endError },
    scan: { errorMessage: errorFor(errors, 'scan') },
    scanHint: scanHint(chooseAgain),
  };
}

