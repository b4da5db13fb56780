/** The form "Webhook toevoegen" (issue 17): the URL and the events (checkboxes, repeated name). */
import type { EndpointInput } from '../../../../domain/webhooks/endpoint.ts';
import { asRawForm, textField } from '../../form.ts';

export type WebhookFormInput = Readonly<{ url: string; gebeurtenissen: readonly string[] }>;

export const EMPTY_WEBHOOK: WebhookFormInput = { url: '', gebeurtenissen: [] };

export function readWebhookForm(body: unknown): WebhookFormInput {
  const form = asRawForm(body);
  const raw = form['gebeurtenissen'];
  const events = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : typeof raw === 'string' ? [raw] : [];
  return { url: textField(form, 'url'), gebeurtenissen: events };
}

/** Everything else is the service's to check (it resolves the host too). */
export function endpointInputOf(input: WebhookFormInput): EndpointInput {
  return { url: input.url, events: input.gebeurtenissen };
}
