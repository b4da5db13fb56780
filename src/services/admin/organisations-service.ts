/**
 * Organisations (issue 12): the beheerder lists, creates and changes them (kind, name, KBO number,
 * unique) and chooses which step types each may register (O13); the partnerbeheerder reads its
 * own. Every change is one audit record with old and new values; a change on an old version is
 * refused (O12).
 */
import { formatEnterpriseNumber, parseEnterpriseNumber } from '../../domain/enterprise-number.ts';
import { checkOrganisation, type OrganisationInput, type OrganisationRecord } from '../../domain/organisations.ts';
import { changedMeanwhile, failed, succeeded, type Problem, type Result } from '../../domain/result.ts';
import type { OrganisationKind } from '../../domain/roles.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import { auditChange, changedFields, changeableOrganisation, lastChangedBy, requireBeheerder, visibleOrganisation, refusingDuplicate, type FieldValues } from './admin-audit.ts';

export const ORGANISATIONS_PAGE_SIZE = 25;

const KIND_LABELS = { partner: 'Partner', dienst: 'Dienst' } as const;

function shown(organisation: Pick<OrganisationRecord, 'name' | 'kind' | 'enterpriseNumber'>): FieldValues {
  return { soort: KIND_LABELS[organisation.kind], naam: organisation.name, kbo: formatEnterpriseNumber(organisation.enterpriseNumber ?? '') };
}

const kindOf = (value: string): OrganisationKind | null => (value === 'partner' || value === 'dienst' ? value : null);

