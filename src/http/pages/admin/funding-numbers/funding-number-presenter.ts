/** View data of "Financieringsnummer toevoegen" / "wijzigen" with its history (issue 12). */
import type { AuditRecord } from '../../../../domain/audit.ts';
import type { FundingNumberRecord, OrganisationRecord } from '../../../../domain/organisations.ts';
import { dateInputItems } from '../../date-input.ts';
import { errorFor, type FieldErrors } from '../../form.ts';
import { organisationPaths } from '../admin-paths.ts';
import { textInput } from '../shared/admin-fields.ts';
import { presentAdminHistory } from '../shared/admin-history.ts';
import type { FundingNumberFormInput } from './funding-number-form.ts';

export function presentFundingNumberForm(model: {
  organisation: OrganisationRecord;
  funding: FundingNumberRecord | null;
  history: readonly AuditRecord[];
  input: FundingNumberFormInput;
  errors: FieldErrors;
}) {
  const { input, errors } = model;
  const paths = organisationPaths(model.organisation.id);
  const date = (field: 'geldig-van' | 'geldig-tot', parts: FundingNumberFormInput['geldigVan']) => {
    const error = errorFor(errors, field);
    return { items: dateInputItems(parts, error !== undefined), errorMessage: error };
  };
  return {
    title: model.funding === null ? 'Financieringsnummer toevoegen' : `Financieringsnummer ${model.funding.code}`,
    errors,
    organisationName: model.organisation.name,
    action: model.funding === null ? paths.newFundingNumber : paths.fundingNumber(model.funding.id),
    cancelHref: paths.detail,
    versie: input.versie,
    code: textInput(input.code, errors, 'code'),
    omschrijving: textInput(input.omschrijving, errors, 'omschrijving'),
    geldigVan: date('geldig-van', input.geldigVan),
    geldigTot: date('geldig-tot', input.geldigTot),
    history: presentAdminHistory(model.history),
    isNew: model.funding === null,
  };
}

export type FundingNumberFormView = ReturnType<typeof presentFundingNumberForm>;
