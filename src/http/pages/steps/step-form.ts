/**
 * The form "Stap: <type>" (O2) for a new line and for changing one (O6). Besides "Bevestigen"
 * it has buttons that re-show the form without JavaScript: "huidige datum" and the searches
 * for another office, and "eigen gegevens".
 */
import type { CalendarDate } from '../../../domain/calendar-date.ts';
import { isStepState, type StepState } from '../../../domain/steps/step.ts';
import { messages } from '../../messages/index.ts';
import { actionOrEnter, asRawForm, multilineField, textField, type FieldError, type FormResult } from '../form.ts';
import { parseDateParts, readDateParts, type DateParts } from '../date-input.ts';
import { parseVersion } from '../shared/version.ts';

export const STEP_FORM_ACTIONS = ['bevestigen', 'huidige-datum', 'zoek-aanvrager', 'zoek-uitvoerder', 'eigen-aanvrager', 'eigen-uitvoerder'] as const;
export type StepFormAction = (typeof STEP_FORM_ACTIONS)[number];

export type OfficeRole = 'aanvrager' | 'uitvoerder';

/** Enter in "Andere vestiging zoeken" searches that box (issue 15 defect 1, see form.ts). */
const STEP_FORM_SEARCHES = [
  { action: 'zoek-aanvrager', field: 'aanvrager-zoek' },
  { action: 'zoek-uitvoerder', field: 'uitvoerder-zoek' },
] as const;

/** The part of the form a button acted on, where the page comes back (issue 15 defect 10). */
export type StepFormPart = 'datum' | OfficeRole;

export function partActedOn(action: StepFormAction): StepFormPart | null {
  switch (action) {
    case 'bevestigen':
      return null;
    case 'huidige-datum':
      return 'datum';
    case 'zoek-aanvrager':
    case 'eigen-aanvrager':
      return 'aanvrager';
    case 'zoek-uitvoerder':
    case 'eigen-uitvoerder':
      return 'uitvoerder';
  }
}

/** What the user typed, as strings, to be shown again. */
export type StepFormInput = Readonly<{
  toestand: string;
  datum: DateParts;
  financieringsnummer: string;
  aanvrager: string;
  uitvoerder: string;
  samenvatting: string;
  aanvragerZoek: string;
  uitvoerderZoek: string;
  versie: string;
}>;

export type StepFormValue = Readonly<{
  state: StepState;
  date: CalendarDate;
  fundingNumberId: string | null;
  requesterOfficeId: string;
  executorOfficeId: string;
  summary: string;
  version: number;
}>;

export function readStepForm(body: unknown): { action: StepFormAction; input: StepFormInput } {
  const form = asRawForm(body);
  const summary = multilineField(form, 'samenvatting');
  return {
    action: actionOrEnter(form, STEP_FORM_ACTIONS, STEP_FORM_SEARCHES),
    input: {
      toestand: textField(form, 'toestand'),
      datum: readDateParts(form, 'datum'),
      financieringsnummer: textField(form, 'financieringsnummer'),
      aanvrager: textField(form, 'aanvrager'),
      uitvoerder: textField(form, 'uitvoerder'),
      samenvatting: summary.trim(),
      aanvragerZoek: textField(form, 'aanvrager-zoek'),
      uitvoerderZoek: textField(form, 'uitvoerder-zoek'),
      versie: textField(form, 'versie'),
    },
  };
}

/** Required fields and a real date; the rules that need the database are the service's. */
export function validateStepForm(input: StepFormInput): FormResult<StepFormValue> {
  const errors: FieldError[] = [];
  if (!isStepState(input.toestand)) errors.push({ field: 'toestand', message: messages.steps.stateRequired });
  const date = parseDateParts(input.datum);
  if (!date.ok) errors.push({ field: 'datum', message: date.message, href: '#datum-dag' });
  if (input.aanvrager === '') errors.push({ field: 'aanvrager', message: messages.steps.officeRequired.aanvrager, href: '#aanvrager-zoek' });
  if (input.uitvoerder === '') errors.push({ field: 'uitvoerder', message: messages.steps.officeRequired.uitvoerder, href: '#uitvoerder-zoek' });
  if (errors.length > 0 || !date.ok || !isStepState(input.toestand)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      state: input.toestand,
      date: date.date,
      fundingNumberId: input.financieringsnummer === '' ? null : input.financieringsnummer,
      requesterOfficeId: input.aanvrager,
      executorOfficeId: input.uitvoerder,
      summary: input.samenvatting,
      version: parseVersion(input.versie),
    },
  };
}
