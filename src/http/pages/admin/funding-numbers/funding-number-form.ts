/**
 * The funding number form (issue 12): code, omschrijving, geldig vanaf (required) and geldig tot
 * en met (optional: no end), and the version read (O12). The dates are govuk date inputs.
 */
import type { FundingNumberInput, FundingNumberRecord } from '../../../../domain/organisations.ts';
import { messages } from '../../../messages/index.ts';
import { EMPTY_DATE, parseDateParts, partsOf, readDateParts, type DateParts } from '../../date-input.ts';
import { asRawForm, textFields, type FieldError, type FormResult } from '../../form.ts';
import { anchorOf } from '../../shared/problems.ts';

export type FundingNumberFormInput = Readonly<{ code: string; omschrijving: string; geldigVan: DateParts; geldigTot: DateParts; versie: string }>;

export const EMPTY_FUNDING_NUMBER: FundingNumberFormInput = { code: '', omschrijving: '', geldigVan: EMPTY_DATE, geldigTot: EMPTY_DATE, versie: '' };

export function readFundingNumberForm(body: unknown): FundingNumberFormInput {
  const form = asRawForm(body);
  const texts = textFields(form, { code: 'code', omschrijving: 'omschrijving', versie: 'versie' });
  return { ...texts, geldigVan: readDateParts(form, 'geldig-van'), geldigTot: readDateParts(form, 'geldig-tot') };
}

/** The dates must be real calendar dates; the rest is the service's to check. */
export function validateFundingNumberForm(input: FundingNumberFormInput): FormResult<FundingNumberInput> {
  const errors: FieldError[] = [];
  const from = parseDateParts(input.geldigVan, messages.admin.validFromRequired);
  if (!from.ok) errors.push({ field: 'geldig-van', message: from.message, href: anchorOf('geldig-van') });
  const untilEmpty = input.geldigTot.dag === '' && input.geldigTot.maand === '' && input.geldigTot.jaar === '';
  const until = untilEmpty ? null : parseDateParts(input.geldigTot);
  if (until !== null && !until.ok) errors.push({ field: 'geldig-tot', message: until.message, href: anchorOf('geldig-tot') });
  if (!from.ok || (until !== null && !until.ok)) return { ok: false, errors };
  return { ok: true, value: { code: input.code, description: input.omschrijving, validFrom: from.date, validUntil: until === null ? null : until.date } };
}

export function fundingNumberFormOf(funding: FundingNumberRecord): FundingNumberFormInput {
  return {
    code: funding.code,
    omschrijving: funding.description,
    geldigVan: partsOf(funding.validFrom),
    geldigTot: funding.validUntil === null ? EMPTY_DATE : partsOf(funding.validUntil),
    versie: String(funding.version),
  };
}
