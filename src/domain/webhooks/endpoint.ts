/**
 * W5 (issue 17): what a webhook endpoint may be. An HTTPS URL without credentials or fragment, of
 * at most 2,000 characters, whose host is not a loopback, private, link-local or otherwise
 * non-public address (SSRF); at least one event. `allowLocal` (config WEBHOOK_ALLOW_LOCAL, never in
 * production) lets tests use http://127.0.0.1. Host names are resolved by the service, which
 * checks every address it gets with `isPublicAddress`.
 */
import { BlockList, isIP } from 'node:net';
import type { Problem } from '../result.ts';
import { isWebhookEventType, type WebhookEventType } from './events.ts';

export const URL_MAX_LENGTH = 2000;
export const ENDPOINTS_PER_ORGANISATION = 10;

export type UrlPolicy = Readonly<{ allowLocal: boolean }>;

export type EndpointInput = Readonly<{ url: string; events: readonly string[] }>;

export type WebhookEndpoint = Readonly<{
  id: string;
  organisationId: string;
  url: string;
  events: readonly WebhookEventType[];
  enabled: boolean;
  createdByLabel: string;
  createdAt: Date;
}>;

const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
// IPv6: only global unicast (2000::/3) is public; within it the documentation, 6to4, Teredo and ORCHID ranges are not.
for (const [net, prefix] of [['2001:db8::', 32], ['2002::', 16], ['2001::', 32], ['2001:10::', 28], ['2001:20::', 28]] as const) NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');

/** True for an address a webhook may reach: not loopback, private, link-local, shared, reserved, multicast. */
export function isPublicAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return !NON_PUBLIC.check(address, 'ipv4');
  if (version === 6) return GLOBAL_UNICAST.check(address, 'ipv6') && !NON_PUBLIC.check(address, 'ipv6');
  return false;
}

/** The host of a parsed URL as an address when it is one (`[::1]` → `::1`), else null. */
export function literalAddressOf(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) === 0 ? null : host;
}

/** The URL as typed, checked on its own (without DNS): problems on the field `url`. */
export function checkEndpointUrl(raw: string, policy: UrlPolicy): { url: URL | null; problems: Problem[] } {
  const text = raw.trim();
  if (text === '') return { url: null, problems: [{ field: 'url', code: 'verplicht' }] };
  if (text.length > URL_MAX_LENGTH) return { url: null, problems: [{ field: 'url', code: 'te-lang', params: { max: String(URL_MAX_LENGTH) } }] };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { url: null, problems: [{ field: 'url', code: 'ongeldig-adres' }] };
  }
  if (url.protocol !== 'https:' && !(policy.allowLocal && url.protocol === 'http:')) return { url: null, problems: [{ field: 'url', code: 'geen-https' }] };
  if (url.username !== '' || url.password !== '') return { url: null, problems: [{ field: 'url', code: 'gebruiker-in-adres' }] };
  if (url.hash !== '' || text.includes('#')) return { url: null, problems: [{ field: 'url', code: 'ongeldig-adres' }] };
  const literal = literalAddressOf(url);
  if (literal !== null && !policy.allowLocal && !isPublicAddress(literal)) return { url: null, problems: [{ field: 'url', code: 'prive-adres' }] };
  return { url, problems: [] };
}

/** The events chosen: at least one, each known. */
export function checkEvents(events: readonly string[]): { events: WebhookEventType[]; problems: Problem[] } {
  const chosen = [...new Set(events)];
  if (chosen.length === 0) return { events: [], problems: [{ field: 'gebeurtenissen', code: 'verplicht' }] };
  if (!chosen.every(isWebhookEventType)) return { events: [], problems: [{ field: 'gebeurtenissen', code: 'onbekende-gebeurtenis' }] };
  return { events: chosen, problems: [] };
}
