/**
 * The occupation catalogue (K2): searching it by name for a desired job, and a beheerder adding
 * an occupation under an ISCO-08 unit group.
 */
import { addedOccupationCode, checkNewOccupation, searchOccupations, type Occupation } from '../../domain/dossier/occupations.ts';
import type { Actor } from '../../domain/users.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { ForbiddenError, RecordNotFoundError } from '../errors.ts';
import { auditChange, lastChangedBy } from '../admin/admin-audit.ts';
import { changedMeanwhile, failed, type Result, succeeded } from '../../domain/result.ts';

export const OCCUPATION_SEARCH_LIMIT = 25;

export function createOccupationsService({ db, repos, clock }: ServiceContext) {
  const record = auditRecorder({ repos, clock });
  function requireBeheerder(actor: Actor): void {
    if (actor.role !== 'beheerder') throw new ForbiddenError('de beroepencatalogus beheren');
  }

  /** By name (every word, case and accents ignored) or by code; at most OCCUPATION_SEARCH_LIMIT. */
  async function search(query: string): Promise<Occupation[]> {
    const trimmed = query.trim().slice(0, 100);
    if (trimmed.length < 2) return [];
    return searchOccupations(await repos.occupations.listOffered(db), trimmed, OCCUPATION_SEARCH_LIMIT);
  }

  async function find(code: string): Promise<Occupation | undefined> {
    return code === '' ? undefined : repos.occupations.findByCode(db, code);
  }

  /** The beheerder's page: the entries added so far. */
  async function listAdded(actor: Actor) {
    requireBeheerder(actor);
    return repos.occupations.listAdded(db);
  }

  /** A new occupation under an existing ISCO-08 unit group, code `<group>-<n>`. */
  async function add(actor: Actor, input: { title: string; iscoGroup: string }): Promise<Result<Occupation>> {
    requireBeheerder(actor);
    const title = input.title.trim();
    return db.transaction().execute(async (trx) => {
      const catalogue = await repos.occupations.listAll(trx);
      const problems = checkNewOccupation({ title, iscoGroup: input.iscoGroup }, catalogue);
      if (problems.length > 0) return failed(problems);
      const code = addedOccupationCode(input.iscoGroup, catalogue.map((o) => o.code));
      // Two beheerders adding to one group at once: the second gets the next number on a new try.
      if (!(await repos.occupations.insertAdded(trx, { code, iscoGroup: input.iscoGroup, title, createdByLabel: actor.displayName }, clock.now()))) {
        return failed([changedMeanwhile('titel', '')]);
      }
      await record(trx, actor, AuditAction.occupationAdded, { details: { code, isco: input.iscoGroup, title } });
      return succeeded({ code, iscoGroup: input.iscoGroup, title, source: 'beheerder' as const });
    });
  }

  /** An entry of the catalogue with its history, for renaming or retiring it (issue 12). */
  async function detail(actor: Actor, code: string) {
    requireBeheerder(actor);
    return db.transaction().execute(async (trx) => {
      const occupation = await repos.occupations.findRecord(trx, code);
      if (occupation === undefined) throw new RecordNotFoundError();
      return { occupation, history: await repos.audit.listForSubject(trx, `beroep:${occupation.code}`) };
    });
  }

  async function listRetired(actor: Actor) {
    requireBeheerder(actor);
    return repos.occupations.listRetired(db);
  }

  /** A new name; the code and every desired job that uses it stay. */
  async function rename(actor: Actor, code: string, version: number, rawTitle: string): Promise<Result<{ changed: number }>> {
    requireBeheerder(actor);
    const title = rawTitle.trim();
    return db.transaction().execute(async (trx) => {
      const current = await repos.occupations.findRecord(trx, code);
      if (current === undefined) throw new RecordNotFoundError();
      const subjectId = `beroep:${current.code}`;
      if (current.version !== version) return failed([changedMeanwhile('titel', await lastChangedBy(repos, trx, subjectId))]);
      const catalogue = (await repos.occupations.listAll(trx)).filter((o) => o.code !== current.code);
      // The title as for a new entry (required, length, not the name of another entry); the group stays.
      const problems = checkNewOccupation({ title, iscoGroup: current.iscoGroup }, catalogue).filter((p) => p.field === 'titel');
      if (problems.length > 0) return failed(problems);
      if (title === current.title) return succeeded({ changed: 0 });
      if (!(await repos.occupations.updateAtVersion(trx, current.code, version, { title }))) return failed([changedMeanwhile('titel', await lastChangedBy(repos, trx, subjectId))]);
      await auditChange({ repos, clock }, trx, actor, AuditAction.occupationRenamed, {
        subject: 'beroep', subjectId, organisationId: null, name: `${title} (${current.code})`, changes: [{ field: 'titel', old: current.title, new: title }],
      });
      return succeeded({ changed: 1 });
    });
  }

  /** Retired: no longer offered in the search, kept on the desired jobs that use it. Final. */
  async function retire(actor: Actor, code: string, version: number): Promise<Result<{ title: string }>> {
    requireBeheerder(actor);
    return db.transaction().execute(async (trx) => {
      const current = await repos.occupations.findRecord(trx, code);
      if (current === undefined) throw new RecordNotFoundError();
      const subjectId = `beroep:${current.code}`;
      if (current.retiredAt !== null) return failed([{ field: 'titel', code: 'al-uitgefaseerd' }]);
      if (current.version !== version || !(await repos.occupations.updateAtVersion(trx, current.code, version, { retiredAt: clock.now() }))) {
        return failed([changedMeanwhile('titel', await lastChangedBy(repos, trx, subjectId))]);
      }
      await auditChange({ repos, clock }, trx, actor, AuditAction.occupationRetired, {
        subject: 'beroep', subjectId, organisationId: null, name: `${current.title} (${current.code})`, changes: [{ field: 'status', old: 'Aangeboden', new: 'Uitgefaseerd' }],
      });
      return succeeded({ title: current.title });
    });
  }

  return { search, find, listAdded, add, detail, listRetired, rename, retire, searchLimit: OCCUPATION_SEARCH_LIMIT };
}
