/**
 * SSRF protection (issue 17, W5): a webhook URL's host must resolve only to public addresses. The
 * check runs when the endpoint is registered and again before every attempt, so a name that later
 * points inward is refused then too. The attempt connects to the addresses this check approved
 * (`addresses`, tried in turn), without a second lookup (pinned-post.ts).
 */
import { lookup } from 'node:dns/promises';
import type { Problem } from '../../domain/result.ts';
import { checkEndpointUrl, isPublicAddress, literalAddressOf, type UrlPolicy } from '../../domain/webhooks/endpoint.ts';

/** Every address a host name resolves to (injectable in tests). */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, order: 'verbatim' })).map((a) => a.address);

/**
 * The URL checked as typed and then by where its host leads: problems on the field `url`. With a
 * host name and public addresses only, `addresses` are all of them, in the resolver's order, for
 * the connection; null for an address typed in the URL, and when local addresses are allowed
 * (tests, development).
 */
export async function checkDestination(
  raw: string,
  policy: UrlPolicy,
  resolve: Resolver,
): Promise<{ url: URL | null; addresses: readonly string[] | null; problems: Problem[] }> {
  const checked = checkEndpointUrl(raw, policy);
  if (checked.url === null || policy.allowLocal) return { ...checked, addresses: null };
  const url = checked.url;
  if (literalAddressOf(url) !== null) return { ...checked, addresses: null };
  let addresses: string[];
  try {
    addresses = await resolve(url.hostname);
  } catch {
    return { url: null, addresses: null, problems: [{ field: 'url', code: 'onbekende-host' }] };
  }
  if (addresses.length === 0) return { url: null, addresses: null, problems: [{ field: 'url', code: 'onbekende-host' }] };
  if (!addresses.every(isPublicAddress)) return { url: null, addresses: null, problems: [{ field: 'url', code: 'prive-adres' }] };
  return { ...checked, addresses };
}
