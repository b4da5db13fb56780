/**
 * "Toegang aanvragen" (A2): the fields as typed, parsed into the request's input or field errors.
 * Dates are three boxes each (date-input.ts). The rules that need the INSZ (checksum, birth date)
 * and the period (end after start, 24 months) are the domain's; their problems become messages
 * through shared/problems.ts (`problemMessages.attests`).
 */
import { isRegime, type NewRequestInput, type RequestFields } from '../../../domain/attests/attest-request.ts';
import { REGIME_LABELS } from '../../../domain/clients.ts';
import { messages } from '../../messages/index.ts';
import { dateInputItems, EMPTY_DATE, parseDateParts, readDateParts, type DateParts } from '../date-input.ts';
import { errorFor, textField, type FieldError, type FieldErrors, type FormResult, type RawForm } from '../form.ts';

/** The scan's field in the request and extension forms. */
export const SCAN_FIELD = 'scan';

/** The request form has more fields than a document: the multipart limits widen for fields and parts only. */
export const ATTEST_FORM_LIMITS = Object.freeze({ fields: 24, parts: 26 });

export type RequestFormInput = Readonly<{
  insz: string;
  familienaam: string;
  voornaam: string;
  geboortedatum: DateParts;
  regime: string;
  startdatum: DateParts;
  einddatum: DateParts;
}>;

export const EMPTY_REQUEST_FORM: RequestFormInput = {
  insz: '',
  familienaam: '',
  voornaam: '',
  geboortedatum: EMPTY_DATE,
  regime: '',
  startdatum: EMPTY_DATE,
  einddatum: EMPTY_DATE,
};

export function readRequestForm(form: RawForm): RequestFormInput {
  return {
    insz: textField(form, 'insz'),
    familienaam: textField(form, 'familienaam').replace(/\s+/g, ' '),
    voornaam: textField(form, 'voornaam').replace(/\s+/g, ' '),
    geboortedatum: readDateParts(form, 'geboortedatum'),
    regime: textField(form, 'regime'),
    startdatum: readDateParts(form, 'startdatum'),
    einddatum: readDateParts(form, 'einddatum'),
  };
}

/** The date errors link to the day box of their field. */
export const dateError = (field: string, message: string): FieldError => ({ field, message, href: `#${field}-dag` });

/** The page's fields in their order, for an error summary that follows the form. */
export const REQUEST_FIELD_ORDER = ['insz', 'familienaam', 'voornaam', 'geboortedatum', 'regime', 'startdatum', 'einddatum', 'scan'] as const;

/** The fields as far as they read (a date that is not a real date yet is null), for the domain's rules on the rest. */
export function requestFieldsOf(input: RequestFormInput): RequestFields {
  const date = (parts: DateParts) => {
    const parsed = parseDateParts(parts);
    return parsed.ok ? parsed.date : null;
  };
  return {
    insz: input.insz,
    familyName: input.familienaam,
    firstName: input.voornaam,
    birthDate: date(input.geboortedatum),
    startDate: date(input.startdatum),
    endDate: date(input.einddatum),
  };
}

/** Parses what the domain checks on: present fields, real dates, a regime. */
export function parseRequestForm(input: RequestFormInput): FormResult<NewRequestInput> {
  const m = messages.attests;
  const errors: FieldError[] = [];
  if (input.insz === '') errors.push({ field: 'insz', message: m.inszRequired });
  if (input.familienaam === '') errors.push({ field: 'familienaam', message: m.familyNameRequired });
  if (input.voornaam === '') errors.push({ field: 'voornaam', message: m.firstNameRequired });
  const birth = parseDateParts(input.geboortedatum, m.birthDateRequired);
  if (!birth.ok) errors.push(dateError('geboortedatum', birth.message));
  if (!isRegime(input.regime)) errors.push({ field: 'regime', message: m.regimeRequired });
  const start = parseDateParts(input.startdatum, m.startRequired);
  if (!start.ok) errors.push(dateError('startdatum', start.message));
  const end = parseDateParts(input.einddatum, m.endRequired);
  if (!end.ok) errors.push(dateError('einddatum', end.message));
  if (errors.length > 0 || !birth.ok || !start.ok || !end.ok || !isRegime(input.regime)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      insz: input.insz,
      familyName: input.familienaam,
      firstName: input.voornaam,
      birthDate: birth.date,
      regime: input.regime,
      startDate: start.date,
      endDate: end.date,
    },
  };
}


/** The view data of the form: values as typed, a message at each field. */
export function presentRequestFields(input: RequestFormInput, errors: FieldErrors) {
  const date = (field: 'geboortedatum' | 'startdatum' | 'einddatum') => {
    const error = errorFor(errors, field);
    return { items: dateInputItems(input[field], error !== undefined), errorMessage: error };
  };
  return {
    insz: { value: input.insz, errorMessage: errorFor(errors, 'insz') },
    familyName: { value: input.familienaam, errorMessage: errorFor(errors, 'familienaam') },
    firstName: { value: input.voornaam, errorMessage: errorFor(errors, 'voornaam') },
    birthDate: date('geboortedatum'),
    regime: {
      items: Object.entries(REGIME_LABELS).map(([value, text]) => ({ value, text, checked: input.regime === value })),
      errorMessage: errorFor(errors, 'regime'),
    },
    startDate: date('startdatum'),
    endDate: date('einddatum'),
    scan: { errorMessage: errorFor(errors, 'scan') },
  };
}
