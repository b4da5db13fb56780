/** What the form of a record of an organisation (office, funding number) is presented from: see record-form-routes.ts. */
import type { AuditRecord } from '../../../../domain/audit.ts';
import type { OrganisationRecord } from '../../../../domain/organisations.ts';
import type { FieldErrors } from '../../form.ts';

export type RecordFormModel<F, R> = Readonly<{
  organisation: OrganisationRecord;
  /** Null on "toevoegen". */
  record: R | null;
  history: readonly AuditRecord[];
  input: F;
  errors: FieldErrors;
}>;
