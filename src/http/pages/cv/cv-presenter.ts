/** View data for the tab "Cv's" (K2) and its forms. */
import {
  DRIVING_LICENCES,
  EDUCATION_LEVEL_LABELS,
  EDUCATION_LEVELS,
  formatYearMonth,
  LANGUAGE_LEVEL_LABELS,
  LANGUAGE_LEVELS,
  LANGUAGE_SKILLS,
  SKILL_FIELDS,
  SKILL_LABELS,
  type CvKind,
  type Education,
  type Language,
  type WorkExperience,
} from '../../../domain/dossier/cv.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import type { Cv } from '../../../services/dossier-upkeep/cv-service.ts';
import { errorFor, type FieldErrors } from '../form.ts';
import { monthInputItems, monthPartsOf } from '../month-input.ts';
import { dossierPath, presentDossierFrame } from '../dossier/dossier-presenter.ts';
import type { EducationFormInput, LanguageFormInput, WorkFormInput } from './cv-forms.ts';

/** The URL segment of each kind of item, and back. */
export const KIND_SEGMENTS: Readonly<Record<Exclude<CvKind, 'competentie'>, string>> = { opleiding: 'opleidingen', werkervaring: 'werkervaring', taal: 'talen' };

export const KIND_NAMES: Readonly<Record<CvKind, string>> = { opleiding: 'De opleiding', werkervaring: 'De werkervaring', taal: 'De taal', competentie: 'De competentie' };

export const cvPaths = (clientId: string) => ({
  cv: dossierPath(clientId, 'cv'),
  print: `/dossiers/${clientId}/cv/afdrukken`,
  licences: `/dossiers/${clientId}/cv/rijbewijzen`,
  competences: `/dossiers/${clientId}/cv/competenties`,
  newItem: (kind: Exclude<CvKind, 'competentie'>) => `/dossiers/${clientId}/cv/${KIND_SEGMENTS[kind]}/nieuw`,
  item: (kind: Exclude<CvKind, 'competentie'>, itemId: string) => `/dossiers/${clientId}/cv/${KIND_SEGMENTS[kind]}/${itemId}`,
});

export type CompetenceFormState = Readonly<{ value: string; errors: FieldErrors }>;

export function presentCv(cv: Cv, competence: CompetenceFormState = { value: '', errors: [] }) {
  const clientId = cv.dossier.client.id;
  const paths = cvPaths(clientId);
  const edit = cv.canEdit;
  return {
    title: "Cv's",
    errors: competence.errors,
    frame: presentDossierFrame(cv.dossier, 'cv'),
    canEdit: edit,
    printHref: paths.print,
    educations: cv.educations.map((e) => ({ ...educationRow(e), href: edit ? paths.item('opleiding', e.id) : null })),
    addEducationHref: edit ? paths.newItem('opleiding') : null,
    workExperiences: cv.workExperiences.map((w) => ({ ...workRow(w), href: edit ? paths.item('werkervaring', w.id) : null })),
    addWorkHref: edit ? paths.newItem('werkervaring') : null,
    languages: cv.languages.map((l) => ({ ...languageRow(l), href: edit ? paths.item('taal', l.id) : null })),
    addLanguageHref: edit ? paths.newItem('taal') : null,
    licences: cv.drivingLicences.categories.length === 0 ? 'Geen rijbewijs' : cv.drivingLicences.categories.join(', '),
    licencesHref: edit ? paths.licences : null,
    competences: cv.competences.map((c) => ({ text: c.text, removeAction: edit ? `${paths.competences}/${c.id}/verwijderen` : null, version: c.version })),
    competenceForm: edit ? { action: paths.competences, value: competence.value, errorMessage: errorFor(competence.errors, 'competentie') } : null,
  };
}

export function educationRow(e: Education) {
  return {
    level: EDUCATION_LEVEL_LABELS[e.level],
    field: e.field,
    institution: e.institution,
    year: e.year === null ? '' : String(e.year),
    diploma: e.diploma ? 'Ja' : 'Nee',
  };
}

export function workRow(w: WorkExperience) {
  return { jobTitle: w.jobTitle, employer: w.employer, from: formatYearMonth(w.from), until: w.until === null ? 'heden' : formatYearMonth(w.until) };
}

export function languageRow(l: Language) {
  return { language: l.language, levels: LANGUAGE_SKILLS.map((skill) => LANGUAGE_LEVEL_LABELS[l[skill]]) };
}

/** The item form pages share their frame, title, actions and version. */
function itemPage(dossier: Dossier, kind: Exclude<CvKind, 'competentie'>, itemId: string | null, titles: [string, string], versie: string, errors: FieldErrors) {
  const paths = cvPaths(dossier.client.id);
  return {
    title: itemId === null ? titles[0] : titles[1],
    errors,
    frame: presentDossierFrame(dossier, 'cv'),
    kind,
    action: itemId === null ? paths.newItem(kind) : paths.item(kind, itemId),
    removeAction: itemId === null ? null : `${paths.item(kind, itemId)}/verwijderen`,
    cancelHref: paths.cv,
    versie,
  };
}

