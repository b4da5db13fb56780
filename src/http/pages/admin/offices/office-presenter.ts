/** View data of "Vestiging toevoegen" / "Vestiging wijzigen" with its history (issue 12). */
import type { AuditRecord } from '../../../../domain/audit.ts';
import { officeLabel, type OfficeRecord, type OrganisationRecord } from '../../../../domain/organisations.ts';
import type { FieldErrors } from '../../form.ts';
import { organisationPaths } from '../admin-paths.ts';
import { textInput } from '../shared/admin-fields.ts';
import { presentAdminHistory } from '../shared/admin-history.ts';
import type { OfficeFormInput } from './office-form.ts';

export function presentOfficeForm(model: { organisation: OrganisationRecord; office: OfficeRecord | null; history: readonly AuditRecord[]; input: OfficeFormInput; errors: FieldErrors }) {
  const { input, errors } = model;
  const paths = organisationPaths(model.organisation.id);
  return {
    title: model.office === null ? 'Vestiging toevoegen' : `Vestiging ${officeLabel(model.office)}`,
    errors,
    organisationName: model.organisation.name,
    action: model.office === null ? paths.newOffice : paths.office(model.office.id),
    cancelHref: paths.detail,
    versie: input.versie,
    naam: textInput(input.naam, errors, 'naam'),
    code: textInput(input.code, errors, 'code'),
    straat: textInput(input.straat, errors, 'straat'),
    postcode: textInput(input.postcode, errors, 'postcode'),
    gemeente: textInput(input.gemeente, errors, 'gemeente'),
    history: presentAdminHistory(model.history),
    isNew: model.office === null,
  };
}

export type OfficeFormView = ReturnType<typeof presentOfficeForm>;
