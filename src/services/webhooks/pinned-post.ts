/**
 * One POST of a webhook delivery over node:http(s), connected to the addresses that were checked
 * before (W5), each in turn until one accepts (Node's `autoSelectFamily`, RFC 8305): the host
 * name is not looked up again between the check and the connection, so a name server that
 * answers a public address to the check and a private one to the connection (DNS rebinding)
 * reaches nothing. TLS still verifies the certificate against the host name
 * (SNI and the check use the URL's host, not the address). A new connection every time: a pooled
 * one could have been opened to an address checked for another delivery.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

type AllAddressesCallback = (error: null, addresses: { address: string; family: number }[]) => void;

/** A lookup that answers the pinned addresses for any host, in the form the caller asked (all, or the first). */
function pinnedLookup(addresses: readonly [string, ...string[]]): LookupFunction {
  const answers = addresses.map((address) => ({ address, family: isIP(address) }));
  const first = addresses[0];
  const firstFamily = isIP(first);
  return (_hostname, options, callback) => {
    if (options.all === true) (callback as AllAddressesCallback)(null, answers);
    else callback(null, first, firstFamily);
  };
}

/**
 * POSTs `body` to `url` and resolves with the answer's status (its body is discarded); connects
 * to `addresses` when given (the next when one refuses or does not answer within 250 ms), else
 * looks the host up as usual. Redirects are not followed.
 * Rejects on a connection error or when no answer came within `timeoutMs` (a `TimeoutError`).
 */
export function postPinned(url: URL, addresses: readonly string[] | null, headers: Readonly<Record<string, string>>, body: string, timeoutMs: number): Promise<number> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        ...(addresses === null || !isNonEmpty(addresses) ? {} : { lookup: pinnedLookup(addresses), autoSelectFamily: true }),
      },
      (response) => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
        // The answer's body is not ours to keep: closing the connection is all it gets.
        response.destroy();
      },
    );
    const timer = setTimeout(() => {
      request.destroy(Object.assign(new Error('geen antwoord binnen de tijd'), { name: 'TimeoutError' }));
    }, timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}

function isNonEmpty(addresses: readonly string[]): addresses is readonly [string, ...string[]] {
  return addresses.length > 0;
}
