/** View data for "Gebruiker uitnodigen" (issue 12). */
import { ROLE_LABELS } from '../../../../domain/accounts/user-admin.ts';
import type { Role } from '../../../../domain/roles.ts';
import type { OfficeChoice } from '../../../../services/accounts/user-admin-service.ts';
import { errorFor, type FieldErrors } from '../../form.ts';
import { INVITE_PATH, USERS_PATH } from './users-list-presenter.ts';

export type InviteInput = Readonly<{ email: string; naam: string; rol: string; vestiging: string }>;

export const EMPTY_INVITE: InviteInput = { email: '', naam: '', rol: '', vestiging: '' };

type Option = { value: string; text: string; selected: boolean };

export function roleOptions(roles: readonly Role[], chosen: string, placeholder: boolean): Option[] {
  const options = roles.map((r) => ({ value: r, text: ROLE_LABELS[r], selected: r === chosen }));
  return placeholder ? [{ value: '', text: 'Kies een rol', selected: chosen === '' }, ...options] : options;
}

/** Offices as `NAAM (code)`; with the organisation's name in front when several organisations are listed. */
export function officeOptions(offices: readonly OfficeChoice[], chosen: string, placeholder: boolean): Option[] {
  const several = new Set(offices.map((o) => o.organisationId)).size > 1;
  const options = offices.map((o) => ({ value: o.id, text: several ? `${o.organisationName}: ${o.label}` : o.label, selected: o.id === chosen }));
  return placeholder ? [{ value: '', text: 'Kies een vestiging', selected: chosen === '' }, ...options] : options;
}

export function presentInvite(model: { offices: readonly OfficeChoice[]; roles: readonly Role[]; input: InviteInput; errors: FieldErrors }) {
  return {
    title: 'Gebruiker uitnodigen',
    errors: model.errors,
    action: INVITE_PATH,
    cancelHref: USERS_PATH,
    email: { value: model.input.email, errorMessage: errorFor(model.errors, 'email') },
    naam: { value: model.input.naam, errorMessage: errorFor(model.errors, 'naam') },
    rol: { items: roleOptions(model.roles, model.input.rol, true), errorMessage: errorFor(model.errors, 'rol') },
    vestiging: { items: officeOptions(model.offices, model.input.vestiging, true), errorMessage: errorFor(model.errors, 'vestiging') },
  };
}

export type InviteView = ReturnType<typeof presentInvite>;
