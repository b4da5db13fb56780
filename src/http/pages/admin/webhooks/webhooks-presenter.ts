/** View data of "Webhooks" (issue 17): the list with each endpoint's last delivery (a section of Koppelingen), the form, the secret shown once. */
import { BRUSSELS_DATE_TIME } from '../../../../domain/calendar-date.ts';
import type { WebhookEndpoint } from '../../../../domain/webhooks/endpoint.ts';
import { WEBHOOK_EVENT_TYPES } from '../../../../domain/webhooks/events.ts';
import type { EndpointWithDelivery } from '../../../../services/webhooks/webhook-endpoints-service.ts';
import { messages } from '../../../messages/index.ts';
import { errorFor, type FieldErrors } from '../../form.ts';
import { confirmView, summaryRow } from '../../shared/confirm.ts';
import { API_DOCS_PATH } from '../../api-docs/api-docs-presenter.ts';
import { KOPPELINGEN_PATH } from '../admin-paths.ts';
import type { WebhookFormInput } from './webhook-form.ts';
import { NEW_WEBHOOK_PATH, webhookPaths } from './webhook-paths.ts';

const text = messages.webhooks;
const moment = (at: Date | null): string => (at === null ? '–' : BRUSSELS_DATE_TIME.format(at));
const eventLabels = (events: readonly string[]): string => events.map((e) => (text.events as Readonly<Record<string, string>>)[e] ?? e).join(', ');

function deliveryOf(endpoint: EndpointWithDelivery) {
  const d = endpoint.lastDelivery;
  if (d === null) return { status: text.status.none, lastAttempt: '–', answer: '–', nextAttempt: '–', pending: '0' };
  const status = d.sentAt !== null ? text.status.sent : d.givenUpAt !== null ? text.status.givenUp : d.attempts > 0 ? text.status.retrying : text.status.waiting;
  const waiting = d.sentAt === null && d.givenUpAt === null;
  const answer = d.lastAttemptAt === null ? '–' : d.lastStatus === null ? `${text.noAnswer}${d.lastError === null ? '' : ` (${d.lastError})`}` : `HTTP ${String(d.lastStatus)}`;
  return { status, lastAttempt: moment(d.lastAttemptAt), answer, nextAttempt: waiting ? moment(d.availableAt) : '–', pending: String(d.pending) };
}

export function presentWebhooks(model: { organisationName: string; endpoints: readonly EndpointWithDelivery[] }) {
  return {
    title: text.title,
    organisationName: model.organisationName,
    docsHref: API_DOCS_PATH,
    newHref: NEW_WEBHOOK_PATH,
    endpoints: model.endpoints.map((e) => {
      const paths = webhookPaths(e.id);
      return {
        url: e.url,
        events: eventLabels(e.events),
        enabled: e.enabled,
        tag: e.enabled ? { text: text.enabledTag, classes: 'govuk-tag--green' } : { text: text.disabledTag, classes: 'govuk-tag--grey' },
        toggleAction: e.enabled ? paths.disable : paths.enable,
        toggleText: e.enabled ? 'Uitschakelen' : 'Inschakelen',
        removeHref: paths.remove,
        created: `${moment(e.createdAt)} door ${e.createdByLabel}`,
        delivery: deliveryOf(e),
      };
    }),
  };
}

export function presentWebhookForm(model: { organisationName: string; input: WebhookFormInput; errors: FieldErrors }) {
  const { input, errors } = model;
  return {
    title: text.newTitle,
    errors,
    organisationName: model.organisationName,
    action: NEW_WEBHOOK_PATH,
    cancelHref: KOPPELINGEN_PATH,
    url: { value: input.url, errorMessage: errorFor(errors, 'url') },
    events: {
      errorMessage: errorFor(errors, 'gebeurtenissen'),
      items: WEBHOOK_EVENT_TYPES.map((code) => ({ value: code, text: text.events[code], hint: { text: code }, checked: input.gebeurtenissen.includes(code) })),
    },
  };
}

export function presentWebhookCreated(model: { organisationName: string; url: string; secret: string }) {
  return { title: text.createdTitle, organisationName: model.organisationName, url: model.url, secret: model.secret, backHref: KOPPELINGEN_PATH };
}

export function presentWebhookDelete(endpoint: WebhookEndpoint) {
  return {
    title: text.deleteTitle,
    confirm: confirmView({
      title: text.deleteTitle,
      rows: [summaryRow('Adres', endpoint.url), summaryRow('Gebeurtenissen', eventLabels(endpoint.events))],
      warning: text.deleteWarning,
      action: webhookPaths(endpoint.id).remove,
      fields: [],
      confirmText: text.deleteButton,
    }),
  };
}

export type WebhooksView = ReturnType<typeof presentWebhooks>;
