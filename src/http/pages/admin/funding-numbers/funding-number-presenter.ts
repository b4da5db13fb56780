/** View data of "Financieringsnummer toevoegen" / "wijzigen" with its history (issue 12). */
import type { FundingNumberRecord } from '../../../../domain/organisations.ts';
import { dateInputItems } from '../../date-input.ts';
import { errorFor } from '../../form.ts';
import { organisationPaths } from '../admin-paths.ts';
import { textInput } from '../shared/admin-fields.ts';
import { presentAdminHistory } from '../shared/admin-history.ts';
import type { RecordFormModel } from '../shared/record-form-model.ts';
import type { FundingNumberFormInput } from './funding-number-form.ts';

export function presentFundingNumberForm(model: RecordFormModel<FundingNumberFormInput, FundingNumberRecord>) {
  const { input, errors, record: funding } = model;
  const paths = organisationPaths(model.organisation.id);
  const date = (field: 'geldig-van' | 'geldig-tot', parts: FundingNumberFormInput['geldigVan']) => {
    const error = errorFor(errors, field);
    return { items: dateInputItems(parts, error !== undefined), errorMessage: error };
  };
  return {
    title: funding === null ? 'Financieringsnummer toevoegen' : `Financieringsnummer ${funding.code}`,
    errors,
    organisationName: model.organisation.name,
    action: funding === null ? paths.newFundingNumber : paths.fundingNumber(funding.id),
    cancelHref: paths.detail,
    versie: input.versie,
    code: textInput(input.code, errors, 'code'),
    omschrijving: textInput(input.omschrijving, errors, 'omschrijving'),
    geldigVan: date('geldig-van', input.geldigVan),
    geldigTot: date('geldig-tot', input.geldigTot),
    history: presentAdminHistory(model.history),
    isNew: funding === null,
  };
}

export type FundingNumberFormView = ReturnType<typeof presentFundingNumberForm>;
