/** View data for one user under Beheer (issue 12): the account, the change form, the actions and "Wijzigingen". */
import { accountStatus, ROLE_LABELS } from '../../../../domain/accounts/user-admin.ts';
import type { AuditRecord } from '../../../../domain/audit.ts';
import type { Actor } from '../../../../domain/users.ts';
import { AuditAction } from '../../../../services/audit/actions.ts';
import type { UserDetail } from '../../../../services/accounts/user-admin-service.ts';
import { errorFor, type FieldErrors } from '../../form.ts';
import { officeOptions, roleOptions } from './invite-presenter.ts';
import { officeOf, statusTag, USERS_PATH, userPath } from './users-list-presenter.ts';
import { BRUSSELS_DATE_TIME } from '../../../../domain/calendar-date.ts';

export type ChangeInput = Readonly<{ rol: string; vestiging: string; versie: string }>;

const dateTime = BRUSSELS_DATE_TIME;

const FIELD_LABELS: Readonly<Record<string, string>> = { rol: 'Rol', vestiging: 'Vestiging', status: 'Status', tweestapsverificatie: 'Tweestapsverificatie' };

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
const shown = (value: unknown): string => (text(value) === '' ? '(leeg)' : text(value));

const INVITATION_FIELDS: readonly [string, string][] = [
  ['email', 'E-mailadres'],
  ['naam', 'Naam'],
  ['rol', 'Rol'],
  ['organisatie', 'Organisatie'],
  ['vestiging', 'Vestiging'],
];

/** "Wijzigingen": each record with who, when, and old and new value; oldest first. */
export function presentUserHistory(records: readonly AuditRecord[]) {
  return records.map((record) => {
    const d = record.details;
    const base = { byline: record.actorLabel, timestamp: record.occurredAt.toISOString(), when: dateTime.format(record.occurredAt) };
    const fields = typeof d['fields'] === 'object' && d['fields'] !== null ? (d['fields'] as Record<string, unknown>) : {};
    switch (record.action) {
      case AuditAction.userInvited:
        return { ...base, title: 'Uitnodiging verstuurd', lines: INVITATION_FIELDS.map(([key, label]) => ({ label, value: shown(fields[key]) })) };
      case AuditAction.invitationResent:
        return { ...base, title: 'Uitnodiging opnieuw verstuurd (de vorige link werkt niet meer)', lines: [] };
      case AuditAction.passwordResetRequested:
        return { ...base, title: 'Nieuw wachtwoord aangevraagd met Wachtwoord vergeten?', lines: [] };
      case AuditAction.passwordChosen:
        return { ...base, title: d['purpose'] === 'invite' ? 'Wachtwoord gekozen met de uitnodiging' : 'Nieuw wachtwoord gekozen; alle sessies beëindigd', lines: [] };
      case AuditAction.secondFactorEnrolled:
        return { ...base, title: 'Tweestapsverificatie ingesteld', lines: [] };
      case AuditAction.secondFactorReset:
      case AuditAction.userChanged:
      case AuditAction.userDisabled:
      case AuditAction.userEnabled:
      case AuditAction.userUnlocked: {
        const field = text(d['field']);
        // Records of `gebruiker.uitgeschakeld` written before issue 12 name no field.
        const label = FIELD_LABELS[field] ?? 'Status';
        const old = field === '' && record.action === AuditAction.userDisabled ? 'Actief' : d['old'];
        const now = field === '' && record.action === AuditAction.userDisabled ? 'Uitgeschakeld' : d['new'];
        return { ...base, title: `${label} gewijzigd`, lines: [{ label: 'Oud', value: shown(old) }, { label: 'Nieuw', value: shown(now) }] };
      }
      default:
        return { ...base, title: record.action, lines: [] };
    }
  });
}

export function presentUserDetail(model: { detail: UserDetail; actor: Actor; now: Date; secondFactor: boolean; input?: ChangeInput; errors?: FieldErrors }) {
  const { user, latestLink } = model.detail;
  const errors = model.errors ?? [];
  const status = accountStatus(user);
  const input = model.input ?? { rol: user.role, vestiging: user.officeId ?? '', versie: String(user.version) };
  const self = user.id === model.actor.userId;
  const openInvitation = latestLink !== undefined && latestLink.purpose === 'invite' && latestLink.usedAt === null && latestLink.voidedAt === null;
  const base = userPath(user.id);
  return {
    title: user.displayName,
    errors,
    backHref: USERS_PATH,
    summary: [
      { key: { text: 'E-mailadres' }, value: { text: user.email } },
      { key: { text: 'Rol' }, value: { text: ROLE_LABELS[user.role] } },
      { key: { text: 'Organisatie' }, value: { text: user.organisationName } },
      { key: { text: 'Vestiging' }, value: { text: officeOf(user) || '(geen)' } },
      { key: { text: 'Laatst aangemeld' }, value: { text: user.lastLoginAt === null ? 'Nog nooit' : dateTime.format(user.lastLoginAt) } },
      { key: { text: 'Tweestapsverificatie' }, value: { text: model.secondFactor ? 'Ingesteld' : 'Niet ingesteld' } },
      ...(status === 'uitgenodigd' && latestLink !== undefined
        ? [{ key: { text: 'Uitnodiging' }, value: { text: openInvitation && latestLink.expiresAt > model.now ? `Verstuurd, geldig tot ${dateTime.format(latestLink.expiresAt)}` : 'Verlopen of niet meer geldig: verstuur een nieuwe' } }]
        : []),
    ],
    status: statusTag(user),
    change: {
      action: base,
      versie: input.versie,
      rol: { items: roleOptions(model.detail.roles, input.rol, false), errorMessage: errorFor(errors, 'rol'), disabled: self },
      vestiging: { items: officeOptions(model.detail.offices, input.vestiging, false), errorMessage: errorFor(errors, 'vestiging') },
      selfNote: self ? 'Je eigen rol kan je niet wijzigen.' : null,
    },
    actions: {
      versie: String(user.version),
      errorMessage: errorFor(errors, 'acties'),
      disable: status !== 'uitgeschakeld' && !self ? `${base}/uitschakelen` : null,
      enable: status === 'uitgeschakeld' ? `${base}/inschakelen` : null,
      resend: status === 'uitgenodigd' ? `${base}/uitnodiging` : null,
      resetSecondFactor: model.secondFactor ? `${base}/tweestapsverificatie` : null,
    },
    history: presentUserHistory(model.detail.history),
  };
}

export type UserDetailView = ReturnType<typeof presentUserDetail>;