export function createOrganisationsAdminService(context: ServiceContext) {
  const { db, repos, clock } = context;

  /** The list with search (name or KBO number) and paging, 1-based. */
  async function list(actor: Actor, query: string, pageNumber: number) {
    requireBeheerder(actor, 'organisaties beheren');
    const trimmed = query.trim().slice(0, 100);
    const wanted = Number.isInteger(pageNumber) && pageNumber > 0 ? pageNumber : 1;
    const found = await repos.organisations.page(db, trimmed, { limit: ORGANISATIONS_PAGE_SIZE, offset: (wanted - 1) * ORGANISATIONS_PAGE_SIZE });
    return { query: trimmed, page: wanted, pageSize: ORGANISATIONS_PAGE_SIZE, ...found };
  }

  /** One organisation with its offices, funding numbers, step types and history. */
  async function detail(actor: Actor, id: string) {
    return db.transaction().execute(async (trx) => {
      const organisation = await visibleOrganisation(repos, trx, actor, id);
      return {
        organisation,
        offices: await repos.offices.listRecordsOfOrganisation(trx, organisation.id),
        fundingNumbers: await repos.fundingNumbers.listRecordsOfOrganisation(trx, organisation.id),
        stepTypes: await repos.stepTypes.listWithAllowance(trx, organisation.id),
        history: await repos.audit.listForSubjectOrganisation(trx, organisation.id),
        mayChange: actor.role === 'beheerder',
        today: clock.today(),
      };
    });
  }

  /** The organisation for its change form (beheerder only). */
  async function find(actor: Actor, id: string): Promise<OrganisationRecord> {
    return changeableOrganisation(repos, db, actor, id, 'organisaties beheren');
  }

  /** "Organisatie toevoegen" is the beheerder's. */
  function mayCreate(actor: Actor): void {
    requireBeheerder(actor, 'organisaties beheren');
  }

  async function checked(trx: Executor, input: OrganisationInput, exceptId: string | null): Promise<Problem[]> {
    const problems = checkOrganisation(input);
    const kbo = parseEnterpriseNumber(input.enterpriseNumber);
    if (kbo.ok) {
      const holder = await repos.organisations.findByEnterpriseNumber(trx, kbo.number);
      if (holder !== undefined && holder.id !== exceptId) problems.push({ field: 'kbo', code: 'kbo-bestaat', params: { name: holder.name } });
    }
    return problems;
  }

  async function create(actor: Actor, input: OrganisationInput): Promise<Result<{ id: string }>> {
    requireBeheerder(actor, 'organisaties beheren');
    return refusingDuplicate(() => db.transaction().execute(async (trx) => {
      const problems = await checked(trx, input, null);
      const kbo = parseEnterpriseNumber(input.enterpriseNumber);
      const kind = kindOf(input.kind);
      if (problems.length > 0 || !kbo.ok || kind === null) return failed(problems);
      const values = { name: input.name.trim(), kind, enterpriseNumber: kbo.number };
      const id = await repos.organisations.insertOrganisation(trx, values, clock.now());
      await auditChange(context, trx, actor, AuditAction.organisationCreated, {
        subject: 'organisatie', subjectId: id, organisationId: id, name: values.name, changes: changedFields({}, shown(values)),
      });
      return succeeded({ id });
    }), { field: 'kbo', code: 'kbo-bestaat', params: { name: '' } });
  }

  async function update(actor: Actor, id: string, version: number, input: OrganisationInput): Promise<Result<{ changed: number }>> {
    return refusingDuplicate(() => db.transaction().execute(async (trx) => {
      const current = await changeableOrganisation(repos, trx, actor, id, 'organisaties beheren');
      if (current.version !== version) return failed([changedMeanwhile('naam', await lastChangedBy(repos, trx, id))]);
      const problems = await checked(trx, input, id);
      const kbo = parseEnterpriseNumber(input.enterpriseNumber);
      const kind = kindOf(input.kind);
      if (problems.length > 0 || !kbo.ok || kind === null) return failed(problems);
      const values = { name: input.name.trim(), kind, enterpriseNumber: kbo.number };
      const changes = changedFields(shown(current), shown(values));
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await repos.organisations.updateAtVersion(trx, id, version, values))) return failed([changedMeanwhile('naam', await lastChangedBy(repos, trx, id))]);
      await auditChange(context, trx, actor, AuditAction.organisationChanged, { subject: 'organisatie', subjectId: id, organisationId: id, name: values.name, changes });
      return succeeded({ changed: changes.length });
    }), { field: 'kbo', code: 'kbo-bestaat', params: { name: '' } });
  }

  /** O13: the step types the organisation may register, for the beheerder's form. */
  async function stepTypesForm(actor: Actor, id: string) {
    return db.transaction().execute(async (trx) => {
      const organisation = await changeableOrganisation(repos, trx, actor, id, 'staptypes toelaten');
      return { organisation, stepTypes: await repos.stepTypes.listWithAllowance(trx, organisation.id) };
    });
  }

  /** O13: from now on the organisation registers exactly `codes`; lines already registered stay. */
  async function setStepTypes(actor: Actor, id: string, version: number, codes: readonly string[]): Promise<Result<{ changed: number }>> {
    return db.transaction().execute(async (trx) => {
      const current = await changeableOrganisation(repos, trx, actor, id, 'staptypes toelaten');
      if (current.version !== version) return failed([changedMeanwhile('staptypes', await lastChangedBy(repos, trx, id))]);
      const catalogue = await repos.stepTypes.listWithAllowance(trx, id);
      const unknown = codes.filter((code) => !catalogue.some((t) => t.code === code));
      if (unknown.length > 0) return failed([{ field: 'staptypes', code: 'onbekend-staptype' }]);
      const label = (allowed: (code: string) => boolean): string => catalogue.filter((t) => allowed(t.code)).map((t) => t.label).join(', ');
      const changes = changedFields({ staptypes: label((code) => catalogue.some((t) => t.code === code && t.allowed)) }, { staptypes: label((code) => codes.includes(code)) });
      if (changes.length === 0) return succeeded({ changed: 0 });
      // The organisation's version guards its step types too: two beheerders cannot overwrite each other's choice.
      if (!(await repos.organisations.bumpVersion(trx, id, version))) {
        return failed([changedMeanwhile('staptypes', await lastChangedBy(repos, trx, id))]);
      }
      await repos.stepTypes.setAllowed(trx, id, codes);
      await auditChange(context, trx, actor, AuditAction.stepTypesAllowedChanged, { subject: 'organisatie', subjectId: id, organisationId: id, name: current.name, changes });
      return succeeded({ changed: changes.length });
    });
  }

  return { list, detail, find, mayCreate, create, update, stepTypesForm, setStepTypes, pageSize: ORGANISATIONS_PAGE_SIZE };
}
