/**
 * The buttons of the step form besides "Bevestigen": they re-show the form with the user's
 * input kept and one thing changed, so that the form works without JavaScript.
 */
import type { CalendarDate } from '../../../domain/calendar-date.ts';
import type { Actor } from '../../../domain/users.ts';
import type { OfficeWithLabel } from '../../../domain/organisations.ts';
import type { Services } from '../../../services/index.ts';
import { messages } from '../../messages/index.ts';
import type { FieldError } from '../form.ts';
import { partsOf } from '../date-input.ts';
import type { OfficeSearch } from './step-form-presenter.ts';
import type { StepFormAction, StepFormInput } from './step-form.ts';

export type FormActionOutcome = Readonly<{ input: StepFormInput; search: OfficeSearch | null; errors: FieldError[] }>;

export async function applyFormAction(
  services: Services,
  actor: Actor,
  action: Exclude<StepFormAction, 'bevestigen'>,
  input: StepFormInput,
  context: { today: CalendarDate; ownOfficeId: string | null },
): Promise<FormActionOutcome> {
  switch (action) {
    case 'huidige-datum':
      return { input: { ...input, datum: partsOf(context.today) }, search: null, errors: [] };
    case 'eigen-aanvrager':
      return { input: { ...input, aanvrager: context.ownOfficeId ?? input.aanvrager, aanvragerZoek: '' }, search: null, errors: [] };
    case 'eigen-uitvoerder':
      return { input: { ...input, uitvoerder: context.ownOfficeId ?? input.uitvoerder, uitvoerderZoek: '' }, search: null, errors: [] };
    case 'zoek-aanvrager':
    case 'zoek-uitvoerder': {
      const role = action === 'zoek-aanvrager' ? 'aanvrager' : 'uitvoerder';
      const query = role === 'aanvrager' ? input.aanvragerZoek : input.uitvoerderZoek;
      const field = `${role}-zoek`;
      if (query.trim().length < 2) return { input, search: null, errors: [{ field, message: messages.steps.officeSearchTooShort }] };
      const results: OfficeWithLabel[] = await services.steps.searchOffices(actor, query);
      if (results.length === 0) return { input, search: null, errors: [{ field, message: messages.steps.officeSearchNone }] };
      return { input, search: { role, results }, errors: [] };
    }
  }
}
