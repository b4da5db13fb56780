/**
 * Cv's (K2): education, work experience, languages, competences and driving licences. Each
 * change runs in the dossier (access check), is refused on an outdated version (O12) and writes
 * one audit record per changed field, with old and new value.
 */
import type { CalendarDate } from '../../domain/calendar-date.ts';
import {
  checkCompetence,
  checkDrivingLicences,
  checkEducation,
  checkLanguage,
  checkWorkExperience,
  EDUCATION_LEVEL_LABELS,
  formatYearMonth,
  LANGUAGE_LEVEL_LABELS,
  LANGUAGE_SKILLS,
  orderedLicences,
  SKILL_FIELDS,
  type Competence,
  type CvInputs,
  type CvItems,
  type CvKind,
  type DrivingLicence,
  type DrivingLicences,
  type Education,
  type Language,
  type WorkExperience,
} from '../../domain/dossier/cv.ts';
import type { DesiredJob } from '../../domain/dossier/desired-jobs.ts';
import { mayKeepDossierUpToDate, type Availability } from '../../domain/dossier/profile.ts';
import type { Problem } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import type { ItemStore } from '../../db/repositories/cv.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import { AuditAction } from '../audit/actions.ts';
import type { ServiceContext } from '../context.ts';
import type { Dossier, DossierAccess } from '../dossiers/dossier-access.ts';
import { auditFieldChanges, changedBy, fieldChanges, removedFromDossier, requireItemId, requireOwnItem, requireUpkeepRight, type FieldValues } from './upkeep-context.ts';
import { changedMeanwhile, failed, removedMeanwhile, type Result, succeeded } from '../../domain/result.ts';

/** How the use cases treat one kind of CV item. */
type Section<I, T extends I & { id: string; clientId: string; version: number; updatedByLabel: string }> = Readonly<{
  /** The kind's rows. */
  store(repos: Repositories): ItemStore<I, T>;
  /** The form's first field: where "changed meanwhile" is shown. */
  firstField: string;
  check(input: I, others: readonly T[], today: CalendarDate): Problem[];
  /** The item's fields as the log shows them. */
  shown(input: I): FieldValues;
  /** A short name of the item for the log ("Frans", "Bachelor Toerisme"). */
  name(input: I): string;
}>;

const SECTIONS: { [K in CvKind]: Section<CvInputs[K], CvItems[K]> } = {
  opleiding: {
    store: (repos) => repos.cv.items.educations,
    firstField: 'niveau',
    check: (input, _others, today) => checkEducation(input, today),
    shown: (e) => ({
      niveau: EDUCATION_LEVEL_LABELS[e.level],
      richting: e.field,
      instelling: e.institution,
      jaar: e.year === null ? '' : String(e.year),
      diploma: e.diploma ? 'Ja' : 'Nee',
    }),
    name: (e) => `${EDUCATION_LEVEL_LABELS[e.level]} ${e.field}`,
  },
  werkervaring: {
    store: (repos) => repos.cv.items.workExperiences,
    firstField: 'werkgever',
    check: (input, _others, today) => checkWorkExperience(input, today),
    shown: (w) => ({ werkgever: w.employer, functie: w.jobTitle, van: formatYearMonth(w.from), tot: w.until === null ? '' : formatYearMonth(w.until) }),
    name: (w) => `${w.jobTitle} bij ${w.employer}`,
  },
  taal: {
    store: (repos) => repos.cv.items.languages,
    firstField: 'taal',
    check: (input, others) => checkLanguage(input, others),
    shown: (l) => ({ taal: l.language, ...Object.fromEntries(LANGUAGE_SKILLS.map((skill) => [SKILL_FIELDS[skill], LANGUAGE_LEVEL_LABELS[l[skill]]])) }),
    name: (l) => l.language,
  },
  competentie: {
    store: (repos) => repos.cv.items.competences,
    firstField: 'competentie',
    check: (input, others) => checkCompetence(input, others),
    shown: (c) => ({ competentie: c.text }),
    name: (c) => c.text,
  },
};

