/** View data for the form "Gewenste job" (K2): a new one, or one to change or remove. */
import { EXPERIENCE_LABELS, EXPERIENCE_LEVELS, WORK_REGIME_LABELS, REGION_LABELS, REGIONS, WORK_REGIMES, type DesiredJob } from '../../../domain/dossier/desired-jobs.ts';
import type { Occupation } from '../../../domain/dossier/occupations.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import { errorFor, type FieldErrors } from '../form.ts';
import { presentDossierFrame } from '../dossier/dossier-presenter.ts';
import type { DesiredJobFormInput } from './desired-job-form.ts';
import { profilePaths } from './profile-presenter.ts';

export function desiredJobInputOf(job: DesiredJob): DesiredJobFormInput {
  return { beroep: job.occupationCode, beroepZoek: '', ervaring: job.experience, regio: job.regions, regime: job.regime, versie: String(job.version) };
}

export function presentDesiredJobForm(model: {
  dossier: Dossier;
  jobId: string | null;
  input: DesiredJobFormInput;
  /** The occupation the input has chosen, when it exists. */
  chosen: Occupation | undefined;
  /** The matches of "Zoek"; null when there was no search. */
  results: readonly Occupation[] | null;
  errors: FieldErrors;
  /** After "Zoek" the page comes back at the occupation (`#verder`), not at its top. */
  returnTo?: 'beroep' | null;
}) {
  const { input, errors, chosen } = model;
  const paths = profilePaths(model.dossier.client.id);
  const results = model.results ?? [];
  const choices = [...(chosen === undefined ? [] : [chosen]), ...results.filter((o) => o.code !== chosen?.code)];
  const occupationError = errorFor(errors, 'beroep');
  return {
    title: model.jobId === null ? 'Gewenste job toevoegen' : 'Gewenste job wijzigen',
    errors,
    frame: presentDossierFrame(model.dossier, 'profiel'),
    action: model.jobId === null ? paths.newJob : paths.job(model.jobId),
    removeAction: model.jobId === null ? null : `${paths.job(model.jobId)}/verwijderen`,
    cancelHref: paths.profile,
    returnTo: model.returnTo ?? null,
    versie: input.versie,
    beroep: {
      value: input.beroep,
      label: chosen === undefined ? null : `${chosen.title} (${chosen.code})`,
      choosing: results.length > 0,
      choices: choices.map((o) => ({ value: o.code, text: o.title, hint: { text: `ISCO ${o.code}` }, checked: o.code === input.beroep })),
      search: input.beroepZoek,
      errorMessage: occupationError,
      searchError: errorFor(errors, 'beroep-zoek') ?? (results.length > 0 ? undefined : occupationError),
    },
    ervaring: {
      items: EXPERIENCE_LEVELS.map((e) => ({ value: e, text: EXPERIENCE_LABELS[e], checked: e === input.ervaring })),
      errorMessage: errorFor(errors, 'ervaring'),
    },
    regio: {
      items: REGIONS.map((r) => ({ value: r, text: REGION_LABELS[r], checked: input.regio.includes(r) })),
      errorMessage: errorFor(errors, 'regio'),
    },
    regime: {
      items: WORK_REGIMES.map((r) => ({ value: r, text: WORK_REGIME_LABELS[r], checked: r === input.regime })),
      errorMessage: errorFor(errors, 'regime'),
    },
  };
}

export type DesiredJobFormView = ReturnType<typeof presentDesiredJobForm>;
