/**
 * The step-type catalogue (issue 12, O13): the beheerder changes a type's label and its place in
 * the lists; codes are fixed (the rules hang on them). Audited with old and new values; O12.
 */
import { checkStepTypeLabel } from '../../domain/organisations.ts';
import { changedMeanwhile, failed, succeeded, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import { AuditAction } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import { RecordNotFoundError } from '../errors.ts';
import { auditChange, changedFields, lastChangedBy, requireBeheerder } from './admin-audit.ts';

const WHAT = 'de staptypes beheren';

export function createStepTypesAdminService(context: ServiceContext) {
  const { db, repos } = context;

  async function list(actor: Actor) {
    requireBeheerder(actor, WHAT);
    return repos.stepTypes.listRecords(db);
  }

  async function form(actor: Actor, code: string) {
    requireBeheerder(actor, WHAT);
    return db.transaction().execute(async (trx) => {
      const stepType = await repos.stepTypes.findRecord(trx, code);
      if (stepType === undefined) throw new RecordNotFoundError();
      return { stepType, history: await repos.audit.listForSubject(trx, `staptype:${stepType.code}`) };
    });
  }

  /** `order` null: not a whole number as typed. */
  async function update(actor: Actor, code: string, version: number, input: { label: string; order: number | null }): Promise<Result<{ changed: number }>> {
    requireBeheerder(actor, WHAT);
    const label = input.label.trim();
    return db.transaction().execute(async (trx) => {
      const current = await repos.stepTypes.findRecord(trx, code);
      if (current === undefined) throw new RecordNotFoundError();
      const subjectId = `staptype:${current.code}`;
      if (current.version !== version) return failed([changedMeanwhile('label', await lastChangedBy(repos, trx, subjectId))]);
      const problems = checkStepTypeLabel(label, input.order);
      if (problems.length > 0 || input.order === null) return failed(problems);
      const changes = changedFields({ label: current.label, volgorde: String(current.sortOrder) }, { label, volgorde: String(input.order) });
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await repos.stepTypes.updateAtVersion(trx, current.code, version, { label, sortOrder: input.order }))) {
        return failed([changedMeanwhile('label', await lastChangedBy(repos, trx, subjectId))]);
      }
      await auditChange(context, trx, actor, AuditAction.stepTypeChanged, { subject: 'staptype', subjectId, organisationId: null, name: label, changes });
      return succeeded({ changed: changes.length });
    });
  }

  return { list, form, update };
}
