/**
 * W5, DNS rebinding (issue 17): a delivery connects to the address its check approved, never to a
 * second lookup of the host name. Proven with a name that cannot resolve (`.invalid`, RFC 6761)
 * pinned to a local receiver: the request arrives, with the name in its Host header.
 */
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { postPinned } from '../../src/services/webhooks/pinned-post.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

describe('W5 webhook deliveries are pinned to the checked address', () => {
  let receiver: WebhookReceiver;
  before(async () => {
    receiver = await startWebhookReceiver();
  });
  after(() => receiver.close());

  function renamed(path: string): URL {
    const url = new URL(receiver.url(path));
    url.hostname = 'crm.rebinding.invalid';
    return url;
  }

  it('W5 the POST goes to the pinned address; the URL keeps its host name (Host header, TLS name)', async () => {
    const status = await postPinned(renamed('/pinned'), ['127.0.0.1'], { 'content-type': 'application/json' }, '{"a":1}', 5_000);
    assert.equal(status, 204);
    const received = receiver.received('/pinned');
    assert.equal(received.length, 1);
    const [request] = received;
    assert.ok(request !== undefined);
    assert.equal(request.body, '{"a":1}');
    assert.match(String(request.headers.host), /^crm\.rebinding\.invalid:\d+$/);
  });

  it('W4 a host with several addresses: one that refuses the connection is passed over for the next', async () => {
    // The receiver listens on 127.0.0.1 only: 127.0.0.2 (loopback too) refuses on its port.
    const status = await postPinned(renamed('/second'), ['127.0.0.2', '127.0.0.1'], {}, '{"b":2}', 5_000);
    assert.equal(status, 204);
    assert.equal(receiver.received('/second').length, 1);
    // Pinned to the refusing address alone, the attempt fails and nothing arrives.
    await assert.rejects(postPinned(renamed('/refused'), ['127.0.0.2'], {}, '{}', 5_000), { code: 'ECONNREFUSED' });
    assert.deepEqual(receiver.received('/refused'), []);
  });

  it('W5 without a pinned address the name is looked up, and this one does not resolve', async () => {
    await assert.rejects(postPinned(renamed('/unpinned'), null, {}, '{}', 5_000), (error: NodeJS.ErrnoException) => ['ENOTFOUND', 'EAI_AGAIN'].includes(String(error.code)));
    assert.deepEqual(receiver.received('/unpinned'), []);
  });

  it('W4 an answer that does not come in time ends the attempt', async () => {
    // A server that accepts the connection and never answers.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = new URL(`http://crm.rebinding.invalid:${String((silent.address() as AddressInfo).port)}/slow`);
      await assert.rejects(postPinned(url, ['127.0.0.1'], {}, '{}', 200), { name: 'TimeoutError' });
    } finally {
      silent.close();
    }
  });
});
