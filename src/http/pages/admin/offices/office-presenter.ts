/** View data of "Vestiging toevoegen" / "Vestiging wijzigen" with its history (issue 12). */
import { officeLabel, type OfficeRecord } from '../../../../domain/organisations.ts';
import { organisationPaths } from '../admin-paths.ts';
import { textInput } from '../shared/admin-fields.ts';
import { presentAdminHistory } from '../shared/admin-history.ts';
import type { RecordFormModel } from '../shared/record-form-model.ts';
import type { OfficeFormInput } from './office-form.ts';

export function presentOfficeForm(model: RecordFormModel<OfficeFormInput, OfficeRecord>) {
  const { input, errors, record: office } = model;
  const paths = organisationPaths(model.organisation.id);
  return {
    title: office === null ? 'Vestiging toevoegen' : `Vestiging ${officeLabel(office)}`,
    errors,
    organisationName: model.organisation.name,
    action: office === null ? paths.newOffice : paths.office(office.id),
    cancelHref: paths.detail,
    versie: input.versie,
    naam: textInput(input.naam, errors, 'naam'),
    code: textInput(input.code, errors, 'code'),
    straat: textInput(input.straat, errors, 'straat'),
    postcode: textInput(input.postcode, errors, 'postcode'),
    gemeente: textInput(input.gemeente, errors, 'gemeente'),
    history: presentAdminHistory(model.history),
    isNew: office === null,
  };
}

export type OfficeFormView = ReturnType<typeof presentOfficeForm>;