export function educationInputOf(e: Education | null): EducationFormInput {
  if (e === null) return { niveau: '', richting: '', instelling: '', jaar: '', diploma: '', versie: '0' };
  return { niveau: e.level, richting: e.field, instelling: e.institution, jaar: e.year === null ? '' : String(e.year), diploma: e.diploma ? 'ja' : 'nee', versie: String(e.version) };
}

export function presentEducationForm(dossier: Dossier, itemId: string | null, input: EducationFormInput, errors: FieldErrors = []) {
  const text = (value: string, name: string) => ({ value, errorMessage: errorFor(errors, name) });
  return {
    ...itemPage(dossier, 'opleiding', itemId, ['Opleiding toevoegen', 'Opleiding wijzigen'], input.versie, errors),
    niveau: {
      items: [{ value: '', text: 'Kies het niveau' }, ...EDUCATION_LEVELS.map((l) => ({ value: l, text: EDUCATION_LEVEL_LABELS[l], selected: l === input.niveau }))],
      errorMessage: errorFor(errors, 'niveau'),
    },
    richting: text(input.richting, 'richting'),
    instelling: text(input.instelling, 'instelling'),
    jaar: text(input.jaar, 'jaar'),
    diploma: {
      items: [
        { value: 'ja', text: 'Ja', checked: input.diploma === 'ja' },
        { value: 'nee', text: 'Nee', checked: input.diploma === 'nee' },
      ],
      errorMessage: errorFor(errors, 'diploma'),
    },
  };
}

export function workInputOf(w: WorkExperience | null): WorkFormInput {
  if (w === null) return { werkgever: '', functie: '', van: monthPartsOf(null), tot: monthPartsOf(null), versie: '0' };
  return { werkgever: w.employer, functie: w.jobTitle, van: monthPartsOf(w.from), tot: monthPartsOf(w.until), versie: String(w.version) };
}

export function presentWorkForm(dossier: Dossier, itemId: string | null, input: WorkFormInput, errors: FieldErrors = []) {
  const text = (value: string, name: string) => ({ value, errorMessage: errorFor(errors, name) });
  const month = (parts: WorkFormInput['van'], name: string) => {
    const error = errorFor(errors, name);
    return { items: monthInputItems(parts, error !== undefined), errorMessage: error };
  };
  return {
    ...itemPage(dossier, 'werkervaring', itemId, ['Werkervaring toevoegen', 'Werkervaring wijzigen'], input.versie, errors),
    werkgever: text(input.werkgever, 'werkgever'),
    functie: text(input.functie, 'functie'),
    van: month(input.van, 'van'),
    tot: month(input.tot, 'tot'),
  };
}

export function languageInputOf(l: Language | null): LanguageFormInput {
  if (l === null) return { taal: '', understanding: '', speaking: '', reading: '', writing: '', versie: '0' };
  return { taal: l.language, understanding: l.understanding, speaking: l.speaking, reading: l.reading, writing: l.writing, versie: String(l.version) };
}

export function presentLanguageForm(dossier: Dossier, itemId: string | null, input: LanguageFormInput, errors: FieldErrors = []) {
  return {
    ...itemPage(dossier, 'taal', itemId, ['Taal toevoegen', 'Taal wijzigen'], input.versie, errors),
    taal: { value: input.taal, errorMessage: errorFor(errors, 'taal') },
    skills: LANGUAGE_SKILLS.map((skill) => ({
      id: SKILL_FIELDS[skill],
      label: `${SKILL_LABELS[skill]} *`,
      items: [{ value: '', text: 'Kies het niveau' }, ...LANGUAGE_LEVELS.map((l) => ({ value: l, text: LANGUAGE_LEVEL_LABELS[l], selected: l === input[skill] }))],
      errorMessage: errorFor(errors, SKILL_FIELDS[skill]),
    })),
  };
}

export function presentLicencesForm(dossier: Dossier, input: { rijbewijs: readonly string[]; versie: string }, errors: FieldErrors = []) {
  const paths = cvPaths(dossier.client.id);
  return {
    title: 'Rijbewijzen wijzigen',
    errors,
    frame: presentDossierFrame(dossier, 'cv'),
    action: paths.licences,
    cancelHref: paths.cv,
    versie: input.versie,
    items: DRIVING_LICENCES.map((c) => ({ value: c, text: c, checked: input.rijbewijs.includes(c) })),
    errorMessage: errorFor(errors, 'rijbewijs'),
  };
}

export type CvView = ReturnType<typeof presentCv>;
export type EducationFormView = ReturnType<typeof presentEducationForm>;
export type WorkFormView = ReturnType<typeof presentWorkForm>;
export type LanguageFormView = ReturnType<typeof presentLanguageForm>;
export type LicencesFormView = ReturnType<typeof presentLicencesForm>;
