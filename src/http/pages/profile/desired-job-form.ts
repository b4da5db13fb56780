/**
 * The form "Gewenste job": the occupation (searched by name without JavaScript: a text box and
 * "Zoek" show the matches as radio buttons), experience, regions and working regime.
 */
import { isExperienceLevel, isRegion, isWorkRegime, type DesiredJobInput } from '../../../domain/dossier/desired-jobs.ts';
import { messages } from '../../messages/index.ts';
import { actionOrEnter, asRawForm, listField, textField, type FieldError, type FormResult } from '../form.ts';

export const DESIRED_JOB_ACTIONS = ['bewaren', 'zoek-beroep'] as const;
export type DesiredJobAction = (typeof DESIRED_JOB_ACTIONS)[number];

export type DesiredJobFormInput = Readonly<{
  beroep: string;
  beroepZoek: string;
  ervaring: string;
  regio: readonly string[];
  regime: string;
  versie: string;
}>;

export const EMPTY_DESIRED_JOB: DesiredJobFormInput = { beroep: '', beroepZoek: '', ervaring: '', regio: [], regime: '', versie: '0' };

export function readDesiredJobForm(body: unknown): { action: DesiredJobAction; input: DesiredJobFormInput } {
  const form = asRawForm(body);
  return {
    action: actionOrEnter(form, DESIRED_JOB_ACTIONS, [{ action: 'zoek-beroep', field: 'beroep-zoek' }]),
    input: {
      beroep: textField(form, 'beroep'),
      beroepZoek: textField(form, 'beroep-zoek'),
      ervaring: textField(form, 'ervaring'),
      regio: listField(form, 'regio'),
      regime: textField(form, 'regime'),
      versie: textField(form, 'versie'),
    },
  };
}

/** Required choices; whether the occupation exists is the service's to check. */
export function validateDesiredJobForm(input: DesiredJobFormInput): FormResult<DesiredJobInput> {
  const required = messages.upkeep.required;
  const errors: FieldError[] = [];
  if (input.beroep === '') errors.push({ field: 'beroep', message: required['beroep'] ?? '', href: '#beroep-zoek' });
  if (!isExperienceLevel(input.ervaring)) errors.push({ field: 'ervaring', message: required['ervaring'] ?? '' });
  const regions = input.regio.filter(isRegion);
  if (regions.length === 0 || regions.length !== input.regio.length) errors.push({ field: 'regio', message: required['regio'] ?? '' });
  if (!isWorkRegime(input.regime)) errors.push({ field: 'regime', message: required['regime'] ?? '' });
  if (errors.length > 0 || !isExperienceLevel(input.ervaring) || !isWorkRegime(input.regime)) return { ok: false, errors };
  return { ok: true, value: { occupationCode: input.beroep, experience: input.ervaring, regions, regime: input.regime } };
}
