/**
 * Gewenste jobs (K2): adding, changing and removing a desired job, each in the dossier (access
 * check), refused on an outdated version (O12), with one audit record per changed field.
 */
import { checkDesiredJob, EXPERIENCE_LABELS, orderedRegions, WORK_REGIME_LABELS, REGION_LABELS, type DesiredJob, type DesiredJobInput } from '../../domain/dossier/desired-jobs.ts';
import { mayKeepDossierUpToDate } from '../../domain/dossier/profile.ts';
import type { Actor } from '../../domain/users.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import type { Dossier, DossierAccess } from '../dossiers/dossier-access.ts';
import { auditFieldChanges, changedBy, fieldChanges, removedFromDossier, requireItemId, requireOwnItem, requireUpkeepRight, type FieldValues } from './upkeep-context.ts';
import { changedMeanwhile, failed, removedMeanwhile, type Result, succeeded } from '../../domain/result.ts';

const SECTION = 'gewenste-job';

export function createDesiredJobsService({ repos, clock }: ServiceContext, access: DossierAccess) {
  async function shown(trx: Executor, job: DesiredJobInput): Promise<FieldValues> {
    const occupation = await repos.occupations.findByCode(trx, job.occupationCode);
    return {
      beroep: occupation === undefined ? job.occupationCode : `${occupation.title} (${occupation.code})`,
      ervaring: EXPERIENCE_LABELS[job.experience],
      regio: orderedRegions(job.regions).map((r) => REGION_LABELS[r]).join(', '),
      regime: WORK_REGIME_LABELS[job.regime],
    };
  }

  /** A retired occupation (issue 12) is not offered for a new choice, but a job that has it keeps it. */
  async function check(trx: Executor, input: DesiredJobInput, currentCode: string | null = null) {
    const problems = checkDesiredJob(input);
    if (input.occupationCode !== '') {
      const occupation = await repos.occupations.findRecord(trx, input.occupationCode);
      if (occupation === undefined || (occupation.retiredAt !== null && occupation.code !== currentCode)) problems.push({ field: 'beroep', code: 'onbekend-beroep' });
    }
    return problems;
  }

  /** The job of this dossier, locked; undefined (the removal noted in the dossier) when it was removed meanwhile. */
  async function lockedJob(trx: Executor, clientId: string, jobId: string): Promise<DesiredJob | undefined> {
    const current = await repos.desiredJobs.findById(trx, requireItemId(jobId), { forUpdate: true });
    if (current === undefined) {
      await removedFromDossier(trx, repos, clientId, jobId, AuditAction.desiredJobRemoved);
      return undefined;
    }
    return requireOwnItem(current, clientId);
  }

  /**
   * D1 Traject > Gewenste jobs (issue 15): the client's desired jobs, read-only, and whether the
   * actor may change them on Profiel. The page's opening is logged once, by the steps it shows too.
   */
  function listForTrajectory(actor: Actor, clientId: string): Promise<{ jobs: DesiredJob[]; canEdit: boolean }> {
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => ({
      jobs: await repos.desiredJobs.listForClient(trx, dossier.client.id),
      canEdit: mayKeepDossierUpToDate(actor.role),
    }));
  }

  /** The form: a new job (`jobId` null) or an existing one of this dossier. */
  function form(actor: Actor, clientId: string, jobId: string | null): Promise<{ dossier: Dossier; job: DesiredJob | null }> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: 'gewenste-job' }, async (trx, dossier) => ({
      dossier,
      job: jobId === null ? null : requireOwnItem(await repos.desiredJobs.findById(trx, requireItemId(jobId)), dossier.client.id),
    }));
  }

  function add(actor: Actor, clientId: string, input: DesiredJobInput): Promise<Result<{ jobId: string }>> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const problems = await check(trx, input);
      if (problems.length > 0) return failed(problems);
      const job = { ...input, regions: orderedRegions(input.regions) };
      const jobId = await repos.desiredJobs.insert(trx, dossier.client.id, job, changedBy(actor, clock));
      const now = await shown(trx, job);
      await auditFieldChanges({ repos, clock }, trx, actor, AuditAction.desiredJobAdded, { clientId: dossier.client.id, section: SECTION, itemId: jobId, item: now['beroep'] ?? '' }, fieldChanges({}, now));
      return succeeded({ jobId });
    });
  }

  function change(actor: Actor, clientId: string, jobId: string, version: number, input: DesiredJobInput): Promise<Result<{ changed: number }>> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const current = await lockedJob(trx, dossier.client.id, jobId);
      if (current === undefined) return failed([removedMeanwhile('beroep')]);
      if (current.version !== version) return failed([changedMeanwhile('beroep', current.updatedByLabel)]);
      const problems = await check(trx, input, current.occupationCode);
      if (problems.length > 0) return failed(problems);
      const job = { ...input, regions: orderedRegions(input.regions) };
      const now = await shown(trx, job);
      const changes = fieldChanges(await shown(trx, current), now);
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await repos.desiredJobs.update(trx, current.id, version, job, changedBy(actor, clock)))) return failed([changedMeanwhile('beroep', current.updatedByLabel)]);
      await auditFieldChanges({ repos, clock }, trx, actor, AuditAction.desiredJobChanged, { clientId: dossier.client.id, section: SECTION, itemId: current.id, item: now['beroep'] ?? '' }, changes);
      return succeeded({ changed: changes.length });
    });
  }

  function remove(actor: Actor, clientId: string, jobId: string, version: number): Promise<Result<{ removed: string }>> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const current = await lockedJob(trx, dossier.client.id, jobId);
      if (current === undefined) return failed([removedMeanwhile('beroep')]);
      if (current.version !== version || !(await repos.desiredJobs.remove(trx, current.id, version))) return failed([changedMeanwhile('beroep', current.updatedByLabel)]);
      const old = await shown(trx, current);
      await auditFieldChanges({ repos, clock }, trx, actor, AuditAction.desiredJobRemoved, { clientId: dossier.client.id, section: SECTION, itemId: current.id, item: old['beroep'] ?? '' }, fieldChanges(old, {}));
      return succeeded({ removed: current.occupationTitle });
    });
  }

  return { listForTrajectory, form, add, change, remove };
}
