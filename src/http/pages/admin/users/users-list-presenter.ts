/** View data for the user list under Beheer (issue 12): search, one page of users, paging. */
import { accountStatus, ROLE_LABELS, STATUS_LABELS, type AccountStatus, type ManagedUser } from '../../../../domain/accounts/user-admin.ts';
import { officeLabel } from '../../../../domain/organisations.ts';
import { pagination } from '../../shared/pagination.ts';

export const USERS_PATH = '/beheer/gebruikers';
export const INVITE_PATH = `${USERS_PATH}/uitnodigen`;

export const userPath = (id: string): string => `${USERS_PATH}/${encodeURIComponent(id)}`;

const STATUS_TAGS: Readonly<Record<AccountStatus, string>> = {
  actief: 'govuk-tag--green',
  uitgenodigd: 'govuk-tag--blue',
  uitgeschakeld: 'govuk-tag--grey',
};

export function statusTag(user: ManagedUser): { text: string; classes: string } {
  const status = accountStatus(user);
  return { text: STATUS_LABELS[status], classes: STATUS_TAGS[status] };
}

export function officeOf(user: Pick<ManagedUser, 'officeName' | 'officeCode'>): string {
  return user.officeName !== null && user.officeCode !== null ? officeLabel({ name: user.officeName, code: user.officeCode }) : '';
}

const count = new Intl.NumberFormat('nl-BE');

function pageHref(query: string, page: number): string {
  const params = new URLSearchParams();
  if (query !== '') params.set('zoek', query);
  if (page > 1) params.set('pagina', String(page));
  const search = params.toString();
  return search === '' ? USERS_PATH : `${USERS_PATH}?${search}`;
}


export function presentUserList(model: { query: string; page: number; pageSize: number; total: number; users: readonly ManagedUser[]; allOrganisations: boolean }) {
  const pages = Math.max(1, Math.ceil(model.total / model.pageSize));
  const first = (model.page - 1) * model.pageSize + 1;
  const last = first + model.users.length - 1;
  return {
    title: 'Gebruikers',
    inviteHref: INVITE_PATH,
    action: USERS_PATH,
    query: model.query,
    scope: model.allOrganisations ? 'Alle gebruikers van alle organisaties.' : 'De gebruikers van je organisatie.',
    summary:
      model.total === 0
        ? model.query === '' ? 'Er zijn nog geen gebruikers.' : 'Geen gebruiker gevonden met deze naam of dit e-mailadres.'
        : `${count.format(first)} tot ${count.format(last)} van ${count.format(model.total)} gebruikers`,
    rows: model.users.map((u) => ({
      href: userPath(u.id),
      name: u.displayName,
      email: u.email,
      role: ROLE_LABELS[u.role],
      organisation: u.organisationName,
      office: officeOf(u),
      status: statusTag(u),
    })),
    pagination: pagination(model.page, pages, (page) => pageHref(model.query, page), 'Paginering van de gebruikers'),
  };
}

export type UserListView = ReturnType<typeof presentUserList>;
