/**
 * "Financieringsnummer toevoegen" and "wijzigen" (issue 12), beheerder only; another
 * organisation's number is a 404. Post/redirect/get; refusal 400 (or 409, O12) with input kept.
 */
import type { FastifyInstance } from 'fastify';
import { messages } from '../../../messages/index.ts';
import { recordFormRoutes } from '../shared/record-form-routes.ts';
import { EMPTY_FUNDING_NUMBER, fundingNumberFormOf, readFundingNumberForm, validateFundingNumberForm } from './funding-number-form.ts';
import { presentFundingNumberForm } from './funding-number-presenter.ts';

export function fundingNumbersRoutes(app: FastifyInstance): void {
  recordFormRoutes(app, {
    folder: 'financieringsnummers',
    template: 'pages/admin/funding-numbers/funding-number.njk',
    service: app.services.admin.fundingNumbers,
    read: readFundingNumberForm,
    check: validateFundingNumberForm,
    empty: EMPTY_FUNDING_NUMBER,
    formOf: fundingNumberFormOf,
    present: presentFundingNumberForm,
    created: messages.admin.fundingNumberCreated,
  });
}
