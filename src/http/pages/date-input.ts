/**
 * The govuk date input: three boxes (dag, maand, jaar) under one field name. Parsing gives a
 * real calendar date or a Dutch message; the presenter keeps what the user typed.
 */
import { calendarDate, dateParts, type CalendarDate } from '../../domain/calendar-date.ts';
import { messages } from '../messages/index.ts';
import { textField, type RawForm } from './form.ts';

export type DateParts = Readonly<{ dag: string; maand: string; jaar: string }>;

export const EMPTY_DATE: DateParts = { dag: '', maand: '', jaar: '' };

export function readDateParts(form: RawForm, field: string): DateParts {
  return { dag: textField(form, `${field}-dag`), maand: textField(form, `${field}-maand`), jaar: textField(form, `${field}-jaar`) };
}

export function partsOf(date: CalendarDate): DateParts {
  const { year, month, day } = dateParts(date);
  return { dag: String(day).padStart(2, '0'), maand: String(month).padStart(2, '0'), jaar: String(year) };
}

export type DateParse = { ok: true; date: CalendarDate } | { ok: false; message: string };

export function parseDateParts(parts: DateParts, requiredMessage: string = messages.steps.dateRequired): DateParse {
  const { dag, maand, jaar } = parts;
  if (dag === '' && maand === '' && jaar === '') return { ok: false, message: requiredMessage };
  const missing = dag === '' ? 'dag' : maand === '' ? 'maand' : jaar === '' ? 'jaar' : null;
  if (missing !== null) return { ok: false, message: messages.steps.datePartMissing(missing) };
  if (![dag, maand, jaar].every((p) => /^\d+$/.test(p)) || jaar.length !== 4) return { ok: false, message: messages.steps.dateInvalid };
  const date = calendarDate(Number(jaar), Number(maand), Number(dag));
  return date === undefined ? { ok: false, message: messages.steps.dateInvalid } : { ok: true, date };
}

const BOXES = [
  { name: 'dag', label: 'Dag', width: 2 },
  { name: 'maand', label: 'Maand', width: 2 },
  { name: 'jaar', label: 'Jaar', width: 4 },
] as const;

/**
 * The items for govukDateInput, one per box in `parts` (dag, maand, jaar; the month input has no
 * dag), with the error colour on every box when the date is wrong.
 */
export function dateInputItems(parts: Partial<DateParts>, hasError: boolean) {
  const error = hasError ? ' govuk-input--error' : '';
  return BOXES.flatMap(({ name, label, width }) => {
    const value = parts[name];
    return value === undefined ? [] : [{ name, label, value, classes: `govuk-input--width-${String(width)}${error}` }];
  });
}
