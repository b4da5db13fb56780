/** Dutch messages for the problems the dossier-upkeep services report (K1–K3, O12). */
import type { UpkeepProblem } from '../../domain/dossier/problems.ts';
import { messages } from '../messages.ts';
import type { FieldError } from './form.ts';

const m = messages.upkeep;

/** Where the error summary links to when the field's first control is not named after it. */
const ANCHORS: Readonly<Record<string, string>> = {
  inschrijvingsdatum: '#inschrijvingsdatum-dag',
  'beschikbaar-vanaf': '#beschikbaar-vanaf-dag',
  beroep: '#beroep-zoek',
  van: '#van-maand',
  tot: '#tot-maand',
};

export function anchorOf(field: string): string {
  return ANCHORS[field] ?? `#${field}`;
}

export function upkeepProblemsToErrors(problems: readonly UpkeepProblem[]): FieldError[] {
  return problems.map((problem) => ({ field: problem.field, message: messageFor(problem), href: anchorOf(problem.field) }));
}

function messageFor(problem: UpkeepProblem): string {
  const { field } = problem;
  const p = problem.params ?? {};
  switch (problem.code) {
    case 'verplicht':
      return m.required[field] ?? m.requiredOther;
    case 'te-lang':
      return m.tooLong(m.labels[field] ?? 'Dit veld', p['max'] ?? '');
    case 'postcode':
      return m.postcode;
    case 'telefoon':
      return m.phone;
    case 'e-mail':
      return m.email;
    case 'na-vandaag':
      return field === 'inschrijvingsdatum' ? m.registrationDateAfterToday : field === 'tot' ? m.untilAfterNow : m.fromAfterNow;
    case 'toekomst':
      return m.diplomaInFuture;
    case 'voor-van':
      return m.untilBeforeFrom;
    case 'ongeldig':
      return field === 'jaar' ? m.yearInvalid : field === 'rijbewijs' ? m.licenceInvalid : m.levelInvalid;
    case 'bestaat-al':
      return field === 'taal' ? m.languageExists : field === 'titel' ? m.occupationExists : m.competenceExists;
    case 'onbekend-beroep':
      return m.occupationUnknown;
    case 'onbekende-isco-code':
      return m.iscoCodeUnknown;
    case 'gewijzigd':
      return m.changedMeanwhile(p['by'] ?? '');
    case 'verwijderd':
      return m.removedMeanwhile;
  }
}

/** Whether the service refused the change because the data changed meanwhile (answered 409). */
export function isConflict(problems: readonly UpkeepProblem[]): boolean {
  return problems.some((p) => p.code === 'gewijzigd' || p.code === 'verwijderd');
}
