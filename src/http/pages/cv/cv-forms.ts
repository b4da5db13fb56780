/**
 * The forms of the CV (K2): education, work experience, language, competence and driving
 * licences. Each parses the body into the typed value or field errors; the input comes back
 * as typed.
 */
import {
  isEducationLevel,
  isLanguageLevel,
  LANGUAGE_SKILLS,
  SKILL_FIELDS,
  type CompetenceInput,
  type EducationInput,
  type LanguageInput,
  type LanguageLevel,
  type LanguageSkill,
  type WorkExperienceInput,
} from '../../../domain/dossier/cv.ts';
import { messages } from '../../messages/index.ts';
import { asRawForm, listField, textField, type FieldError, type FormResult } from '../form.ts';
import { parseMonthParts, readMonthParts, type MonthParts } from '../month-input.ts';

const required = messages.upkeep.required;
const need = (field: string, href?: string): FieldError => ({ field, message: required[field] ?? '', ...(href === undefined ? {} : { href }) });

export type EducationFormInput = Readonly<{ niveau: string; richting: string; instelling: string; jaar: string; diploma: string; versie: string }>;

export function readEducationForm(body: unknown): EducationFormInput {
  const form = asRawForm(body);
  const field = (name: string) => textField(form, name);
  return { niveau: field('niveau'), richting: field('richting'), instelling: field('instelling'), jaar: field('jaar'), diploma: field('diploma'), versie: field('versie') };
}

export function validateEducationForm(input: EducationFormInput): FormResult<EducationInput> {
  const errors: FieldError[] = [];
  if (!isEducationLevel(input.niveau)) errors.push(need('niveau'));
  if (input.richting === '') errors.push(need('richting'));
  if (input.jaar !== '' && !/^\d{4}$/.test(input.jaar)) errors.push({ field: 'jaar', message: messages.upkeep.yearInvalid });
  if (input.diploma !== 'ja' && input.diploma !== 'nee') errors.push(need('diploma'));
  if (errors.length > 0 || !isEducationLevel(input.niveau)) return { ok: false, errors };
  return {
    ok: true,
    value: { level: input.niveau, field: input.richting, institution: input.instelling, year: input.jaar === '' ? null : Number(input.jaar), diploma: input.diploma === 'ja' },
  };
}

export type WorkFormInput = Readonly<{ werkgever: string; functie: string; van: MonthParts; tot: MonthParts; versie: string }>;

export function readWorkForm(body: unknown): WorkFormInput {
  const form = asRawForm(body);
  return { werkgever: textField(form, 'werkgever'), functie: textField(form, 'functie'), van: readMonthParts(form, 'van'), tot: readMonthParts(form, 'tot'), versie: textField(form, 'versie') };
}

export function validateWorkForm(input: WorkFormInput): FormResult<WorkExperienceInput> {
  const errors: FieldError[] = [];
  if (input.functie === '') errors.push(need('functie'));
  if (input.werkgever === '') errors.push(need('werkgever'));
  const from = parseMonthParts(input.van, required['van'] ?? '');
  if (!from.ok) errors.push({ field: 'van', message: from.message, href: '#van-maand' });
  const until = parseMonthParts(input.tot, null);
  if (!until.ok) errors.push({ field: 'tot', message: until.message, href: '#tot-maand' });
  if (errors.length > 0 || !from.ok || !until.ok || from.month === null) return { ok: false, errors };
  return { ok: true, value: { employer: input.werkgever, jobTitle: input.functie, from: from.month, until: until.month } };
}

export type LanguageFormInput = Readonly<{ taal: string; versie: string } & Record<LanguageSkill, string>>;

export function readLanguageForm(body: unknown): LanguageFormInput {
  const form = asRawForm(body);
  return {
    taal: textField(form, 'taal'),
    understanding: textField(form, SKILL_FIELDS.understanding),
    speaking: textField(form, SKILL_FIELDS.speaking),
    reading: textField(form, SKILL_FIELDS.reading),
    writing: textField(form, SKILL_FIELDS.writing),
    versie: textField(form, 'versie'),
  };
}

export function validateLanguageForm(input: LanguageFormInput): FormResult<LanguageInput> {
  const errors: FieldError[] = [];
  if (input.taal === '') errors.push(need('taal'));
  const levels: Partial<Record<LanguageSkill, LanguageLevel>> = {};
  for (const skill of LANGUAGE_SKILLS) {
    const value = input[skill];
    if (isLanguageLevel(value)) levels[skill] = value;
    else errors.push(need(SKILL_FIELDS[skill]));
  }
  const { understanding, speaking, reading, writing } = levels;
  if (errors.length > 0 || understanding === undefined || speaking === undefined || reading === undefined || writing === undefined) return { ok: false, errors };
  return { ok: true, value: { language: input.taal, understanding, speaking, reading, writing } };
}

export function readCompetenceForm(body: unknown): CompetenceInput {
  return { text: textField(asRawForm(body), 'competentie') };
}

export function readLicencesForm(body: unknown): { rijbewijs: string[]; versie: string } {
  const form = asRawForm(body);
  return { rijbewijs: listField(form, 'rijbewijs'), versie: textField(form, 'versie') };
}
