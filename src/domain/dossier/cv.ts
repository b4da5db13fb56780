/**
 * The client's CV (K2): education, work experience, languages with a level per skill, driving
 * licences and competences. Months are `YYYY-MM` strings, which compare as dates.
 */
import { dateParts, type CalendarDate } from '../calendar-date.ts';
import { isOneOf, valuesOf } from '../choices.ts';
import { maxLength, requiredText, type Problem } from '../result.ts';

export const CV_TEXT_MAX = 150;

export const EDUCATION_LEVEL_LABELS = {
  'lager-onderwijs': 'Lager onderwijs',
  'lager-secundair': 'Lager secundair onderwijs',
  'hoger-secundair': 'Hoger secundair onderwijs',
  hbo5: 'Hoger beroepsonderwijs (HBO5)',
  bachelor: 'Bachelor',
  master: 'Master',
  doctoraat: 'Doctoraat',
  andere: 'Andere opleiding',
} as const;
export type EducationLevel = keyof typeof EDUCATION_LEVEL_LABELS;
export const EDUCATION_LEVELS = valuesOf(EDUCATION_LEVEL_LABELS);

export const LANGUAGE_SKILLS = ['understanding', 'speaking', 'reading', 'writing'] as const;
export type LanguageSkill = (typeof LANGUAGE_SKILLS)[number];
/** The skills as the form and the CV name them. */
export const SKILL_LABELS: Record<LanguageSkill, string> = { understanding: 'Begrijpen', speaking: 'Spreken', reading: 'Lezen', writing: 'Schrijven' };
export const SKILL_FIELDS: Record<LanguageSkill, string> = { understanding: 'begrijpen', speaking: 'spreken', reading: 'lezen', writing: 'schrijven' };

export const LANGUAGE_LEVEL_LABELS = {
  basis: 'Basiskennis',
  redelijk: 'Redelijk',
  goed: 'Goed',
  'zeer-goed': 'Zeer goed',
  moedertaal: 'Moedertaal',
} as const;
export type LanguageLevel = keyof typeof LANGUAGE_LEVEL_LABELS;
export const LANGUAGE_LEVELS = valuesOf(LANGUAGE_LEVEL_LABELS);

/** Belgian driving licence categories. */
export const DRIVING_LICENCES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'G'] as const;
export type DrivingLicence = (typeof DRIVING_LICENCES)[number];

export type YearMonth = string & { readonly __brand: 'YearMonth' };

export type EducationInput = Readonly<{
  level: EducationLevel;
  field: string;
  institution: string;
  year: number | null;
  diploma: boolean;
}>;

export type WorkExperienceInput = Readonly<{
  employer: string;
  jobTitle: string;
  from: YearMonth;
  until: YearMonth | null;
}>;

export type LanguageInput = Readonly<{ language: string } & Record<LanguageSkill, LanguageLevel>>;

export type CompetenceInput = Readonly<{ text: string }>;

/** Every CV item has an id, its client and a version (O12). */
type Stored = Readonly<{ id: string; clientId: string; version: number; updatedByLabel: string }>;
export type Education = EducationInput & Stored;
export type WorkExperience = WorkExperienceInput & Stored;
export type Language = LanguageInput & Stored;
export type Competence = CompetenceInput & Stored;

export type DrivingLicences = Readonly<{ clientId: string; categories: readonly DrivingLicence[]; version: number }>;

/** The kinds of CV item, as the use cases and pages name them, with their input and stored types. */
export const CV_KINDS = ['opleiding', 'werkervaring', 'taal', 'competentie'] as const;
export type CvKind = (typeof CV_KINDS)[number];
export type CvInputs = { opleiding: EducationInput; werkervaring: WorkExperienceInput; taal: LanguageInput; competentie: CompetenceInput };
export type CvItems = { opleiding: Education; werkervaring: WorkExperience; taal: Language; competentie: Competence };

export const isEducationLevel = isOneOf(EDUCATION_LEVELS);
export const isLanguageLevel = isOneOf(LANGUAGE_LEVELS);
export const isDrivingLicence = (value: string): value is DrivingLicence => (DRIVING_LICENCES as readonly string[]).includes(value);

export function yearMonth(year: number, month: number): YearMonth | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || year < 1900 || year > 9999 || month < 1 || month > 12) return undefined;
  return `${String(year)}-${String(month).padStart(2, '0')}` as YearMonth;
}

export function monthOf(date: CalendarDate): YearMonth {
  const { year, month } = dateParts(date);
  return yearMonth(year, month) as YearMonth;
}

/** mm/jjjj, as the CV shows months. */
export function formatYearMonth(value: YearMonth): string {
  const [year = '', month = ''] = value.split('-');
  return `${month}/${year}`;
}

export function checkEducation(input: EducationInput, today: CalendarDate): Problem[] {
  const thisYear = dateParts(today).year;
  const problems = [...requiredText('richting', input.field, CV_TEXT_MAX), ...maxLength('instelling', input.institution, CV_TEXT_MAX)];
  if (input.year !== null) {
    if (input.year < 1900 || input.year > thisYear + 6) problems.push({ field: 'jaar', code: 'ongeldig' });
    else if (input.diploma && input.year > thisYear) problems.push({ field: 'jaar', code: 'toekomst' });
  }
  return problems;
}

export function checkWorkExperience(input: WorkExperienceInput, today: CalendarDate): Problem[] {
  const now = monthOf(today);
  const problems = [...requiredText('functie', input.jobTitle, CV_TEXT_MAX), ...requiredText('werkgever', input.employer, CV_TEXT_MAX)];
  if (input.from > now) problems.push({ field: 'van', code: 'na-vandaag' });
  if (input.until !== null) {
    if (input.until > now) problems.push({ field: 'tot', code: 'na-vandaag' });
    else if (input.until < input.from) problems.push({ field: 'tot', code: 'voor-van' });
  }
  return problems;
}

/** One entry per language: the same language twice is refused, whatever its case. */
export function checkLanguage(input: LanguageInput, others: readonly Pick<Language, 'language'>[]): Problem[] {
  const problems = requiredText('taal', input.language, 60);
  if (problems.length === 0 && others.some((o) => sameText(o.language, input.language))) problems.push({ field: 'taal', code: 'bestaat-al' });
  return problems;
}

export function checkCompetence(input: CompetenceInput, others: readonly Pick<Competence, 'text'>[]): Problem[] {
  const problems = requiredText('competentie', input.text, CV_TEXT_MAX);
  if (problems.length === 0 && others.some((o) => sameText(o.text, input.text))) problems.push({ field: 'competentie', code: 'bestaat-al' });
  return problems;
}

export function checkDrivingLicences(values: readonly string[]): Problem[] {
  return values.every(isDrivingLicence) ? [] : [{ field: 'rijbewijs', code: 'ongeldig' }];
}

/** Categories in the official order, without doubles. */
export function orderedLicences(values: readonly DrivingLicence[]): DrivingLicence[] {
  return DRIVING_LICENCES.filter((c) => values.includes(c));
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');
}

