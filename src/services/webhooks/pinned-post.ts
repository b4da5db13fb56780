/**
 * One POST of a webhook delivery over node:http(s), connected to an address that was checked
 * before (W5): the host name is not looked up again between the check and the connection, so a
 * name server that answers a public address to the check and a private one to the connection
 * (DNS rebinding) reaches nothing. TLS still verifies the certificate against the host name
 * (SNI and the check use the URL's host, not the address). A new connection every time: a pooled
 * one could have been opened to an address checked for another delivery.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

/** A lookup that answers `address` for any host, in the form the caller asked (one or all). */
function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return (_hostname, options, callback) => {
    if (options.all === true) (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * POSTs `body` to `url` and resolves with the answer's status (its body is discarded); connects
 * to `address` when one is given, else looks the host up as usual. Redirects are not followed.
 * Rejects on a connection error or when no answer came within `timeoutMs` (a `TimeoutError`).
 */
export function postPinned(url: URL, address: string | null, headers: Readonly<Record<string, string>>, body: string, timeoutMs: number): Promise<number> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        ...(address === null ? {} : { lookup: pinnedLookup(address) }),
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
