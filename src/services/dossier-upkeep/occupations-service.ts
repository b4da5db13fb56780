/**
 * The occupation catalogue (K2): searching it by name for a desired job, and a beheerder adding
 * an occupation under an ISCO-08 unit group.
 */
import { addedOccupationCode, checkNewOccupation, searchOccupations, type Occupation } from '../../domain/dossier/occupations.ts';
import type { Actor } from '../../domain/users.ts';
import { AuditAction } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
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
    return searchOccupations(await repos.occupations.listAll(db), trimmed, OCCUPATION_SEARCH_LIMIT);
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

  return { search, find, listAdded, add, searchLimit: OCCUPATION_SEARCH_LIMIT };
}
