/**
 * Funding numbers (financieringsnummers) of an organisation (issue 12): the beheerder creates and
 * changes them (code unique per organisation, label, valid from / until). A number no longer
 * valid today is not offered in the step form but stays readable on the lines that use it.
 * The partnerbeheerder reads its own organisation's numbers. Audited; O12.
 */
import { formatDate } from '../../domain/calendar-date.ts';
import { checkFundingNumber, type FundingNumberInput, type FundingNumberRecord } from '../../domain/organisations.ts';
import { AuditAction } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import type { FieldValues } from './admin-audit.ts';
import { organisationRecordsAdmin } from './organisation-records.ts';

function shown(funding: FundingNumberInput | FundingNumberRecord): FieldValues {
  return {
    code: funding.code,
    omschrijving: funding.description,
    'geldig-van': formatDate(funding.validFrom),
    'geldig-tot': funding.validUntil === null ? '' : formatDate(funding.validUntil),
  };
}

function normalised(input: FundingNumberInput): FundingNumberInput {
  return { ...input, code: input.code.trim(), description: input.description.trim() };
}

export function createFundingNumbersAdminService(context: ServiceContext) {
  const { repos } = context;
  return organisationRecordsAdmin<FundingNumberInput, FundingNumberRecord>(context, {
    records: repos.fundingNumbers,
    insert: (trx, organisationId, input, at) =>
      repos.organisations.insertFundingNumber(trx, organisationId, input.code, input.description, at, { validFrom: input.validFrom, validUntil: input.validUntil }),
    what: 'financieringsnummers beheren',
    audit: { subject: 'financieringsnummer', created: AuditAction.fundingNumberCreated, changed: AuditAction.fundingNumberChanged },
    versionField: 'code',
    duplicate: { field: 'code', code: 'financieringsnummer-bestaat' },
    normalised,
    shown,
    name: (input) => input.code,
    async check(trx, organisationId, input, exceptId) {
      const problems = checkFundingNumber(input);
      if (input.code !== '' && (await repos.fundingNumbers.codeTaken(trx, organisationId, input.code, exceptId))) {
        problems.push({ field: 'code', code: 'financieringsnummer-bestaat' });
      }
      return problems;
    },
  });
}
