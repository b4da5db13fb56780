/** The office form (issue 12): naam, code, adres, and the version read (O12). */
import type { OfficeInput, OfficeRecord } from '../../../../domain/organisations.ts';
import { asRawForm, textField } from '../../form.ts';

export type OfficeFormInput = Readonly<{ naam: string; code: string; straat: string; postcode: string; gemeente: string; versie: string }>;

export const EMPTY_OFFICE: OfficeFormInput = { naam: '', code: '', straat: '', postcode: '', gemeente: '', versie: '' };

export function readOfficeForm(body: unknown): OfficeFormInput {
  const form = asRawForm(body);
  const field = (name: string): string => textField(form, name);
  return { naam: field('naam'), code: field('code'), straat: field('straat'), postcode: field('postcode'), gemeente: field('gemeente'), versie: field('versie') };
}

export function officeInputOf(input: OfficeFormInput): OfficeInput {
  return { name: input.naam, code: input.code, street: input.straat, postcode: input.postcode, city: input.gemeente };
}

export function officeFormOf(office: OfficeRecord): OfficeFormInput {
  return { naam: office.name, code: office.code, straat: office.street ?? '', postcode: office.postcode ?? '', gemeente: office.city ?? '', versie: String(office.version) };
}
