/**
 * "Vestiging toevoegen" and "Vestiging wijzigen" (issue 12), beheerder only; another
 * organisation's office is a 404. Post/redirect/get; refusal 400 (or 409, O12) with input kept.
 */
import type { FastifyInstance } from 'fastify';
import { messages } from '../../../messages/index.ts';
import { recordFormRoutes } from '../shared/record-form-routes.ts';
import { EMPTY_OFFICE, officeFormOf, officeInputOf, readOfficeForm } from './office-form.ts';
import { presentOfficeForm } from './office-presenter.ts';

export function officesRoutes(app: FastifyInstance): void {
  recordFormRoutes(app, {
    folder: 'vestigingen',
    template: 'pages/admin/offices/office.njk',
    service: app.services.admin.offices,
    read: readOfficeForm,
    // The office form has no checks of its own: the service checks every field.
    check: (input) => ({ ok: true, value: officeInputOf(input) }),
    empty: EMPTY_OFFICE,
    formOf: officeFormOf,
    present: presentOfficeForm,
    created: messages.admin.officeCreated,
  });
}