export type Cv = Readonly<{
  dossier: Dossier;
  educations: Education[];
  workExperiences: WorkExperience[];
  languages: Language[];
  competences: Competence[];
  drivingLicences: DrivingLicences;
  canEdit: boolean;
}>;

export type CvForPrint = Cv & Readonly<{ desiredJobs: DesiredJob[]; availability: Availability | null; printedOn: CalendarDate }>;

export function createCvService({ repos, clock }: ServiceContext, access: DossierAccess) {
  async function read(trx: Executor, actor: Actor, dossier: Dossier): Promise<Cv> {
    const clientId = dossier.client.id;
    return {
      dossier,
      educations: await repos.cv.items.educations.list(trx, clientId),
      workExperiences: await repos.cv.items.workExperiences.list(trx, clientId),
      languages: await repos.cv.items.languages.list(trx, clientId),
      competences: await repos.cv.items.competences.list(trx, clientId),
      drivingLicences: await repos.cv.findDrivingLicences(trx, clientId),
      canEdit: mayKeepDossierUpToDate(actor.role),
    };
  }

  /** The tab "Cv's". */
  function cv(actor: Actor, clientId: string): Promise<Cv> {
    return access.withDossier({ actor, clientId, page: 'cv' }, (trx, dossier) => read(trx, actor, dossier));
  }

  /** "CV afdrukken": the CV with the desired jobs and availability; logged as an opening (A6). */
  function forPrint(actor: Actor, clientId: string): Promise<CvForPrint> {
    return access.withDossier({ actor, clientId, page: 'cv-afdrukken' }, async (trx, dossier) => ({
      ...(await read(trx, actor, dossier)),
      desiredJobs: await repos.desiredJobs.listForClient(trx, dossier.client.id),
      availability: (await repos.clientProfiles.findAvailability(trx, dossier.client.id)) ?? null,
      printedOn: clock.today(),
    }));
  }

  /** The form of one item: new (`itemId` null) or an existing one of this dossier. */
  function itemForm<K extends CvKind>(kind: K, actor: Actor, clientId: string, itemId: string | null): Promise<{ dossier: Dossier; item: CvItems[K] | null; today: CalendarDate }> {
    requireUpkeepRight(actor);
    const section: Section<CvInputs[K], CvItems[K]> = SECTIONS[kind];
    return access.withDossier({ actor, clientId, page: `cv-${kind}` }, async (trx, dossier) => ({
      dossier,
      item: itemId === null ? null : requireOwnItem(await section.store(repos).find(trx, requireItemId(itemId)), dossier.client.id),
      today: clock.today(),
    }));
  }

  function addItem<K extends CvKind>(kind: K, actor: Actor, clientId: string, input: CvInputs[K]): Promise<Result<{ itemId: string }>> {
    requireUpkeepRight(actor);
    const section: Section<CvInputs[K], CvItems[K]> = SECTIONS[kind];
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const clientId = dossier.client.id;
      // One change at a time per client: the duplicate checks (a language, a competence) hold.
      await repos.clients.lockForUpdate(trx, clientId);
      const store = section.store(repos);
      const problems = section.check(input, await store.list(trx, clientId), clock.today());
      if (problems.length > 0) return failed(problems);
      const itemId = await store.insert(trx, clientId, input, changedBy(actor, clock));
      await auditFieldChanges({ repos, clock }, trx, actor, AuditAction.cvItemAdded, { clientId, section: kind, itemId, item: section.name(input) }, fieldChanges({}, section.shown(input)));
      return succeeded({ itemId });
    });
  }

  function changeItem<K extends CvKind>(kind: K, actor: Actor, clientId: string, itemId: string, version: number, input: CvInputs[K]): Promise<Result<{ changed: number }>> {
    requireUpkeepRight(actor);
    const section: Section<CvInputs[K], CvItems[K]> = SECTIONS[kind];
    const store = section.store(repos);
    const update = store.update;
    if (update === null) throw new Error(`CV items of kind ${kind} are added and removed, not changed`);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const clientId = dossier.client.id;
      await repos.clients.lockForUpdate(trx, clientId);
      const current = await store.find(trx, requireItemId(itemId));
      if (current === undefined) {
        await removedFromDossier(trx, repos, clientId, itemId, AuditAction.cvItemRemoved);
        return failed([removedMeanwhile(section.firstField)]);
      }
      requireOwnItem(current, clientId);
      if (current.version !== version) return failed([changedMeanwhile(section.firstField, current.updatedByLabel)]);
      const others = (await store.list(trx, clientId)).filter((item) => item.id !== current.id);
      const problems = section.check(input, others, clock.today());
      if (problems.length > 0) return failed(problems);
      const changes = fieldChanges(section.shown(current), section.shown(input));
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await update(trx, current.id, version, input, changedBy(actor, clock)))) return failed([changedMeanwhile(section.firstField, current.updatedByLabel)]);
      await auditFieldChanges({ repos, clock }, trx, actor, AuditAction.cvItemChanged, { clientId, section: kind, itemId: current.id, item: section.name(input) }, changes);
      return succeeded({ changed: changes.length });
    });
  }

  // K ties SECTIONS[kind] to its own item type inside the function.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  function removeItem<K extends CvKind>(kind: K, actor: Actor, clientId: string, itemId: string, version: number): Promise<Result<{ removed: string }>> {
    requireUpkeepRight(actor);
    const section: Section<CvInputs[K], CvItems[K]> = SECTIONS[kind];
    const store = section.store(repos);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const current = await store.find(trx, requireItemId(itemId));
      if (current === undefined) {
        await removedFromDossier(trx, repos, dossier.client.id, itemId, AuditAction.cvItemRemoved);
        return failed([removedMeanwhile(section.firstField)]);
      }
      requireOwnItem(current, dossier.client.id);
      if (current.version !== version || !(await repos.cv.removeItem(trx, store.table, current.id, version))) {
        return failed([changedMeanwhile(section.firstField, current.updatedByLabel)]);
      }
      await auditFieldChanges(
        { repos, clock },
        trx,
        actor,
        AuditAction.cvItemRemoved,
        { clientId: dossier.client.id, section: kind, itemId: current.id, item: section.name(current) },
        fieldChanges(section.shown(current), {}),
      );
      return succeeded({ removed: section.name(current) });
    });
  }

  function drivingLicencesForm(actor: Actor, clientId: string): Promise<{ dossier: Dossier; drivingLicences: DrivingLicences }> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: 'cv-rijbewijs' }, async (trx, dossier) => ({
      dossier,
      drivingLicences: await repos.cv.findDrivingLicences(trx, dossier.client.id),
    }));
  }

  function changeDrivingLicences(actor: Actor, clientId: string, version: number, categories: readonly string[]): Promise<Result<{ changed: number }>> {
    requireUpkeepRight(actor);
    return access.withDossier({ actor, clientId, page: null }, async (trx, dossier) => {
      const current = await repos.cv.findDrivingLicences(trx, dossier.client.id);
      if (current.version !== version) return failed([changedMeanwhile('rijbewijs', '')]);
      const problems = checkDrivingLicences(categories);
      if (problems.length > 0) return failed(problems);
      const chosen = orderedLicences(categories as DrivingLicence[]);
      const changes = fieldChanges({ rijbewijs: current.categories.join(', ') }, { rijbewijs: chosen.join(', ') });
      if (changes.length === 0) return succeeded({ changed: 0 });
      if (!(await repos.cv.saveDrivingLicences(trx, dossier.client.id, version, chosen, changedBy(actor, clock)))) return failed([changedMeanwhile('rijbewijs', '')]);
      await auditFieldChanges({ repos, clock }, trx, actor, AuditAction.cvItemChanged, { clientId: dossier.client.id, section: 'rijbewijs' }, changes);
      return succeeded({ changed: changes.length });
    });
  }

  return { cv, forPrint, itemForm, addItem, changeItem, removeItem, drivingLicencesForm, changeDrivingLicences };
}

