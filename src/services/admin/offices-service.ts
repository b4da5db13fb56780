/**
 * Offices (vestigingen) of an organisation (issue 12): the beheerder creates and changes them
 * (name, code unique over the portal, address); the partnerbeheerder reads its own
 * organisation's offices on the organisation's page. Audited with old and new values; O12.
 */
import { checkOffice, officeLabel, type OfficeInput, type OfficeRecord, type OrganisationRecord } from '../../domain/organisations.ts';
import { changedMeanwhile, failed, succeeded, type Problem, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import { auditChange, changeableOrganisation, foundRecord, stillAtVersion, changedFields, lastChangedBy, requireId, refusingDuplicate, type FieldValues } from './admin-audit.ts';

const WHAT = 'vestigingen beheren';

function shown(office: OfficeInput | OfficeRecord): FieldValues {
  return { naam: office.name, code: office.code, straat: office.street ?? '', postcode: office.postcode ?? '', gemeente: office.city ?? '' };
}

function normalised(input: OfficeInput): OfficeInput {
  return { name: input.name.trim(), code: input.code.trim(), street: input.street.trim(), postcode: input.postcode.trim(), city: input.city.trim() };
}

export function createOfficesAdminService(context: ServiceContext) {
  const { db, repos } = context;

  async function checked(trx: Executor, input: OfficeInput, exceptId: string | null): Promise<Problem[]> {
    const problems = checkOffice(input);
    if (input.code !== '') {
      const holder = await repos.offices.findByCode(trx, input.code, exceptId);
      if (holder !== undefined) problems.push({ field: 'code', code: 'vestigingscode-bestaat', params: { office: holder.label } });
    }
    return problems;
  }

  async function officeOf(trx: Executor, organisation: OrganisationRecord, officeId: string): Promise<OfficeRecord> {
    return foundRecord(repos.offices.findRecord(trx, organisation.id, requireId(officeId)));
  }

  /** The form: a new office (`officeId` null) or an existing one, with its history. */
  async function form(actor: Actor, organisationId: string, officeId: string | null) {
    return db.transaction().execute(async (trx) => {
      const organisation = await changeableOrganisation(repos, trx, actor, organisationId, WHAT);
      const office = officeId === null ? null : await officeOf(trx, organisation, officeId);
      return { organisation, office, history: office === null ? [] : await repos.audit.listForSubject(trx, office.id) };
    });
  }

  async function create(actor: Actor, organisationId: string, raw: OfficeInput): Promise<Result<{ id: string; label: string }>> {
    const input = normalised(raw);
    return refusingDuplicate(() => db.transaction().execute(async (trx) => {
      const organisation = await changeableOrganisation(repos, trx, actor, organisationId, WHAT);
      const problems = await checked(trx, input, null);
      if (problems.length > 0) return failed(problems);
      const id = await repos.organisations.insertOffice(trx, { organisationId: organisation.id, ...input }, context.clock.now());
      const label = officeLabel(input);
      await auditChange(context, trx, actor, AuditAction.officeCreated, {
        subject: 'vestiging', subjectId: id, organisationId: organisation.id, name: label, changes: changedFields({}, shown(input)),
      });
      return succeeded({ id, label });
    }), { field: 'code', code: 'vestigingscode-bestaat', params: { office: '' } });
  }

  async function update(actor: Actor, organisationId: string, officeId: string, version: number, raw: OfficeInput): Promise<Result<{ changed: number }>> {
    const input = normalised(raw);
    return refusingDuplicate(() => db.transaction().execute(async (trx) => {
      const organisation = await changeableOrganisation(repos, trx, actor, organisationId, WHAT);
      // An office is never removed: one not found in this organisation is a 404 (ASVS 8.2.2), as on its page.
      const found = await stillAtVersion(repos, trx, await officeOf(trx, organisation, officeId), version, 'naam');
      if (!found.ok) return found;
      const current = found.value;
      const problems = await checked(trx, input, current.id);
      if (problems.length > 0) return failed(problems);
      const changes = changedFields(shown(current), shown(input));
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await repos.offices.updateAtVersion(trx, current.id, version, input))) return failed([changedMeanwhile('naam', await lastChangedBy(repos, trx, current.id))]);
      await auditChange(context, trx, actor, AuditAction.officeChanged, { subject: 'vestiging', subjectId: current.id, organisationId: organisation.id, name: officeLabel(input), changes });
      return succeeded({ changed: changes.length });
    }), { field: 'code', code: 'vestigingscode-bestaat', params: { office: '' } });
  }

  return { form, create, update };
}
