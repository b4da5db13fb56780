/**
 * A month and a year (work experience on the CV): the govuk date input with two boxes, maand and
 * jaar. Parsing gives a `YYYY-MM` month or a Dutch message; the presenter keeps what was typed.
 */
import { yearMonth, type YearMonth } from '../../domain/dossier/cv.ts';
import { messages } from '../messages/index.ts';
import { dateInputItems } from './date-input.ts';
import { textField, type RawForm } from './form.ts';

export type MonthParts = Readonly<{ maand: string; jaar: string }>;

export const EMPTY_MONTH: MonthParts = { maand: '', jaar: '' };

export function readMonthParts(form: RawForm, field: string): MonthParts {
  return { maand: textField(form, `${field}-maand`), jaar: textField(form, `${field}-jaar`) };
}

export function monthPartsOf(value: YearMonth | null): MonthParts {
  if (value === null) return EMPTY_MONTH;
  const [jaar = '', maand = ''] = value.split('-');
  return { maand, jaar };
}

export type MonthParse = { ok: true; month: YearMonth | null } | { ok: false; message: string };

/** Both boxes empty: no month (null), or the message when the month is required. */
export function parseMonthParts(parts: MonthParts, requiredMessage: string | null): MonthParse {
  const { maand, jaar } = parts;
  if (maand === '' && jaar === '') return requiredMessage === null ? { ok: true, month: null } : { ok: false, message: requiredMessage };
  if (maand === '') return { ok: false, message: messages.upkeep.monthPartMissing('maand') };
  if (jaar === '') return { ok: false, message: messages.upkeep.monthPartMissing('jaar') };
  if (!/^\d{1,2}$/.test(maand) || !/^\d{4}$/.test(jaar)) return { ok: false, message: messages.upkeep.monthInvalid };
  const month = yearMonth(Number(jaar), Number(maand));
  return month === undefined ? { ok: false, message: messages.upkeep.monthInvalid } : { ok: true, month };
}

export function monthInputItems(parts: MonthParts, hasError: boolean) {
  return dateInputItems(parts, hasError);
}
