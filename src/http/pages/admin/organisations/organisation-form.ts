/** The organisation form (issue 12): soort, naam, ondernemingsnummer, and the version read (O12). */
import type { OrganisationInput, OrganisationRecord } from '../../../../domain/organisations.ts';
import { formatEnterpriseNumber } from '../../../../domain/enterprise-number.ts';
import { asRawForm, textField } from '../../form.ts';

export type OrganisationFormInput = Readonly<{ soort: string; naam: string; kbo: string; versie: string }>;

export const EMPTY_ORGANISATION: OrganisationFormInput = { soort: '', naam: '', kbo: '', versie: '' };

export function readOrganisationForm(body: unknown): OrganisationFormInput {
  const form = asRawForm(body);
  return { soort: textField(form, 'soort'), naam: textField(form, 'naam'), kbo: textField(form, 'kbo'), versie: textField(form, 'versie') };
}

export function organisationInputOf(input: OrganisationFormInput): OrganisationInput {
  return { name: input.naam, kind: input.soort, enterpriseNumber: input.kbo };
}

export function organisationFormOf(organisation: OrganisationRecord): OrganisationFormInput {
  return { soort: organisation.kind, naam: organisation.name, kbo: formatEnterpriseNumber(organisation.enterpriseNumber ?? ''), versie: String(organisation.version) };
}
