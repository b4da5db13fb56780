/** The addresses of the administration pages (issue 12), in one place. */
export const ADMIN_PATH = '/beheer';
export const ORGANISATIONS_PATH = '/beheer/organisaties';
export const STEP_TYPES_PATH = '/beheer/staptypes';
/** Built by the users half of issue 12 (src/http/pages/admin/users/). */
export const USERS_PATH = '/beheer/gebruikers';

export const organisationPaths = (id: string) => {
  const base = `${ORGANISATIONS_PATH}/${id}`;
  return {
    detail: base,
    edit: `${base}/wijzigen`,
    stepTypes: `${base}/staptypes`,
    newOffice: `${base}/vestigingen/nieuw`,
    office: (officeId: string) => `${base}/vestigingen/${officeId}`,
    newFundingNumber: `${base}/financieringsnummers/nieuw`,
    fundingNumber: (fundingId: string) => `${base}/financieringsnummers/${fundingId}`,
  };
};

export const stepTypePath = (code: string): string => `${STEP_TYPES_PATH}/${encodeURIComponent(code)}`;

/** Issue 17: the partnerbeheerder's API tokens of its own organisation. */
export const API_TOKENS_PATH = '/beheer/api-sleutels';
export const apiTokenPaths = {
  new: `${API_TOKENS_PATH}/nieuw`,
  revoke: (id: string) => `${API_TOKENS_PATH}/${id}/intrekken`,
};

/** Issue 17 item 6: the API tokens and webhooks of the partnerbeheerder's organisation, on one page. */
export const KOPPELINGEN_PATH = '/beheer/koppelingen';
