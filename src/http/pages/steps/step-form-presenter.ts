/**
 * View data for "Stap: <type>": a new line (O2) or a Bezig line the partner may change (O6).
 * Everything the user typed comes back; errors sit at their fields.
 */
import { formatDate, type CalendarDate } from '../../../domain/calendar-date.ts';
import { STATE_LABELS, type StepState } from '../../../domain/steps/step.ts';
import type { FundingNumber, OfficeWithLabel } from '../../../domain/organisations.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import { errorFor, type FieldErrors } from '../form.ts';
import { dateInputItems } from '../date-input.ts';
import { presentDossierFrame } from '../dossier/dossier-presenter.ts';
import type { OfficeRole, StepFormInput, StepFormPart } from './step-form.ts';

export type OfficeSearch = Readonly<{ role: OfficeRole; results: readonly OfficeWithLabel[] }>;

export type StepFormModel = Readonly<{
  mode: 'nieuw' | 'wijzigen';
  dossier: Dossier;
  typeLabel: string;
  action: string;
  backHref: string;
  states: readonly StepState[];
  fundingNumbers: readonly FundingNumber[];
  /** Labels of the offices the input refers to (current choice, own office). */
  officeLabels: ReadonlyMap<string, string>;
  ownOfficeId: string | null;
  requesterFixed: boolean;
  attest: { startDate: CalendarDate; endDate: CalendarDate } | null;
  today: CalendarDate;
  input: StepFormInput;
  errors: FieldErrors;
  search: OfficeSearch | null;
  /** The part a button acted on: the page comes back there (`#verder`), not at its top. */
  returnTo?: StepFormPart | null;
}>;

export function presentStepForm(model: StepFormModel) {
  const { input, errors } = model;
  const officeField = (role: OfficeRole) => {
    const current = input[role];
    const results = model.search?.role === role ? model.search.results : [];
    const choices = [
      ...(current !== '' ? [{ value: current, text: model.officeLabels.get(current) ?? current }] : []),
      ...results.filter((o) => o.id !== current).map((o) => ({ value: o.id, text: `${o.label} – ${o.organisationName}` })),
    ];
    return {
      value: current,
      label: model.officeLabels.get(current) ?? '',
      choosing: results.length > 0,
      choices: choices.map((c) => ({ ...c, checked: c.value === current })),
      search: input[role === 'aanvrager' ? 'aanvragerZoek' : 'uitvoerderZoek'],
      errorMessage: errorFor(errors, role) ?? errorFor(errors, `${role}-zoek`),
      // The manual shows "eigen gegevens" beside the office whenever another one is or may be chosen.
      canResetToOwn: model.ownOfficeId !== null && (current !== model.ownOfficeId || results.length > 0),
    };
  };
  const dateError = errorFor(errors, 'datum');
  return {
    title: `Stap: ${model.typeLabel}`,
    errors,
    frame: presentDossierFrame(model.dossier, 'begeleiding', 'stappen-naar-werk'),
    mode: model.mode,
    action: model.action,
    returnTo: model.returnTo ?? null,
    backHref: model.backHref,
    versie: input.versie,
    toestand: {
      items: model.states.map((s) => ({ value: s, text: STATE_LABELS[s], selected: s === input.toestand })),
      errorMessage: errorFor(errors, 'toestand'),
      single: model.states.length === 1,
    },
    datum: {
      items: dateInputItems(input.datum, dateError !== undefined),
      errorMessage: dateError,
      today: model.today,
      hint:
        model.attest === null
          ? 'Voorbeeld: 21/02/2019'
          : `Voorbeeld: 21/02/2019. De start van de begeleiding, binnen de periode van het attest (${formatDate(model.attest.startDate)} tot en met ${formatDate(model.attest.endDate)}).`,
    },
    financieringsnummer: {
      items: [
        { value: '', text: 'Geen financieringsnummer', selected: input.financieringsnummer === '' },
        ...model.fundingNumbers.map((f) => ({ value: f.id, text: `${f.code} – ${f.description}`, selected: f.id === input.financieringsnummer })),
      ],
      errorMessage: errorFor(errors, 'financieringsnummer'),
    },
    aanvrager: { ...officeField('aanvrager'), fixed: model.requesterFixed },
    uitvoerder: officeField('uitvoerder'),
    samenvatting: { value: input.samenvatting, errorMessage: errorFor(errors, 'samenvatting') },
  };
}
