/** View data of "Koppelingen" (issue 17 item 6): the organisation's API tokens and webhooks on one page. */
import type { ApiToken } from '../../../../domain/api-tokens.ts';
import type { EndpointWithDelivery } from '../../../../services/webhooks/webhook-endpoints-service.ts';
import { messages } from '../../../messages/index.ts';
import { API_DOCS_PATH } from '../../api-docs/api-docs-presenter.ts';
import { ADMIN_PATH } from '../admin-paths.ts';
import { presentApiTokens } from '../api-tokens/api-tokens-presenter.ts';
import { presentWebhooks } from '../webhooks/webhooks-presenter.ts';

export function presentKoppelingen(model: { organisationName: string; tokens: readonly ApiToken[]; now: Date; endpoints: readonly EndpointWithDelivery[] }) {
  return {
    title: messages.koppelingen.title,
    organisationName: model.organisationName,
    docsHref: API_DOCS_PATH,
    backHref: ADMIN_PATH,
    apiTokens: presentApiTokens(model),
    webhooks: presentWebhooks(model),
  };
}

export type KoppelingenView = ReturnType<typeof presentKoppelingen>;
