/** View data of the step-type catalogue (issue 12, O13): the list, and a type's label and order with its history. */
import type { AuditRecord } from '../../../../domain/audit.ts';
import type { StepType } from '../../../../domain/steps/step.ts';
import type { FieldErrors } from '../../form.ts';
import { ADMIN_PATH, STEP_TYPES_PATH, stepTypePath } from '../admin-paths.ts';
import { textInput } from '../shared/admin-fields.ts';
import { presentAdminHistory } from '../shared/admin-history.ts';

type StepTypeRecord = StepType & Readonly<{ sortOrder: number; version: number }>;

export type StepTypeFormInput = Readonly<{ label: string; volgorde: string; versie: string }>;

export function stepTypeFormOf(stepType: StepTypeRecord): StepTypeFormInput {
  return { label: stepType.label, volgorde: String(stepType.sortOrder), versie: String(stepType.version) };
}

export function presentStepTypeList(stepTypes: readonly StepTypeRecord[]) {
  return {
    title: 'Staptypes',
    backHref: ADMIN_PATH,
    rows: stepTypes.map((t) => ({ href: stepTypePath(t.code), label: t.label, code: t.code, order: String(t.sortOrder), kind: t.kind === 'outplacement' ? 'Outplacement (O8, O9)' : 'Gewone regels (O13)' })),
  };
}

export type StepTypeListView = ReturnType<typeof presentStepTypeList>;

export function presentStepTypeForm(model: { stepType: StepTypeRecord; history: readonly AuditRecord[]; input: StepTypeFormInput; errors: FieldErrors }) {
  const { input, errors } = model;
  return {
    title: `Staptype ${model.stepType.label}`,
    errors,
    code: model.stepType.code,
    action: stepTypePath(model.stepType.code),
    cancelHref: STEP_TYPES_PATH,
    versie: input.versie,
    label: textInput(input.label, errors, 'label'),
    volgorde: textInput(input.volgorde, errors, 'volgorde'),
    history: presentAdminHistory(model.history),
  };
}

export type StepTypeFormView = ReturnType<typeof presentStepTypeForm>;
