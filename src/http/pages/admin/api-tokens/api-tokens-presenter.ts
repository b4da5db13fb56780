/** View data of "API-sleutels" (issue 17): the list (a section of Koppelingen), the form and the page that shows a new secret once. */
import { API_SCOPES, tokenState, type ApiToken } from '../../../../domain/api-tokens.ts';
import { messages } from '../../../messages/index.ts';
import { formatMoment } from '../../attests/attests-presenter.ts';
import { dateInputItems } from '../../date-input.ts';
import { errorFor, type FieldErrors } from '../../form.ts';
import { anchorOf } from '../../shared/problems.ts';
import { textInput } from '../shared/admin-fields.ts';
import { KOPPELINGEN_PATH, apiTokenPaths } from '../admin-paths.ts';
import type { ApiTokenFormInput } from './api-token-form.ts';

const t = messages.apiTokens;
const STATE_CLASSES = { actief: 'govuk-tag--green', verlopen: 'govuk-tag--grey', ingetrokken: 'govuk-tag--red' } as const;

export function presentApiTokens(model: { organisationName: string; tokens: readonly ApiToken[]; now: Date }) {
  return {
    title: t.title,
    organisationName: model.organisationName,
    newHref: apiTokenPaths.new,
    tokens: model.tokens.map((token) => {
      const state = tokenState(token, model.now);
      return {
        name: token.name,
        scopes: token.scopes.join(', '),
        created: `${formatMoment(token.createdAt)} door ${token.createdByLabel}`,
        expires: formatMoment(token.expiresAt),
        lastUsed: token.lastUsedAt === null ? t.neverUsed : formatMoment(token.lastUsedAt),
        state: { text: t.states[state], classes: STATE_CLASSES[state] },
        revokeAction: state === 'actief' ? apiTokenPaths.revoke(token.id) : null,
      };
    }),
  };
}

export function presentApiTokenForm(model: { organisationName: string; input: ApiTokenFormInput; errors: FieldErrors }) {
  const { input, errors } = model;
  const expiryError = errorFor(errors, 'vervaldatum');
  return {
    title: t.newTitle,
    // The error summary links the checkboxes' first box.
    errors: errors.map((e) => (e.field === 'scopes' ? { ...e, href: '#scopes' } : { ...e, href: e.href ?? anchorOf(e.field) })),
    organisationName: model.organisationName,
    action: apiTokenPaths.new,
    cancelHref: KOPPELINGEN_PATH,
    naam: textInput(input.naam, errors, 'naam'),
    scopes: {
      items: API_SCOPES.map((scope) => ({ value: scope, text: scope, hint: { text: t.scopeLabels[scope] ?? '' }, checked: input.scopes.includes(scope) })),
      errorMessage: errorFor(errors, 'scopes'),
    },
    vervaldatum: { items: dateInputItems(input.vervaldatum, expiryError !== undefined), errorMessage: expiryError },
  };
}

export function presentCreatedToken(model: { name: string; token: string }) {
  return { title: t.createdTitle, name: model.name, token: model.token, backHref: KOPPELINGEN_PATH };
}

export type ApiTokensView = ReturnType<typeof presentApiTokens>;
export type ApiTokenFormView = ReturnType<typeof presentApiTokenForm>;
