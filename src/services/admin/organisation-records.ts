/**
 * The use cases of a versioned record that belongs to one organisation (issue 12: its offices and
 * its funding numbers). The beheerder reads the form with the record's history, creates a record
 * and changes one at the version read (O12); every change is audited with its old and new values,
 * and a code saved twice at once meets the unique index and gets the same refusal as when checked.
 * What differs per kind of record is in its `OrganisationRecordKind`.
 */
import type { OrganisationRecord } from '../../domain/organisations.ts';
import { changedMeanwhile, failed, succeeded, type Problem, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { AuditActionName } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import { auditChange, changeableOrganisation, changedFields, foundRecord, lastChangedBy, refusingDuplicate, requireId, stillAtVersion, type AdminSubject, type FieldValues } from './admin-audit.ts';

export type OrganisationRecordKind<I, R extends { id: string; version: number }> = Readonly<{
  /** The records' repository: one record of an organisation, and its change at the version read. */
  records: Readonly<{
    findRecord: (trx: Executor, organisationId: string, id: string) => Promise<R | undefined>;
    updateAtVersion: (trx: Executor, id: string, version: number, input: I) => Promise<boolean>;
  }>;
  insert: (trx: Executor, organisationId: string, input: I, at: Date) => Promise<string>;
  /** What the actor may not do when not a beheerder (ForbiddenError). */
  what: string;
  /** The record's history: what it is and the actions of its creation and its change. */
  audit: Readonly<{ subject: AdminSubject; created: AuditActionName; changed: AuditActionName }>;
  /** The field that shows O12's "removed or changed meanwhile". */
  versionField: string;
  /** The refusal of a code the organisation (or the portal) already has. */
  duplicate: Problem;
  /** The input as it is saved (trimmed). */
  normalised: (input: I) => I;
  /** The audited fields with their values as shown. */
  shown: (value: I | R) => FieldValues;
  /** How the record is named in its history and in the message after creating it. */
  name: (input: I) => string;
  /** The domain's checks and the uniqueness of the code (`exceptId`: the record being changed). */
  check: (trx: Executor, organisationId: string, input: I, exceptId: string | null) => Promise<Problem[]>;
}>;

export function organisationRecordsAdmin<I, R extends { id: string; version: number }>(context: ServiceContext, kind: OrganisationRecordKind<I, R>) {
  const { db, repos } = context;

  async function organisationOf(trx: Executor, actor: Actor, organisationId: string): Promise<OrganisationRecord> {
    return changeableOrganisation(repos, trx, actor, organisationId, kind.what);
  }

  /** The form: a new record (`recordId` null) or an existing one, with its history. */
  async function form(actor: Actor, organisationId: string, recordId: string | null) {
    return db.transaction().execute(async (trx) => {
      const organisation = await organisationOf(trx, actor, organisationId);
      const record = recordId === null ? null : await foundRecord(kind.records.findRecord(trx, organisation.id, requireId(recordId)));
      return { organisation, record, history: record === null ? [] : await repos.audit.listForSubject(trx, record.id) };
    });
  }

  async function create(actor: Actor, organisationId: string, raw: I): Promise<Result<{ id: string; name: string }>> {
    const input = kind.normalised(raw);
    return refusingDuplicate(() => db.transaction().execute(async (trx) => {
      const organisation = await organisationOf(trx, actor, organisationId);
      const problems = await kind.check(trx, organisation.id, input, null);
      if (problems.length > 0) return failed(problems);
      const id = await kind.insert(trx, organisation.id, input, context.clock.now());
      const name = kind.name(input);
      await auditChange(context, trx, actor, kind.audit.created, { subject: kind.audit.subject, subjectId: id, organisationId: organisation.id, name, changes: changedFields({}, kind.shown(input)) });
      return succeeded({ id, name });
    }), kind.duplicate);
  }

  async function update(actor: Actor, organisationId: string, recordId: string, version: number, raw: I): Promise<Result<{ changed: number }>> {
    const input = kind.normalised(raw);
    return refusingDuplicate(() => db.transaction().execute(async (trx) => {
      const organisation = await organisationOf(trx, actor, organisationId);
      // A record is never removed: one not found in this organisation is a 404 (ASVS 8.2.2), as on its page.
      const found = await stillAtVersion(repos, trx, await foundRecord(kind.records.findRecord(trx, organisation.id, requireId(recordId))), version, kind.versionField);
      if (!found.ok) return found;
      const current = found.value;
      const problems = await kind.check(trx, organisation.id, input, current.id);
      if (problems.length > 0) return failed(problems);
      const changes = changedFields(kind.shown(current), kind.shown(input));
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await kind.records.updateAtVersion(trx, current.id, version, input))) return failed([changedMeanwhile(kind.versionField, await lastChangedBy(repos, trx, current.id))]);
      await auditChange(context, trx, actor, kind.audit.changed, { subject: kind.audit.subject, subjectId: current.id, organisationId: organisation.id, name: kind.name(input), changes });
      return succeeded({ changed: changes.length });
    }), kind.duplicate);
  }

  return { form, create, update };
}

export type OrganisationRecordsAdmin<I, R extends { id: string; version: number }> = ReturnType<typeof organisationRecordsAdmin<I, R>>;
