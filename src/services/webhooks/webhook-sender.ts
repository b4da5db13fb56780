/**
 * How a webhook delivery leaves (issue 17, W4): one POST, the JSON body as it was written in the
 * outbox, signed with the endpoint's secret over `${t}.${body}` (t from the injected clock), a
 * timeout, and no redirects followed. The destination is checked again first (W5), and the
 * connection goes to the address that check approved (pinned-post.ts: no DNS rebinding).
 */
import type { Clock } from '../clock.ts';
import type { UrlPolicy } from '../../domain/webhooks/endpoint.ts';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signatureHeader } from '../../domain/webhooks/signature.ts';
import type { WebhookMessage } from '../../domain/outbox.ts';
import { checkDestination, type Resolver } from './destination.ts';
import { postPinned } from './pinned-post.ts';

/** How long one attempt may take. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** What an attempt came to: `ok` on a 2xx answer; `status` null when no answer came. */
export type Attempt = Readonly<{ ok: boolean; status: number | null; error: string | null }>;

export type WebhookSender = Readonly<{ send(destination: { url: string; secret: string }, message: WebhookMessage): Promise<Attempt> }>;

export function createWebhookSender(clock: Clock, policy: UrlPolicy, resolve: Resolver, timeoutMs = DELIVERY_TIMEOUT_MS): WebhookSender {
  return {
    async send(destination, message) {
      const checked = await checkDestination(destination.url, policy, resolve);
      if (checked.url === null) return { ok: false, status: null, error: `adres geweigerd: ${checked.problems.map((p) => p.code).join(', ')}` };
      try {
        const headers = {
          'content-type': 'application/json',
          'user-agent': 'Loopbaanportaal-Webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(destination.secret, clock.now(), message.body),
          [EVENT_ID_HEADER]: message.eventId,
          [EVENT_TYPE_HEADER]: message.eventType,
        };
        const status = await postPinned(checked.url, checked.addresses, headers, message.body, timeoutMs);
        const ok = status >= 200 && status < 300;
        return { ok, status, error: ok ? null : `HTTP ${String(status)}` };
      } catch (error) {
        const reason = error instanceof Error ? (error.name === 'TimeoutError' ? 'geen antwoord binnen de tijd' : error.message) : String(error);
        return { ok: false, status: null, error: reason };
      }
    },
  };
}
