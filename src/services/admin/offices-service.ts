/**
 * Offices (vestigingen) of an organisation (issue 12): the beheerder creates and changes them
 * (name, code unique over the portal, address); the partnerbeheerder reads its own
 * organisation's offices on the organisation's page. Audited with old and new values; O12.
 */
import { checkOffice, officeLabel, type OfficeInput, type OfficeRecord } from '../../domain/organisations.ts';
import { AuditAction } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import type { FieldValues } from './admin-audit.ts';
import { organisationRecordsAdmin } from './organisation-records.ts';

function shown(office: OfficeInput | OfficeRecord): FieldValues {
  return { naam: office.name, code: office.code, straat: office.street ?? '', postcode: office.postcode ?? '', gemeente: office.city ?? '' };
}

function normalised(input: OfficeInput): OfficeInput {
  return { name: input.name.trim(), code: input.code.trim(), street: input.street.trim(), postcode: input.postcode.trim(), city: input.city.trim() };
}

export function createOfficesAdminService(context: ServiceContext) {
  const { repos } = context;
  return organisationRecordsAdmin<OfficeInput, OfficeRecord>(context, {
    records: repos.offices,
    insert: (trx, organisationId, input, at) => repos.organisations.insertOffice(trx, { organisationId, ...input }, at),
    what: 'vestigingen beheren',
    audit: { subject: 'vestiging', created: AuditAction.officeCreated, changed: AuditAction.officeChanged },
    versionField: 'naam',
    duplicate: { field: 'code', code: 'vestigingscode-bestaat', params: { office: '' } },
    normalised,
    shown,
    name: officeLabel,
    async check(trx, _organisationId, input, exceptId) {
      const problems = checkOffice(input);
      if (input.code !== '') {
        const holder = await repos.offices.findByCode(trx, input.code, exceptId);
        if (holder !== undefined) problems.push({ field: 'code', code: 'vestigingscode-bestaat', params: { office: holder.label } });
      }
      return problems;
    },
  });
}
