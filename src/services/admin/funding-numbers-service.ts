/**
 * Funding numbers (financieringsnummers) of an organisation (issue 12): the beheerder creates and
 * changes them (code unique per organisation, label, valid from / until). A number no longer
 * valid today is not offered in the step form but stays readable on the lines that use it.
 * The partnerbeheerder reads its own organisation's numbers. Audited; O12.
 */
import { formatDate } from '../../domain/calendar-date.ts';
import { checkFundingNumber, type FundingNumberInput, type FundingNumberRecord, type OrganisationRecord } from '../../domain/organisations.ts';
import { changedMeanwhile, failed, succeeded, type Problem, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import { auditChange, changeableOrganisation, foundRecord, stillAtVersion, changedFields, lastChangedBy, requireId, refusingDuplicate, type FieldValues } from './admin-audit.ts';

const WHAT = 'financieringsnummers beheren';

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
  const { db, repos } = context;

  async function checked(trx: Executor, organisationId: string, input: FundingNumberInput, exceptId: string | null): Promise<Problem[]> {
    const problems = checkFundingNumber(input);
    if (input.code !== '' && (await repos.fundingNumbers.codeTaken(trx, organisationId, input.code, exceptId))) {
      problems.push({ field: 'code', code: 'financieringsnummer-bestaat' });
    }
    return problems;
  }

  async function numberOf(trx: Executor, organisation: OrganisationRecord, id: string): Promise<FundingNumberRecord> {
    return foundRecord(repos.fundingNumbers.findRecord(trx, organisation.id, requireId(id)));
  }

  async function form(actor: Actor, organisationId: string, fundingId: string | null) {
    return db.transaction().execute(async (trx) => {
      const organisation = await changeableOrganisation(repos, trx, actor, organisationId, WHAT);
      const funding = fundingId === null ? null : await numberOf(trx, organisation, fundingId);
      return { organisation, funding, history: funding === null ? [] : await repos.audit.listForSubject(trx, funding.id) };
    });
  }

  async function create(actor: Actor, organisationId: string, raw: FundingNumberInput): Promise<Result<{ id: string; code: string }>> {
    const input = normalised(raw);
    return refusingDuplicate(() => db.transaction().execute(async (trx) => {
      const organisation = await changeableOrganisation(repos, trx, actor, organisationId, WHAT);
      const problems = await checked(trx, organisation.id, input, null);
      if (problems.length > 0) return failed(problems);
      const id = await repos.organisations.insertFundingNumber(trx, organisation.id, input.code, input.description, context.clock.now(), {
        validFrom: input.validFrom,
        validUntil: input.validUntil,
      });
      await auditChange(context, trx, actor, AuditAction.fundingNumberCreated, {
        subject: 'financieringsnummer', subjectId: id, organisationId: organisation.id, name: input.code, changes: changedFields({}, shown(input)),
      });
      return succeeded({ id, code: input.code });
    }), { field: 'code', code: 'financieringsnummer-bestaat' });
  }

  async function update(actor: Actor, organisationId: string, fundingId: string, version: number, raw: FundingNumberInput): Promise<Result<{ changed: number }>> {
    const input = normalised(raw);
    return refusingDuplicate(() => db.transaction().execute(async (trx) => {
      const organisation = await changeableOrganisation(repos, trx, actor, organisationId, WHAT);
      const found = await stillAtVersion(repos, trx, await repos.fundingNumbers.findRecord(trx, organisation.id, requireId(fundingId)), version, 'code');
      if (!found.ok) return found;
      const current = found.value;
      const problems = await checked(trx, organisation.id, input, current.id);
      if (problems.length > 0) return failed(problems);
      const changes = changedFields(shown(current), shown(input));
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await repos.fundingNumbers.updateAtVersion(trx, current.id, version, input))) return failed([changedMeanwhile('code', await lastChangedBy(repos, trx, current.id))]);
      await auditChange(context, trx, actor, AuditAction.fundingNumberChanged, { subject: 'financieringsnummer', subjectId: current.id, organisationId: organisation.id, name: input.code, changes });
      return succeeded({ changed: changes.length });
    }), { field: 'code', code: 'financieringsnummer-bestaat' });
  }

  return { form, create, update };
}
